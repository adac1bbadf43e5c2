import { expect, test, type APIRequestContext, type Page, type Request } from '@playwright/test';

const PASSWORD = 'Demo@2026';
// One demo account per role (api/demo.py).
const ROLES = ['admin', 'coord', 'spj_clerk', 'spj_head', 'scjg_liaison', 'credit_officer'];

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

interface Denied {
  id: string;
  actor: string | null;
  target: string;
  detail: unknown;
}

/** DENIED audit rows, newest first (the administrator reads them through the API). */
async function denied(request: APIRequestContext, admin: string): Promise<Denied[]> {
  const response = await request.post('/graphql', {
    headers: { authorization: `Bearer ${admin}` },
    data: { query: '{ auditEntries(first: 100, filter: {outcome: DENIED}) { edges { node { id actor target detail } } } }' },
  });
  const body = (await response.json()) as { data: { auditEntries: { edges: { node: Denied }[] } } };
  return body.data.auditEntries.edges.map((e) => e.node);
}

async function signIn(page: Page, username: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * Waits until the page has no request in flight except its live streams (the inbox
 * subscription stays open for the page's life, so Playwright's `networkidle` never comes —
 * that is why this test used to run out of time).
 */
async function settled(page: Page, pending: Set<Request>) {
  await expect.poll(() => pending.size, { timeout: 30_000 }).toBe(0);
  await page.waitForTimeout(500);
  await expect.poll(() => pending.size, { timeout: 30_000 }).toBe(0);
}

function isStream(request: Request): boolean {
  const accept = request.headers()['accept'] ?? '';
  return accept.includes('text/event-stream') || accept.includes('multipart/mixed');
}

test('the sign-in page and every role’s workbench leave no denied access in the audit log', async ({ browser, request }) => {
  // Six sign-ins, each in its own browser context with a full workbench: more than the default
  // 60 s on a busy machine (it ran out of time in a long run); the expectations are unchanged.
  test.slow();
  const admin = await token(request, 'admin');
  const before = new Set((await denied(request, admin)).map((d) => d.id));

  for (const username of ROLES) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const pending = new Set<Request>();
    page.on('request', (r) => {
      if (!isStream(r)) pending.add(r);
    });
    page.on('requestfinished', (r) => pending.delete(r));
    page.on('requestfailed', (r) => pending.delete(r));
    await page.goto('/');
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
    await signIn(page, username);
    await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
    await expect(page.getByTestId('count-approval-matters')).not.toContainText('–');
    await settled(page, pending);
    await context.close();
  }

  const fresh = (await denied(request, admin)).filter((d) => !before.has(d.id));
  expect(fresh).toEqual([]);
});
