import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

import { usccCheckChar } from '@/lib/uscc';

// #19 item 2: each role's workbench counts its own to-dos on the server. For every role the
// test first creates to-dos through the gateway, as that role's users would (GraphQL), then
// checks that the workbench counts or lists them and that a count clicks through to its list.
const PASSWORD = 'Demo@2026';
const RUN = Date.now().toString(36).slice(-5);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');
// A subject of its own (the other specs' subjects keep their credit level).
const code = (prefix: string) => {
  const first17 = `${prefix}${RUN.toUpperCase()
    .replace(/[^0-9A-HJ-NPQRTUWXY]/g, '0')
    .padStart(5, '0')}`;
  return `${first17}${usccCheckChar(first17)}`;
};
const SUBJECT = code('91430900MA4W');
// The clerk's applicant, whose credit changes during the test (a credit-change notice).
const PUNISHED = code('91430900MA4X');

async function token(request: APIRequestContext, username: string, password = PASSWORD): Promise<string> {
  const response = await request.post('/graphql', {
    data: {
      query: 'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { ... on SignInPayload { token } } }',
      variables: { u: username, p: password },
    },
  });
  const body = (await response.json()) as { data: { signIn: { token?: string } } };
  return body.data.signIn.token ?? '';
}

async function gql<T>(request: APIRequestContext, bearer: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const response = await request.post('/graphql', { headers: { authorization: `Bearer ${bearer}` }, data: { query, variables } });
  const body = (await response.json()) as { data: T; errors?: unknown };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

async function signIn(page: Page, username: string) {
  await page.context().clearCookies();
  await page.goto('/sign-in');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
}

/** The count a workbench tile shows, once the server answered. */
async function countOf(page: Page, testId: string): Promise<number> {
  const tile = page.getByTestId(testId);
  await expect(tile).not.toHaveAttribute('data-count', '');
  return Number(await tile.getAttribute('data-count'));
}

/** Signs in, reads the tiles' counts, runs `create` (the to-dos), reloads and expects each count
 * one or more higher. */
async function countsGoUp(page: Page, username: string, testIds: string[], create: () => Promise<void>) {
  await signIn(page, username);
  const before: Record<string, number> = {};
  for (const id of testIds) before[id] = await countOf(page, id);
  await create();
  await expect(async () => {
    await page.reload();
    for (const id of testIds) expect(await countOf(page, id), `${username} ${id}`).toBeGreaterThan(before[id] ?? 0);
  }).toPass({ timeout: 30_000 });
}

/** Clicking a tile lands on the list behind it. */
async function clicksThrough(page: Page, testId: string, url: RegExp) {
  await page.goto('/');
  // Once every tile has its count: a tile still loading changes height and moves the others.
  await expect(page.locator('[data-count=""]')).toHaveCount(0);
  await page.getByTestId(testId).click();
  await expect(page).toHaveURL(url);
  await expect(page.locator('#main')).not.toContainText('无权');
}

/** Clicking a count tile opens a list of as many rows as it counted (the list's own total). */
async function listHoldsCount(page: Page, testId: string, url: RegExp, totalTestId: string) {
  await page.goto('/');
  const count = await countOf(page, testId);
  await clicksThrough(page, testId, url);
  await expect(page.getByTestId(totalTestId)).toHaveAttribute('data-count', String(count));
}

const APPROVAL_MATTERS = '{ matters(kind: APPROVAL, first: 100) { id } }';
const SUBMIT =
  'mutation($m: ID!, $c: String!, $n: String!) { submitApplication(input: { matterId: $m, applicantCode: $c, applicantName: $n }) { __typename ... on Application { id } } }';
const CHECK =
  'query($c: String!, $a: ID!) { creditCheck(subjectCode: $c, applicationId: $a, purpose: "受理前核查申请人信用") { ... on CreditCheck { ticket allowedModes } } }';
const ACCEPT = `mutation($input: AcceptApplicationInput!) { acceptApplication(input: $input) { __typename
  ... on Application { id status pushes { department { id } } } ... on ValidationErrors { errors { field code } } } }`;
const COMPLETE = `mutation($a: ID!, $n: String!) { completeApplication(input: { applicationId: $a, outcome: APPROVED,
  documents: [{ kind: LICENCE, number: $n }] }) { __typename ... on ValidationErrors { errors { field code } } } }`;

type Accepted = { id: string; status: string; pushes: { department: { id: string } }[] };

/** Submits an application on the first matter that takes it (as the clerk). */
async function submit(
  request: APIRequestContext,
  clerk: string,
  name: string,
  matterIds: string[],
  subject = SUBJECT,
): Promise<{ id: string; matter: string }> {
  for (const m of matterIds) {
    const { submitApplication } = await gql<{ submitApplication: { __typename: string; id?: string } }>(request, clerk, SUBMIT, {
      m,
      c: subject,
      n: name,
    });
    if (submitApplication.__typename === 'Application' && submitApplication.id) return { id: submitApplication.id, matter: m };
  }
  throw new Error('no matter took the application');
}

async function accept(
  request: APIRequestContext,
  clerk: string,
  id: string,
  mode: string,
  extra: Record<string, unknown> = {},
  subject = SUBJECT,
): Promise<Accepted> {
  const { creditCheck } = await gql<{ creditCheck: { ticket: string; allowedModes: string[] } }>(request, clerk, CHECK, {
    c: subject,
    a: id,
  });
  expect(creditCheck.allowedModes).toContain(mode);
  const { acceptApplication } = await gql<{ acceptApplication: Accepted & { __typename: string } }>(request, clerk, ACCEPT, {
    input: {
      applicationId: id,
      handlingMode: mode,
      creditTicket: creditCheck.ticket,
      ...(mode === 'NORMAL' ? { skipReason: 'DOCUMENTS_COMPLETE' } : {}),
      ...extra,
    },
  });
  expect(acceptApplication.__typename, JSON.stringify(acceptApplication)).toBe('Application');
  return acceptApplication;
}

test.describe.configure({ mode: 'serial' });

// Matters of 审批局 whose pushes reach 市场监管局 (the liaison's department).
const supervisedMatters: string[] = [];
let scjg = '';

test.beforeAll(async ({ request }) => {
  const clerk = await token(request, 'spj_clerk');
  const liaison = await token(request, 'scjg_liaison');
  scjg = (await gql<{ me: { departmentId: string } }>(request, liaison, '{ me { departmentId } }')).me.departmentId;
  const { matters } = await gql<{ matters: { id: string }[] }>(request, clerk, APPROVAL_MATTERS);
  // Probe: one application per matter, accepted, tells which matters push to 市场监管局.
  for (const m of matters) {
    const probe = await submit(request, clerk, `工作台探测${RUN}`, [m.id]).catch(() => null);
    if (!probe) continue;
    const done = await accept(request, clerk, probe.id, 'NORMAL');
    if (done.pushes.some((p) => p.department.id === scjg)) supervisedMatters.push(m.id);
    if (supervisedMatters.length > 0) break;
  }
  expect(supervisedMatters.length, 'a matter of 审批局 supervised by 市场监管局').toBeGreaterThan(0);
});

test('the approval clerk counts applications to accept and complete, 容缺 items and credit notices', async ({ page, request }) => {
  test.setTimeout(180_000);
  const clerk = await token(request, 'spj_clerk');
  const officer = await token(request, 'credit_officer');
  await countsGoUp(page, 'spj_clerk', ['todo-to-accept', 'todo-to-complete', 'todo-missing-items', 'todo-credit-notices'], async () => {
    await submit(request, clerk, `待受理${RUN}`, supervisedMatters, PUNISHED);
    const toComplete = await submit(request, clerk, `待办结${RUN}`, supervisedMatters, PUNISHED);
    await accept(request, clerk, toComplete.id, 'NORMAL', {}, PUNISHED);
    const missing = await submit(request, clerk, `容缺${RUN}`, supervisedMatters, PUNISHED);
    await accept(request, clerk, missing.id, 'MISSING_DOCUMENTS', { missingItems: [{ name: `补正材料${RUN}` }] }, PUNISHED);
    // The applicant's credit changes (a joint punishment makes it 失信): the department with an
    // application of it in progress gets a credit-change notice.
    await gql(
      request,
      officer,
      'mutation($c: String!, $s: Date!) { addJointPunishment(input: { subjectCode: $c, subjectName: "工作台失信企业", sourceDocument: "益发改财金〔2026〕9号", measures: "限制适用容缺受理", startsOn: $s }) { __typename } }',
      {
        c: PUNISHED,
        s: new Date().toISOString().slice(0, 10),
      },
    );
  });
  // No supervision tiles, no tile the clerk may not read.
  for (const id of [
    'todo-awaiting',
    'todo-feedback-due',
    'todo-verifications',
    'count-supervision-matters',
    'count-findings',
    'count-subjects',
  ]) {
    await expect(page.getByTestId(id)).toHaveCount(0);
  }
  await expect(page.locator('#main')).not.toContainText('无权');
  await clicksThrough(page, 'todo-to-accept', /\/applications\?status=SUBMITTED/);
  await expect(page.getByText(`待受理${RUN}`).first()).toBeVisible();
  await clicksThrough(page, 'todo-to-complete', /\/applications\?status=ACCEPTED/);
  await expect(page.getByText(`待办结${RUN}`).first()).toBeVisible();
  // 容缺: the applications a material is still awaited on; not the one accepted complete.
  await clicksThrough(page, 'todo-missing-items', /\/applications\?missing=outstanding/);
  await expect(page.getByText(`容缺${RUN}`).first()).toBeVisible();
  await expect(page.getByText(`待办结${RUN}`)).toHaveCount(0);
  await clicksThrough(page, 'todo-credit-notices', /\/inbox\?tab=notices/);
});

test('the supervision liaison sees pushes to claim or answer and verification tasks', async ({ page, request }) => {
  test.setTimeout(180_000);
  const clerk = await token(request, 'spj_clerk');
  const name = `承诺${RUN}`;
  await countsGoUp(page, 'scjg_liaison', ['todo-verifications'], async () => {
    const app = await submit(request, clerk, name, supervisedMatters);
    await accept(request, clerk, app.id, 'NOTIFY_AND_COMMIT', {
      commitment: { text: '承诺已具备许可条件', fileName: '承诺书.pdf', contentBase64: PDF },
    });
    await gql(request, clerk, COMPLETE, { a: app.id, n: `L-${RUN}` });
  });
  // The pushes of that application wait for the liaison: to claim, or (claimed online) for feedback.
  const todos = page.getByTestId('todo-awaiting').or(page.getByTestId('todo-feedback-due'));
  await expect(todos.filter({ hasText: name }).first()).toBeVisible();
  await expect(page.getByTestId('todo-overdue')).toBeVisible();
  await clicksThrough(page, 'todo-verifications', /\/inbox\?tab=verifications/);
  await page.goto('/');
  // 已逾期 lists the received pushes past their limit; 查看全部 opens the inbox filtered so.
  const overdue = await countOf(page, 'todo-overdue');
  await page.getByTestId('todo-overdue').getByRole('link', { name: '查看全部' }).click();
  await expect(page).toHaveURL(/\/inbox\?tab=pushes&overdue=true/);
  await expect(page.getByTestId('pushes-total')).toHaveAttribute('data-count', String(overdue));
  await page.goto('/');
  await page.getByTestId('todo-feedback-due').getByRole('link', { name: '查看全部' }).click();
  await expect(page).toHaveURL(/\/inbox\?tab=pushes/);
});

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);
const day = (days: number) => inDays(days).toISOString().slice(0, 10);
const CONVENE = `mutation($input: ConveneMeetingInput!) { conveneMeeting(input: $input) { __typename ... on ValidationErrors { errors { field code } } } }`;

