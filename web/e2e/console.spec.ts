import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

// #19: each role's console — only what the role may use, Chinese throughout, the inbox's actions
// on screen at 1366×768, Chinese date pickers, and each role's to-dos on the workbench.
const PASSWORD = 'Demo@2026';
const ROLES = ['admin', 'coord', 'spj_clerk', 'spj_head', 'scjg_liaison', 'credit_officer'];

// Words that may stand in Latin letters on a zh-CN page: formats, product names, the language switch.
const ALLOWED_LATIN = new Set(['PDF', 'Excel', 'PNG', 'JPEG', 'SMS', 'API', 'English', 'MB', 'KB', 'xlsx', 'Bearer']);
const PERMISSION_ERRORS = ['无权执行此操作', '无权查看', 'FORBIDDEN'];

async function signIn(page: Page, username: string) {
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

async function token(request: APIRequestContext, username: string): Promise<string> {
  const response = await request.post('/graphql', {
    data: {
      query: 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { ... on SignInPayload { token } } }',
      variables: { u: username, p: PASSWORD },
    },
  });
  const body = (await response.json()) as { data: { signIn: { token: string } } };
  return body.data.signIn.token;
}

async function gql<T>(request: APIRequestContext, bearer: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request.post('/graphql', { headers: { authorization: `Bearer ${bearer}` }, data: { query, variables } });
  const body = (await response.json()) as { data: T; errors?: unknown };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

/** What a reader sees of the page's main text (the header's language switch excluded), without
 * the identifiers marked `[data-code]` (components/Code.tsx: 监管码, 统一社会信用代码, 办件编号,
 * hashes, provider template codes), and those identifiers apart: each must read as a code. */
async function visibleText(page: Page): Promise<{ text: string; codes: string[] }> {
  return page.locator('#main').evaluate((main: HTMLElement) => {
    const marked = [...main.querySelectorAll<HTMLElement>('[data-code]')];
    const codes = marked.map((el) => el.innerText);
    const shown = marked.map((el) => el.style.display);
    for (const el of marked) el.style.display = 'none';
    const text = main.innerText;
    marked.forEach((el, i) => (el.style.display = shown[i] ?? ''));
    return { text, codes };
  });
}

// A marked code is an identifier — letters, digits and separators, no words, no spaces.
const CODE_SHAPE = /^[0-9A-Za-z_\-.*…]*$/;

function strayLatin(text: string): string[] {
  const words = text.match(/[A-Za-z][A-Za-z_]{2,}/g) ?? [];
  return [...new Set(words.filter((w) => !ALLOWED_LATIN.has(w)))];
}

for (const username of ROLES) {
  test(`${username}: every navigation item opens without a permission error, raw enum or English`, async ({ page }) => {
    test.setTimeout(180_000);
    await signIn(page, username);
    const nav = page.getByRole('navigation').getByRole('link');
    const paths = await nav.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(paths.length).toBeGreaterThan(1);
    const problems: string[] = [];
    for (const path of paths) {
      await page.goto(path);
      await page.waitForLoadState('load');
      // Lists and counts settle (no spinner, no skeleton) before the text is read.
      await expect(page.locator('#main .ant-spin-spinning, #main .ant-skeleton'))
        .toHaveCount(0, { timeout: 20_000 })
        .catch(() => undefined);
      await page.waitForTimeout(500);
      const { text, codes } = await visibleText(page);
      for (const code of codes) if (!CODE_SHAPE.test(code)) problems.push(`${path}: marked as code ${JSON.stringify(code)}`);
      for (const error of PERMISSION_ERRORS) if (text.includes(error)) problems.push(`${path}: ${error}`);
      for (const code of text.match(/\b[A-Z_]{4,}\b/g) ?? []) problems.push(`${path}: raw enum ${code}`);
      for (const word of strayLatin(text)) problems.push(`${path}: English ${word}`);
    }
    expect(problems).toEqual([]);
  });
}

test('the credit officer has no 办件 and the coordination office is not offered 申报办件', async ({ page }) => {
  await signIn(page, 'credit_officer');
  await expect(page.getByRole('navigation').getByRole('link', { name: '办件' })).toHaveCount(0);
  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, 'coord');
  await page.goto('/applications');
  await expect(page.getByTestId('applications-query')).toBeVisible();
  await expect(page.getByRole('button', { name: '申报办件' })).toHaveCount(0);
});

