import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

import { usccCheckChar } from '@/lib/uscc';

// Coordination pages: joint meetings, escalations, the card board and the SMS log, against the
// real stack (demo data from api/demo.py: coord is the coordination office, spj_head the
// approval bureau's head).
const SHOTS = 'test-results/screenshots';
const PASSWORD = 'Demo@2026';

async function signIn(page: Page, username: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

async function signOutAndIn(page: Page, path: string, username: string) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto(path);
  await signIn(page, username);
}

async function graphql<T>(request: APIRequestContext, query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const response = await request.post('/graphql', {
    data: { query, variables },
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/**
 * The approval clerk checks the applicant's credit and accepts application 3 through the API
 * (app.spec.ts ends by taking application/read away from clerks, so the page would not open):
 * one push to 市生态环境局, whose receive liaison gets the SMS.
 */
async function acceptApplicationThree(request: APIRequestContext): Promise<void> {
  const { signIn: session } = await graphql<{ signIn: { token: string } }>(
    request,
    'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { ... on SignInPayload { token } } }',
    { u: 'spj_clerk', p: PASSWORD },
  );
  const subjectCode = `91430900MA4L00003${usccCheckChar('91430900MA4L00003')}`;
  const { creditCheck } = await graphql<{ creditCheck: { ticket: string } }>(
    request,
    'query($c: String!) { creditCheck(subjectCode: $c, applicationId: "3", purpose: "受理办件 #3 前核查申请人信用") { ... on CreditCheck { ticket } } }',
    { c: subjectCode },
    session.token,
  );
  const { acceptApplication } = await graphql<{ acceptApplication: { __typename: string; status?: string } }>(
    request,
    'mutation($t: String!, $f: String!) { acceptApplication(input: {applicationId: "3", handlingMode: NOTIFY_AND_COMMIT, creditTicket: $t, commitment: {text: "承诺已具备许可条件", fileName: "承诺书.pdf", contentBase64: $f}}) { __typename ... on Application { status } } }',
    { t: creditCheck.ticket, f: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64') },
    session.token,
  );
  expect(acceptApplication).toEqual({ __typename: 'Application', status: 'ACCEPTED' });
}

/** Picks an entry of the open Ant Design select. */
async function chooseOption(page: Page, text: string) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

function nav(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('link', { name, exact: true });
}

/** The form item around a labelled control (its error text is shown there). */
function formItem(page: Page, label: string) {
  return page.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
}

test('the coordination office convenes a meeting, records minutes, a decision and its follow-up', async ({ page }) => {
  await page.goto('/meetings');
  await signIn(page, 'coord');
  await expect(page.getByRole('heading', { name: '联席会议' })).toBeVisible();
  const demo = page.getByRole('row').filter({ hasText: '2026年第三季度审管联动联席会议' });
  await expect(demo).toContainText('已召开');
  await expect(demo).toContainText('1 项逾期'); // the demo decision due 2026-10-31 is still open
  await page.screenshot({ path: `${SHOTS}/meetings.png`, fullPage: true });

  // Filter by status (server side; kept in the URL).
  await page.getByRole('combobox', { name: '状态' }).click();
  await chooseOption(page, '待召开');
  await expect(page).toHaveURL(/status=PLANNED/);
  await expect(page.getByRole('row').filter({ hasText: '2026年第四季度审管联动联席会议' })).toBeVisible();
  await expect(demo).toHaveCount(0);

  // Convene: the browser checks the required fields first.
  await page.getByRole('button', { name: '召集会议' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(dialog.getByText('请输入会议名称')).toBeVisible();
  await expect(dialog.getByText('至少选择一个参会部门')).toBeVisible();
  await dialog.getByLabel('会议名称').fill('E2E 专题联席会议');
  await dialog.getByLabel('会议时间').fill('2026-12-20T09:30');
  await dialog.getByLabel('会议时间').press('Tab'); // the date picker keeps what was typed when it loses focus
  await dialog.getByLabel('地点').fill('市政务服务中心 305');
  await dialog.getByRole('combobox', { name: '参会部门' }).click();
  await chooseOption(page, '益阳市市场监督管理局');
  await chooseOption(page, '益阳市住房和城乡建设局');
  await dialog.getByLabel('地点').click(); // closes the department list
  await dialog.getByRole('button', { name: '添加议题' }).click();
  await dialog.getByLabel('议题名称').fill('食品经营许可证后监管衔接');
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('heading', { name: /联席会议详情 #\d+/ })).toBeVisible();
  await expect(page.getByTestId('meeting-status')).toHaveText('待召开');
  await expect(page.getByText('益阳市市场监督管理局、益阳市住房和城乡建设局')).toBeVisible();

  // Minutes: the meeting becomes held.
  await page.getByLabel('会议纪要', { exact: true }).fill('一、通报食品经营许可证后监管情况；\n二、议定事项见下。');
  await page.getByLabel('召开时间').fill('2026-12-20T09:30');
  await page.getByLabel('召开时间').press('Tab'); // the date picker keeps what was typed when it loses focus
  await page.getByRole('button', { name: '录入纪要' }).click();
  await expect(page.getByTestId('meeting-status')).toHaveText('已召开');
  await expect(page.getByTestId('meeting-minutes')).toContainText('通报食品经营许可证后监管情况');

  // A decision with owner department and due date.
  await page.getByRole('button', { name: '添加议定事项' }).click();
  await expect(page.getByText('请输入议定事项')).toBeVisible();
  await page.getByLabel('事项内容').fill('市场监管局每周比对许可与抽查名单');
  await page.getByRole('combobox', { name: '责任部门' }).click();
  await chooseOption(page, '益阳市市场监督管理局');
  await page.getByLabel('完成时限').fill('2027-01-31');
  await page.getByLabel('完成时限').press('Tab'); // the date picker keeps what was typed when it loses focus
  await page.getByRole('combobox', { name: '对应议题' }).click();
  await chooseOption(page, '1. 食品经营许可证后监管衔接');
  await page.getByRole('button', { name: '添加议定事项' }).click();
  const decision = page.getByTestId('decisions').getByRole('row').filter({ hasText: '市场监管局每周比对许可与抽查名单' });
  await expect(decision).toContainText('落实中');
  await expect(decision).toContainText('2027-01-31');

  // Follow-up: dropping needs a reason (checked before sending); done does not.
  await decision.getByRole('button', { name: '不再落实' }).click();
  const followUp = page.getByRole('dialog');
  await followUp.getByRole('button', { name: /OK|确\s*定/ }).click();
  await expect(followUp.getByText('不再落实须说明理由')).toBeVisible();
  await followUp.getByRole('button', { name: /Cancel|取\s*消/ }).click();
  await decision.getByRole('button', { name: '已落实' }).click();
  await page.getByRole('dialog').getByLabel('说明').fill('已建立每周比对机制');
  await page
    .getByRole('dialog')
    .getByRole('button', { name: /OK|确\s*定/ })
    .click();
  await expect(decision).toContainText('已建立每周比对机制');
  await expect(decision.getByRole('button', { name: '已落实' })).toHaveCount(0);

  // The server's field error lands next to its field: no such push.
  await page.getByLabel('推送编号').fill('999999');
  await page.getByRole('button', { name: '登记交换推送' }).click();
  await expect(formItem(page, '推送编号')).toContainText('推送不存在');
  await page.screenshot({ path: `${SHOTS}/meeting-detail.png`, fullPage: true });
});

test('a department head raises an escalation; the coordination office assigns, schedules and decides it; its action done, it closes', async ({
  page,
}) => {
  await page.goto('/escalations');
  await signIn(page, 'spj_head');
  await expect(page.getByRole('row').filter({ hasText: '公共场所卫生许可由区县审批后的监管职责划分' })).toContainText('已提交');
  await page.getByRole('link', { name: '提请市协调小组研究' }).click();
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('请选择类别')).toBeVisible();
  await expect(page.getByText('请输入情况说明')).toBeVisible();
  await page.getByRole('combobox', { name: /^(\* )?类别$/ }).click();
  await chooseOption(page, '职责争议');
  await page.getByLabel('标题').fill('E2E 食品经营许可后监管职责争议');
  await page.getByLabel('情况说明').fill('市审批局与市市场监管局对证后检查的牵头部门意见不一，请研究。');
  await page.getByRole('combobox', { name: '涉及部门' }).click();
  await chooseOption(page, '益阳市市场监督管理局');
  await page.keyboard.press('Escape');
  await page.getByLabel('添加附件（PDF、PNG、JPEG，10 MB 以内）').setInputFiles({
    name: '情况说明.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  });
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByRole('heading', { name: /提请事项详情 #\d+/ })).toBeVisible();
  await expect(page.getByTestId('escalation-status')).toHaveText('已提交');
  await expect(page.getByText('情况说明.pdf')).toBeVisible();
  const path = new URL(page.url()).pathname;

  // The office: assign, put on a planned meeting it convened, decide.
  await signOutAndIn(page, path, 'coord');
  await expect(page.getByTestId('escalation-status')).toHaveText('已提交');
  await page.getByLabel('承办人').fill('谢婷');
  await page.getByRole('button', { name: '分办' }).click();
  await expect(page.getByTestId('escalation-status')).toHaveText('已受理');
  await page.getByRole('combobox', { name: '会议' }).click();
  await chooseOption(page, '2026年第四季度审管联动联席会议');
  await page.getByRole('button', { name: '列入会议议题' }).click();
  await expect(page.getByTestId('escalation-status')).toHaveText('会商中');
  await page.getByRole('button', { name: '作出决定' }).click();
  await expect(page.getByText('请输入决定内容')).toBeVisible();
  await page.getByLabel('决定', { exact: true }).fill('由市市场监管局牵头证后检查，市审批局推送许可信息。');
  // The decision's action: owner department and due date (a week ahead).
  await page.getByRole('button', { name: '增加一项落实事项' }).click();
  const actions = page.getByTestId('decide-actions');
  await actions.getByRole('combobox', { name: '责任部门' }).click();
  await chooseOption(page, '益阳市市场监督管理局');
  const due = new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);
  await actions.getByLabel('完成时限').fill(due);
  await actions.getByLabel('内容').fill('制定证后检查牵头工作方案');
  await page.getByRole('button', { name: '作出决定' }).click();
  await expect(page.getByTestId('escalation-status')).toHaveText('已决定');
  await expect(page.getByTestId('escalation-decision')).toContainText('由市市场监管局牵头证后检查');
  const action = page.getByTestId('escalation-actions').getByRole('row').filter({ hasText: '制定证后检查牵头工作方案' });
  await expect(action).toContainText('益阳市市场监督管理局');
  await expect(action).toContainText(due);
  await expect(action).toContainText('落实中');
  // The office marks it done: the last action, so the escalation closes.
  await action.getByRole('button', { name: '登记完成' }).click();
  await page.getByRole('button', { name: /OK|确\s*定/ }).click();
  await expect(page.getByTestId('escalation-status')).toHaveText('已办结');
  await expect(action).toContainText('已完成');
  await expect(page.getByTestId('escalation-working-days')).toContainText('个工作日');
  await expect(page.getByTestId('escalation-transitions').getByRole('row')).toHaveCount(6); // header + 5 states
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载' }).click();
  expect((await download).suggestedFilename()).toBe('情况说明.pdf');
  await page.screenshot({ path: `${SHOTS}/escalation-detail.png`, fullPage: true });

  // The meeting now has it on its agenda.
  await page.getByRole('link', { name: /^#\d+$/ }).click();
  await expect(page.getByRole('row').filter({ hasText: 'E2E 食品经营许可后监管职责争议' })).toContainText('提请事项');

  // The raising department sees the decision.
  await signOutAndIn(page, path, 'spj_head');
  await expect(page.getByTestId('escalation-decision')).toContainText('由市市场监管局牵头证后检查');
  await expect(page.getByText('协调办办理')).toHaveCount(0);
  await nav(page, '提请事项').click();
  await expect(page.getByRole('row').filter({ hasText: 'E2E 食品经营许可后监管职责争议' })).toContainText('已办结');
  await page.screenshot({ path: `${SHOTS}/escalations.png`, fullPage: true });
});

test('a push sends an SMS that the SMS log shows; the card board is there for the office', async ({ page, request }) => {
  await acceptApplicationThree(request); // its own cookie jar: the page stays signed out
  await page.goto('/sms');
  await signIn(page, 'spj_head');
  await expect(nav(page, '亮牌督办')).toBeVisible(); // department heads see the card history
  await expect(nav(page, '短信记录')).toBeVisible();

  // The office reads the city's SMS log: the liaison's mobile is masked for it.
  await signOutAndIn(page, '/sms', 'coord');
  await expect(page.getByRole('heading', { name: '短信记录' })).toBeVisible();
  // Other specs push to the same applicant too: this push's SMS went to 曾红.
  const sms = page.getByRole('row').filter({ hasText: '益阳银城环保科技有限公司' }).filter({ hasText: '曾红' }).first();
  await expect(async () => {
    await page.reload();
    await expect(sms).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(sms).toContainText('曾红');
  await expect(sms).toContainText('138****4402');
  await expect(sms).toContainText('SG_PUSH');
  await expect(sms).toContainText('推送提醒');
  await expect(sms).toContainText('已发送');
  await expect(sms).toContainText(/#\d+/);
  await page.screenshot({ path: `${SHOTS}/sms.png`, fullPage: true });

  // The card board: red cards city-wide (open only by default) and the card history.
  await nav(page, '亮牌督办').click();
  await expect(page.getByRole('tab', { name: '红牌看板' })).toBeVisible();
  await expect(page.getByTestId('red-card-total')).toHaveText(/共 \d+ 张/);
  await page.getByRole('switch', { name: '只看未认领或未反馈的' }).click();
  await expect(page.getByTestId('red-card-total')).toHaveText(/共 \d+ 张/);
  await page.screenshot({ path: `${SHOTS}/cards.png`, fullPage: true });
  await page.getByRole('tab', { name: '亮牌记录' }).click();
  await expect(page.getByTestId('card-total')).toHaveText(/共 \d+ 张/);
});