async function convene(request: APIRequestContext, bearer: string, title: string, participant: string) {
  const { conveneMeeting } = await gql<{ conveneMeeting: { __typename: string } }>(request, bearer, CONVENE, {
    input: {
      title,
      scheduledAt: inDays(2).toISOString(),
      participants: [{ departmentId: participant, personName: '陈刚' }],
      agenda: [{ title: '联动事项' }],
    },
  });
  expect(conveneMeeting.__typename, JSON.stringify(conveneMeeting)).toBe('Meeting');
}

test('the department head sees the department’s overdue items, cards, meetings due and this month’s figures', async ({ page, request }) => {
  test.setTimeout(180_000);
  const head = await token(request, 'spj_head');
  const clerk = await token(request, 'spj_clerk');
  await countsGoUp(page, 'spj_head', ['todo-planned-meetings', 'month-sent'], async () => {
    await convene(request, head, `审管联动会商${RUN}`, scjg);
    // A push this month: the clerk accepts an application the liaison's department supervises.
    const app = await submit(request, clerk, `本月推送${RUN}`, supervisedMatters);
    await accept(request, clerk, app.id, 'NORMAL');
  });
  await expect(page.getByTestId('todo-overdue-pushes')).not.toHaveAttribute('data-count', '');
  await expect(page.getByTestId('todo-cards')).not.toHaveAttribute('data-count', '');
  await clicksThrough(page, 'todo-planned-meetings', /\/meetings\?status=PLANNED/);
  await expect(page.getByText(`审管联动会商${RUN}`).first()).toBeVisible();
  // The department's overdue pushes, sent or received: the inbox with overdue and scope=duty.
  await listHoldsCount(page, 'todo-overdue-pushes', /\/inbox\?tab=pushes&overdue=true&scope=duty/, 'pushes-total');
  // The department's cards of either colour: the history tab unfiltered, as many as counted.
  await listHoldsCount(page, 'todo-cards', /\/cards\?tab=history/, 'card-total');
  await clicksThrough(page, 'month-received', /\/statistics\/cases\?figure=PUSHES_RECEIVED/);
});

