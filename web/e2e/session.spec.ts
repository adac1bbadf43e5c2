import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

const SHOTS = 'test-results/screenshots';
const PASSWORD = 'Demo@2026';

/** One GraphQL request as a connected client would send it (bearer token, JSON body). */
async function graphql(request: APIRequestContext, query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data ?? {};
}

async function adminToken(request: APIRequestContext): Promise<string> {
  const data = await graphql(
    request,
    'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { ... on SignInPayload { token } } }',
    { u: 'admin', p: PASSWORD },
  );
  return (data.signIn as { token: string }).token;
}

const ROLE_CHANGE = `mutation($input: RoleAssignmentInput!, $revoke: Boolean!) {
  assign: assignRole(input: $input, reason: "端到端：两个部门的角色") @skip(if: $revoke) { __typename }
  revoke: revokeRole(input: $input, reason: "端到端：收回第二个部门的角色") @include(if: $revoke) { __typename }
}`;

async function signIn(page: Page, username: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

test('a user with roles in two departments switches between them from the header', async ({ page, request }) => {
  // The administrator gives the approval clerk a second role, in the market regulator.
  const token = await adminToken(request);
  const departments = (await graphql(request, '{ departments { id name } }', {}, token)).departments as { id: string; name: string }[];
  const scjg = departments.find((d) => d.name === '益阳市市场监督管理局');
  expect(scjg).toBeDefined();
  const input = { username: 'spj_clerk', role: 'supervision_liaison', departmentId: scjg?.id ?? '' };
  await graphql(request, ROLE_CHANGE, { input, revoke: false }, token);

  try {
    await page.goto('/');
    await signIn(page, 'spj_clerk');
    const user = page.getByTestId('current-user');
    await expect(user).toContainText('益阳市行政审批服务局');
    await expect(user).toContainText('审批窗口');

    // The switcher lists both departments; choosing one opens a session there.
    const switcher = page.getByTestId('department-switcher');
    await switcher.click();
    await page.locator('.ant-select-item-option').filter({ hasText: '益阳市市场监督管理局' }).click();
    await expect(user).toContainText('监管联络员');
    await expect(user).not.toContainText('审批窗口');
    await page.screenshot({ path: `${SHOTS}/department-switched.png`, fullPage: true });

    // What the page shows now belongs to the new department: its received pushes.
    await page
      .getByRole('navigation')
      .getByRole('link', { name: /接收与反馈/ })
      .click();
    await expect(page.getByRole('heading', { name: '接收与反馈' })).toBeVisible();
    await expect(page.getByRole('tab', { name: /收到的推送/ })).toBeVisible();

    // And back: the approval clerk's roles again.
    await switcher.click();
    await page.locator('.ant-select-item-option').filter({ hasText: '益阳市行政审批服务局' }).click();
    await expect(user).toContainText('审批窗口');
    await expect(user).not.toContainText('监管联络员');
  } finally {
    await graphql(request, ROLE_CHANGE, { input, revoke: true }, token);
  }
});

test('the app has its favicon, and `/` answers the app to a client that does not ask for HTML', async ({ page, request }) => {
  await page.goto('/sign-in');
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBe('/favicon.svg');
  const icon = await request.get(href ?? '');
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/svg+xml');
  const root = await request.get('/', { headers: { accept: '*/*' } });
  expect(root.status()).toBe(200);
  expect(await root.text()).toContain('<div id="root">');
});
