import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

// #19 items 3 and 6, through the gateway as users: a clerk accepts and completes an application
// (API), the liaison finds the completion push by its 监管码 in the inbox's query form and
// closes it 无异常办结, the clerk's timeline shows the close with the liaison's name, and the
// message centre's unread count (the server's) drops when the liaison reads the message.
const SHOTS = 'test-results/screenshots';
const PASSWORD = 'Demo@2026';
const MATTER = '建筑工程施工许可证核发';
const APPLICANT = `益阳市监管码测试建材有限公司${Date.now() % 100000}`;
const APPLICANT_CODE = '91430900MA4L00190P';

async function signIn(page: Page, username: string) {
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

async function token(request: APIRequestContext, username: string): Promise<string> {
  const { signIn: session } = await gql<{ signIn: { token: string } }>(
    request,
    '',
    'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { ... on SignInPayload { token } } }',
    { u: username, p: PASSWORD },
  );
  return session.token;
}

async function gql<T>(request: APIRequestContext, bearer: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request.post('/graphql', {
    headers: bearer ? { authorization: `Bearer ${bearer}` } : {},
    data: { query, variables },
  });
  const body = (await response.json()) as { data: T; errors?: unknown };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

/** The clerk submits, accepts and completes (准予) an application of MATTER; its id. */
async function completedApplication(request: APIRequestContext): Promise<string> {
  const clerk = await token(request, 'spj_clerk');
  const { matters } = await gql<{ matters: { id: string; name: string }[] }>(
    request,
    clerk,
    '{ matters(kind: APPROVAL, first: 100) { id name } }',
  );
  const matter = matters.find((m) => m.name === MATTER);
  expect(matter, MATTER).toBeDefined();
  const { submitApplication } = await gql<{ submitApplication: { __typename: string; id?: string } }>(
    request,
    clerk,
    'mutation($m: ID!, $c: String!, $n: String!) { submitApplication(input: { matterId: $m, applicantCode: $c, applicantName: $n, applicantContact: "0737-4200001" }) { __typename ... on Application { id } } }',
    { m: matter?.id, c: APPLICANT_CODE, n: APPLICANT },
  );
  expect(submitApplication.__typename).toBe('Application');
  const id = submitApplication.id ?? '';
  const { creditCheck } = await gql<{ creditCheck: { ticket: string } }>(
    request,
    clerk,
    'query($c: String!, $a: ID!, $p: String!) { creditCheck(subjectCode: $c, applicationId: $a, purpose: $p) { ... on CreditCheck { ticket } } }',
    { c: APPLICANT_CODE, a: id, p: `受理办件 #${id} 前核查申请人信用` },
  );
  // 一般受理; if the server proposes incentives for this applicant, say why they are not applied.
  const accept =
    'mutation($a: ID!, $t: String!, $r: SkipReason) { acceptApplication(input: { applicationId: $a, handlingMode: NORMAL, creditTicket: $t, skipReason: $r, skipNote: "端到端：按一般程序办理" }) { __typename ... on ValidationErrors { errors { field code } } } }';
  let accepted = await gql<{ acceptApplication: { __typename: string } }>(request, clerk, accept, {
    a: id,
    t: creditCheck.ticket,
    r: null,
  });
  if (accepted.acceptApplication.__typename !== 'Application') {
    accepted = await gql(request, clerk, accept, { a: id, t: creditCheck.ticket, r: 'OTHER' });
  }
  expect(accepted.acceptApplication.__typename).toBe('Application');
  const { completeApplication } = await gql<{ completeApplication: { __typename: string } }>(
    request,
    clerk,
    'mutation($a: ID!, $n: String!) { completeApplication(input: { applicationId: $a, outcome: APPROVED, documents: [{ kind: LICENCE, number: $n }] }) { __typename } }',
    { a: id, n: `益建施字〔2026〕第${id}号` },
  );
  expect(completeApplication.__typename).toBe('Application');
  return id;
}

async function unread(page: Page): Promise<number> {
  const bell = page.getByTestId('message-bell');
  await expect(bell).toBeVisible();
  return Number(await bell.getAttribute('data-count'));
}

test('the liaison finds a push by its 监管码, closes it 无异常办结, and the clerk’s timeline names the liaison', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const id = await completedApplication(request);
  const liaison = await token(request, 'zjj_liaison');
  const { me, pushInbox } = await gql<{
    me: { displayName: string };
    pushInbox: { edges: { node: { id: string; supervisionCode: string; state: string } }[] };
  }>(
    request,
    liaison,
    'query($n: String!) { me { displayName } pushInbox(applicant: $n, stage: COMPLETED, first: 5) { edges { node { id supervisionCode state } } } }',
    {
      n: APPLICANT,
    },
  );
  const push = pushInbox.edges[0]?.node;
  expect(push?.state).toBe('CLAIMED'); // online: claimed on arrival
  const code = push?.supervisionCode ?? '';
  expect(code).toMatch(/^[0-9A-Z]{8}$/);

  // The liaison types the code as the SMS gives it (lower case, with a space) in the query form.
  await signIn(page, 'zjj_liaison');
  await page.goto('/inbox?tab=pushes');
  const form = page.getByTestId('inbox-query');
  await form.getByLabel('监管码').fill(`${code.slice(0, 4).toLowerCase()} ${code.slice(4)}`);
  await form.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page).toHaveURL(/code=/);
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(APPLICANT);
  await page.screenshot({ path: `${SHOTS}/inbox-by-code.png`, fullPage: true });

  // A code of another shape is refused, naming the field.
  await form.getByLabel('监管码').fill('ABC');
  await form.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page.getByRole('alert').filter({ hasText: '监管码' })).toBeVisible();
  await form.getByRole('button', { name: /重\s*置/ }).click();
  await expect(page).not.toHaveURL(/code=/);
  // Typed at once after the reset: the reset's own URL change must not clear it again.
  await form.getByLabel('监管码').fill(code);
  await form.getByRole('button', { name: /查\s*询/ }).click();
  await expect(page).toHaveURL(/code=/);
  await expect(rows).toHaveCount(1);

  const actions = page.getByTestId(`push-actions-${push?.id ?? ''}`);
  await actions.getByRole('button', { name: '无异常办结' }).click();
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /确\s*定|OK/ })
    .click();
  await expect(page.getByText('已办结反馈')).toBeVisible();
  await expect(actions.getByRole('button', { name: '无异常办结' })).toHaveCount(0);

  // The message centre: the push is a message naming the case; reading it drops the count.
  const before = await unread(page);
  expect(before).toBeGreaterThan(0);
  await page.getByTestId('message-bell').click();
  await expect(page.getByRole('heading', { name: '消息中心' })).toBeVisible();
  // One message per push: the 受理 push and the 办结 push (newest first).
  const messages = page.getByTestId('messages-table').getByRole('row').filter({ hasText: APPLICANT });
  await expect(messages).toHaveCount(2);
  const message = messages.first();
  await expect(message).toContainText('收到新的推送');
  await expect(message).toContainText(MATTER);
  await page.screenshot({ path: `${SHOTS}/message-centre.png`, fullPage: true });
  await message.getByRole('button', { name: '标为已读' }).click();
  await expect(message).toContainText('已读');
  await expect(page.getByTestId('message-bell')).toHaveAttribute('data-count', String(before - 1));
  // The link leads to the application.
  await message.getByRole('link', { name: '查看办件' }).click();
  await expect(page).toHaveURL(new RegExp(`/applications/${id}$`));

  // The clerk's timeline shows the close, by the liaison's name, not the account's.
  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, 'spj_clerk');
  await page.goto(`/applications/${id}`);
  const closed = page.getByTestId('application-timeline').locator('[data-testid^="timeline-closed-"]');
  await expect(closed).toHaveCount(1);
  await expect(closed).toContainText(me.displayName);
  await expect(closed).not.toContainText('zjj_liaison');
  await page.screenshot({ path: `${SHOTS}/timeline-closed.png`, fullPage: true });
});