test('the coordination office sees city-wide overdue items, red cards, escalations to handle and meetings due', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const coord = await token(request, 'coord');
  const head = await token(request, 'spj_head');
  await countsGoUp(page, 'coord', ['todo-open-escalations', 'todo-planned-meetings'], async () => {
    const { raiseEscalation } = await gql<{ raiseEscalation: { __typename: string } }>(
      request,
      head,
      'mutation($input: RaiseEscalationInput!) { raiseEscalation(input: $input) { __typename } }',
      {
        input: { kind: 'RESPONSIBILITY_DISPUTE', title: `监管责任争议${RUN}`, statement: '提请协调小组研究。', partyDepartmentIds: [scjg] },
      },
    );
    expect(raiseEscalation.__typename).toBe('Escalation');
    await convene(request, coord, `联席会议${RUN}`, scjg);
  });
  await expect(page.getByTestId('todo-overdue-pushes')).not.toHaveAttribute('data-count', '');
  await expect(page.getByTestId('todo-red-cards')).not.toHaveAttribute('data-count', '');
  await expect(page.getByTestId('todo-awaiting')).toHaveCount(0);
  await clicksThrough(page, 'todo-open-escalations', /\/escalations\?status=SUBMITTED/);
  await expect(page.getByText(`监管责任争议${RUN}`).first()).toBeVisible();
  await clicksThrough(page, 'todo-planned-meetings', /\/meetings\?status=PLANNED/);
  await expect(page.getByText(`联席会议${RUN}`).first()).toBeVisible();
  // The city's open red cards: the board, open only, as many as counted.
  await listHoldsCount(page, 'todo-red-cards', /\/cards\?tab=board/, 'red-card-total');
  await listHoldsCount(page, 'todo-overdue-pushes', /\/inbox\?tab=pushes&overdue=true&scope=duty/, 'pushes-total');
});