test('at 1366×768 the inbox action buttons lie inside the viewport', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await signIn(page, 'wjw_liaison');
  await page.goto('/inbox?tab=pushes');
  const actions = page.locator('[data-testid^="push-actions-"]').first();
  await expect(actions).toBeVisible();
  for (const control of await actions.locator('button, a').all()) {
    const box = await control.boundingBox();
    expect(box).not.toBeNull();
    if (!box) continue;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(1366);
  }
});

test('a date picker shows Chinese month names with Monday first', async ({ page }) => {
  await signIn(page, 'spj_clerk');
  await page.goto('/applications');
  await page.getByTestId('applications-query').getByLabel('申报日期起').click();
  const panel = page.locator('.ant-picker-dropdown:visible');
  await expect(panel).toBeVisible();
  const weekdays = await panel.locator('thead th').allInnerTexts();
  expect(weekdays[0]).toBe('一');
  expect(weekdays[6]).toBe('日');
  await panel.locator('.ant-picker-month-btn').click();
  // Ant Design's zh_CN month panel reads 1月 … 12月.
  await expect(panel.getByText('1月', { exact: true })).toBeVisible();
  await expect(panel.getByText('Jan')).toHaveCount(0);
});

test('each role’s workbench shows its own to-dos, and an application the test submits counts for the clerk', async ({ page, request }) => {
  test.setTimeout(120_000);
  const clerk = await token(request, 'spj_clerk');
  const { matters } = await gql<{ matters: { id: string }[] }>(
    request,
    clerk,
    '{ matters(kind: APPROVAL, first: 50) { id department { id } } }',
  );
  await signIn(page, 'spj_clerk');
  const toAccept = page.getByTestId('todo-to-accept');
  await expect(toAccept).not.toHaveAttribute('data-count', '');
  const before = Number(await toAccept.getAttribute('data-count'));
  let submitted = false;
  for (const m of matters) {
    const data = await gql<{ submitApplication: { __typename: string } }>(
      request,
      clerk,
      'mutation($m: ID!) { submitApplication(input: { matterId: $m, applicantCode: "91430900MA4L00002Y", applicantName: "工作台测试企业" }) { __typename } }',
      { m: m.id },
    );
    if (data.submitApplication.__typename === 'Application') {
      submitted = true;
      break;
    }
  }
  expect(submitted).toBe(true);
  await page.reload();
  await expect(page.getByTestId('todo-to-accept')).toHaveAttribute('data-count', String(before + 1));
  await page.getByTestId('todo-to-accept').click();
  await expect(page).toHaveURL(/\/applications\?status=SUBMITTED/);
  await expect(page.getByText('工作台测试企业').first()).toBeVisible();

  const expected: Record<string, string[]> = {
    spj_head: ['todo-overdue-pushes', 'todo-cards', 'todo-planned-meetings'],
    coord: ['todo-overdue-pushes', 'todo-red-cards', 'todo-open-escalations', 'todo-planned-meetings'],
    scjg_liaison: ['todo-verifications'],
    admin: ['todo-dead-letters', 'todo-policy-changes'],
    credit_officer: ['todo-joint-punishments'],
  };
  for (const [username, ids] of Object.entries(expected)) {
    await page.getByRole('button', { name: '退出登录' }).click();
    await signIn(page, username);
    for (const id of ids) await expect(page.getByTestId(id), `${username} ${id}`).not.toHaveAttribute('data-count', '');
  }
});
