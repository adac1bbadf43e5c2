import { expect, test, type Browser, type Page } from '@playwright/test';

const SHOTS = 'test-results/screenshots';
const PASSWORD = 'Demo@2026';
const APPLICANT = '益阳市桃花仑建筑有限公司';

async function signedIn(browser: Browser, path: string, username: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(path);
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.getByTestId('current-user')).toBeVisible();
  return page;
}

async function chooseOption(page: Page, text: string) {
  await page.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
}

/** The page follows the inbox stream (GraphQL subscription over SSE through the gateway). */
async function live(page: Page) {
  await expect(page.getByTestId('live-status')).toHaveAttribute('data-status', 'live');
}

test('the workbench lists my to-dos, and pushes and feedback arrive live without reloading', async ({ browser }) => {
  test.setTimeout(120_000);
  // The supervising liaison has the workbench and then the inbox open, following live updates.
  const liaison = await signedIn(browser, '/', 'zjj_liaison');
  for (const card of ['todo-awaiting', 'todo-feedback-due', 'todo-overdue', 'todo-notices']) {
    await expect(liaison.getByTestId(card)).toBeVisible();
  }
  await liaison.screenshot({ path: `${SHOTS}/workbench-todos.png`, fullPage: true });
  await liaison
    .getByRole('navigation')
    .getByRole('link', { name: /接收与反馈/ })
    .click();
  await expect(liaison.getByRole('heading', { name: '接收与反馈' })).toBeVisible();
  await live(liaison);
  await expect(liaison.getByRole('row').filter({ hasText: APPLICANT })).toHaveCount(0);

  // In another browser, the approval clerk submits and accepts an application whose matter is
  // linked to the liaison's department.
  const clerk = await signedIn(browser, '/applications/new', 'spj_clerk');
  const matter = clerk.getByRole('combobox', { name: '办理事项' });
  await matter.click();
  await matter.fill('建筑工程施工');
  await chooseOption(clerk, '建筑工程施工许可证核发');
  await clerk.getByLabel('统一社会信用代码').fill('91430900MA4L00002Y');
  await clerk.getByLabel('申请人名称').fill(APPLICANT);
  await clerk.getByLabel('联系方式').fill('0737-4200000');
  await clerk.getByRole('button', { name: '提交' }).click();
  await expect(clerk).toHaveURL(/\/applications\/\d+$/);
  const applicationId = /\/applications\/(\d+)$/.exec(clerk.url())?.[1] ?? '';
  const panel = clerk.getByTestId('accept-panel');
  await panel.getByLabel('查询目的').fill(`受理办件 #${applicationId} 前核查申请人信用`);
  await panel.getByRole('button', { name: '信用核查' }).click();
  await expect(panel.getByTestId('credit-level')).toBeVisible();
  // The normal way for a trustworthy applicant leaves the proposed incentives unapplied: the
  // panel asks why before sending (the server would refuse too).
  await panel.getByRole('radio', { name: '一般受理' }).check();
  await panel.getByRole('button', { name: '以“一般受理”受理' }).click();
  await expect(panel.getByText('请选择未适用的理由')).toBeVisible();
  await panel.getByRole('combobox', { name: '未适用理由' }).click();
  await chooseOption(clerk, '其他');
  await panel.getByRole('button', { name: '以“一般受理”受理' }).click();
  await expect(panel.getByText('理由为“其他”时须填写说明')).toBeVisible();
  await panel.getByLabel('理由说明').fill('申请人要求按一般程序办理');
  await panel.getByRole('button', { name: '以“一般受理”受理' }).click();
  await expect(clerk.getByTestId('application-status')).toHaveText('已受理');

  // The push appears in the liaison's open inbox, with a notice, and nobody reloaded the page.
  const row = liaison.getByRole('row').filter({ hasText: APPLICANT });
  await expect(row).toContainText('建筑工程施工许可证核发', { timeout: 30_000 });
  await expect(liaison.getByText('收到新的推送').first()).toBeVisible();
  await liaison.screenshot({ path: `${SHOTS}/inbox-live-push.png`, fullPage: true });

  // The clerk now follows the feedback inbox; the liaison records a finding on the application.
  await clerk.goto('/inbox?tab=feedback');
  await live(clerk);
  await row.getByRole('link', { name: APPLICANT }).click();
  await liaison.getByRole('button', { name: '登记监管结果' }).click();
  const dialog = liaison.getByRole('dialog');
  await dialog.getByRole('combobox', { name: '类别' }).click();
  await chooseOption(liaison, '监督检查');
  await dialog.getByLabel('结果摘要').fill('实时反馈：脚手架未设防护网');
  await dialog.getByLabel('发现日期').fill('2026-09-01');
  await dialog.getByLabel('发现日期').press('Tab'); // the date picker keeps what was typed when it loses focus
  // Only abnormal findings are fed back to the approving department.
  await dialog.getByLabel('异常').check();
  await dialog.getByRole('combobox', { name: '处理结果' }).click();
  await chooseOption(liaison, '责令整改');
  await dialog.getByLabel('采取的措施').fill('下达整改通知书');
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(dialog).toBeHidden();

  // The feedback arrives in the clerk's open feedback inbox, live.
  await expect(clerk.getByRole('row').filter({ hasText: '实时反馈：脚手架未设防护网' })).toBeVisible({ timeout: 30_000 });
  await expect(clerk.getByText('收到新的监管反馈').first()).toBeVisible();
  await clerk.screenshot({ path: `${SHOTS}/inbox-live-feedback.png`, fullPage: true });
});