test('the credit officer sees punishments ending, records expiring and rule changes', async ({ page, request }) => {
  test.setTimeout(180_000);
  const officer = await token(request, 'credit_officer');
  const target = code('91430900MA4Y');
  await countsGoUp(page, 'credit_officer', ['todo-joint-punishments', 'todo-records-expiring', 'todo-rule-changes'], async () => {
    await gql(
      request,
      officer,
      'mutation($c: String!, $n: String!) { registerSubject(input: { name: $n, creditCode: $c }) { __typename } }',
      { c: target, n: `信用主体${RUN}` },
    );
    const { addJointPunishment } = await gql<{ addJointPunishment: { __typename: string } }>(
      request,
      officer,
      'mutation($c: String!, $s: Date!, $e: Date!) { addJointPunishment(input: { subjectCode: $c, sourceDocument: "益发改财金〔2026〕10号", measures: "限制适用告知承诺", startsOn: $s, endsOn: $e }) { __typename } }',
      { c: target, s: day(-10), e: day(10) },
    );
    expect(addJointPunishment.__typename).toBe('JointPunishment');
    const { addCreditRecord } = await gql<{ addCreditRecord: { __typename: string } }>(
      request,
      officer,
      'mutation($c: String!, $d: Date!, $u: Date!) { addCreditRecord(input: { subjectCode: $c, category: PENALTY, title: "行政处罚", source: "市场监管局", decidedOn: $d, validUntil: $u }) { __typename } }',
      { c: target, d: day(-100), u: day(10) },
    );
    expect(addCreditRecord.__typename).not.toBe('ValidationErrors');
    type Rules = { baseScore: number; trustworthyMinScore: number; dishonestBelowScore: number; rules: Record<string, unknown>[] };
    const { creditRules } = await gql<{ creditRules: Rules }>(
      request,
      officer,
      '{ creditRules { baseScore trustworthyMinScore dishonestBelowScore rules { code name condition scoreDelta category minCount withinDays forcesLevel } } }',
    );
    const { publishCreditRules } = await gql<{ publishCreditRules: { __typename: string } }>(
      request,
      officer,
      'mutation($input: PublishCreditRulesInput!) { publishCreditRules(input: $input) { __typename } }',
      { input: { ...creditRules, note: `工作台测试${RUN}` } },
    );
    expect(publishCreditRules.__typename).toBe('CreditRuleSet');
  });
  await expect(page.getByTestId('todo-to-accept')).toHaveCount(0);
  const rows = page.locator('#main .ant-table-tbody tr.ant-table-row');
  // 30日内到期联合惩戒: the punishments ending within 30 days, the test's among them.
  await page.goto('/');
  const ending = await countOf(page, 'todo-joint-punishments');
  await clicksThrough(page, 'todo-joint-punishments', /\/credit\?tab=punishments&ending=30/);
  if (ending < 20) await expect(rows).toHaveCount(ending);
  await page.getByLabel('按主体代码筛选', { exact: true }).fill(target);
  await page.getByLabel('按主体代码筛选', { exact: true }).press('Enter');
  await expect(page).toHaveURL(/ending=30/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(target);
  // 近30日认定规则变更: the versions published in the last 30 days, the test's among them.
  await page.goto('/');
  const changes = await countOf(page, 'todo-rule-changes');
  await clicksThrough(page, 'todo-rule-changes', /\/credit\?tab=rules&within=30/);
  const versions = page.getByTestId('rule-versions').locator('tr.ant-table-row');
  await expect(versions.filter({ hasText: `工作台测试${RUN}` })).toHaveCount(1);
  if (changes <= 10) await expect(versions).toHaveCount(changes);
  // 30日内到期信用记录: the subjects with a record expiring within 30 days (one subject may
  // have several such records), the test's among them.
  await page.goto('/');
  const expiring = await countOf(page, 'todo-records-expiring');
  await clicksThrough(page, 'todo-records-expiring', /\/subjects\?expiring=30/);
  await expect(rows.first()).toBeVisible();
  expect(await rows.count()).toBeLessThanOrEqual(expiring);
  await page.getByLabel('名称或信用代码', { exact: true }).fill(target);
  await page.getByLabel('名称或信用代码', { exact: true }).press('Enter');
  await expect(page).toHaveURL(/expiring=30/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`信用主体${RUN}`);
});

test('the administrator sees dead letters, locked accounts and recent policy changes', async ({ page, request }) => {
  test.setTimeout(180_000);
  const admin = await token(request, 'admin');
  const rule = { role: 'department_head', departmentId: '*', object: 'assessment', action: 'export' };
  await countsGoUp(page, 'admin', ['todo-locked-accounts', 'todo-policy-changes'], async () => {
    const username = `wb${RUN}`;
    const { createAccount } = await gql<{ createAccount: { __typename: string } }>(
      request,
      admin,
      'mutation($u: String!) { createAccount(input: { username: $u, displayName: "工作台测试", initialPassword: "Init@2026pass" }) { __typename } }',
      { u: username },
    );
    expect(createAccount.__typename).toBe('Account');
    // Five failed sign-ins lock the account.
    for (let i = 0; i < 5; i += 1) expect(await token(request, username, 'Wrong@2026')).toBe('');
    const { addPermission } = await gql<{ addPermission: { __typename: string } }>(
      request,
      admin,
      'mutation($input: PermissionInput!) { addPermission(input: $input, reason: "工作台测试") { __typename } }',
      { input: rule },
    );
    expect(addPermission.__typename).toBe('PolicyVersion');
  });
  await gql(
    request,
    admin,
    'mutation($input: PermissionInput!) { removePermission(input: $input, reason: "工作台测试结束") { __typename } }',
    { input: rule },
  );
  await expect(page.getByTestId('todo-dead-letters')).not.toHaveAttribute('data-count', '');
  await expect(page.getByTestId('todo-to-accept')).toHaveCount(0);
  const locked = await countOf(page, 'todo-locked-accounts');
  await clicksThrough(page, 'todo-locked-accounts', /\/admin\?tab=accounts&locked=1/);
  // Only the locked accounts: the one the test locked among them, as many as the tile counted.
  await expect(page.getByRole('checkbox', { name: '仅已锁定' })).toBeChecked();
  await expect(page.getByRole('cell', { name: `wb${RUN}`, exact: true })).toBeVisible();
  await expect(page.getByTestId('accounts-total')).toHaveAttribute('data-count', String(locked));
  await clicksThrough(page, 'todo-policy-changes', /\/admin\?tab=policy/);
  await clicksThrough(page, 'todo-dead-letters', /\/admin\?tab=dead-letters/);
});
