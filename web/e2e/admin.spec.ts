import { expect, test, type Page } from '@playwright/test';

const SHOTS = 'test-results/screenshots';
const PASSWORD = 'Demo@2026';
// Unique per run: the stack's database may be reused by several runs of this file.
// Digits only: the names it creates show on pages that console.spec reads for stray Latin words.
const RUN = String(Date.now()).slice(-6);
const DEPARTMENT = `益阳市端到端测试局${RUN}`;
const USERNAME = `e2e_${RUN}`;
const INITIAL = 'Init@2026x';

async function signIn(page: Page, username: string, password = PASSWORD) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Picks an entry of the open Ant Design select (its role=option list is screen-reader only). */
async function chooseOption(page: Page, text: string) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

test('an administrator creates a department with a section, a person and a liaison, then an account with a role that must change its password', async ({
  page,
}) => {
  // The longest flow of the suite (about thirty steps, several argon2 hashes): it needs more than
  // the default 60 s when the machine is busy; every expectation keeps its own timeout.
  test.slow();
  await page.goto('/departments');
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { name: '部门' })).toBeVisible();

  // A new department (the form checks the credit code's check digit before sending).
  await page.getByRole('button', { name: '新建部门' }).click();
  const create = page.getByRole('dialog');
  await create.getByLabel('名称').fill(DEPARTMENT);
  await create.getByLabel('简称').fill(`测试局${RUN}`);
  await create.getByLabel('统一社会信用代码').fill('123');
  await create.getByRole('button', { name: '新建' }).click();
  await expect(create.getByText('统一社会信用代码为18位数字或大写字母（不含 I、O、Z、S、V）')).toBeVisible();
  await create.getByLabel('统一社会信用代码').fill('');
  await create.getByRole('button', { name: '新建' }).click();
  await expect(create).toBeHidden();
  await page.getByRole('link', { name: DEPARTMENT }).click();
  await expect(page).toHaveURL(/\/departments\/\d+$/);
  await expect(page.getByRole('heading', { name: DEPARTMENT })).toBeVisible();
  await expect(page.getByTestId('liaison-RECEIVE')).toContainText('未指定');

  // A section, then a person in it; a malformed mobile is refused next to the field.
  const sections = page.getByTestId('sections');
  await sections.getByLabel('科（股）室名称').fill('综合科');
  await sections.getByRole('button', { name: '新建科（股）室' }).click();
  await expect(sections.getByRole('row').filter({ hasText: '综合科' }).first()).toBeVisible();
  await sections.getByLabel('所在科（股）室').click();
  await chooseOption(page, '综合科');
  await sections.getByLabel('姓名').fill('王测试');
  await sections.getByLabel('手机号码').fill('12345');
  await sections.getByRole('button', { name: '新建人员' }).click();
  await expect(sections.getByText('手机号码应为11位有效号码（如 13907370021）')).toBeVisible();
  await sections.getByLabel('手机号码').fill('13800001111');
  await sections.getByLabel('职务').fill('联络员');
  await sections.getByRole('button', { name: '新建人员' }).click();
  await expect(sections.getByRole('row', { name: '王测试 联络员 13800001111', exact: true })).toBeVisible();

  // The receive liaison; the history lists the appointment as current.
  const liaisons = page.getByTestId('liaisons');
  await liaisons.getByLabel('人员').click();
  await chooseOption(page, '王测试');
  await liaisons.getByRole('button', { name: '指定联络员' }).click();
  await expect(page.getByTestId('liaison-RECEIVE')).toContainText('王测试');
  await expect(liaisons.locator('tr.ant-table-row').filter({ hasText: '王测试' })).toContainText('现任');
  await page.screenshot({ path: `${SHOTS}/department-detail.png`, fullPage: true });

  // An account: a weak initial password is refused in the browser, a taken name by the server.
  await page.goto('/admin?tab=accounts');
  await expect(page.getByTestId('accounts')).toBeVisible();
  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill('admin');
  await dialog.getByLabel('姓名').fill('端到端 测试');
  await dialog.getByLabel('初始密码').fill('weak');
  await dialog.getByRole('button', { name: '新建' }).click();
  await expect(dialog.getByText('密码强度不足')).toBeVisible();
  await dialog.getByLabel('初始密码').fill(INITIAL);
  await dialog.getByRole('button', { name: '新建' }).click();
  await expect(dialog.getByText('用户名已存在')).toBeVisible();
  await dialog.getByLabel('用户名').fill(USERNAME);
  await dialog.getByRole('button', { name: '新建' }).click();
  await expect(dialog).toBeHidden();
  const row = page.locator('tr.ant-table-row').filter({ hasText: USERNAME });
  await expect(row).toContainText('须修改初始密码');
  await expect(row).toContainText('未分配角色');

  // A role in the new department.
  await row.getByRole('button', { name: '分配角色' }).click();
  const assign = page.getByRole('dialog');
  await assign.getByLabel('部门').click();
  await page.keyboard.type(`测试局${RUN}`);
  await chooseOption(page, DEPARTMENT);
  await assign.getByLabel('角色').click();
  await chooseOption(page, '部门负责人');
  await assign.getByLabel('变更理由').fill('端到端：新部门的负责人');
  await assign.getByRole('button', { name: '分配角色' }).click();
  await expect(assign).toBeHidden();
  await expect(row).toContainText(DEPARTMENT);
  await expect(row).toContainText('部门负责人');
  await page.screenshot({ path: `${SHOTS}/admin-accounts.png`, fullPage: true });

  // The new account signs in and must change its initial password first.
  await page.context().clearCookies();
  await page.goto('/');
  await signIn(page, USERNAME, INITIAL);
  await expect(page).toHaveURL(/\/change-password/);
  await page.getByLabel('当前密码').fill(INITIAL);
  await page.getByLabel('新密码', { exact: true }).fill('Changed@2026');
  await page.getByLabel('确认新密码').fill('Changed@2026');
  await page.screenshot({ path: `${SHOTS}/account-first-sign-in.png`, fullPage: true });
  await page.getByRole('button', { name: '确认修改' }).click();
  const user = page.getByTestId('current-user');
  await expect(user).toContainText('端到端 测试');
  await expect(user).toContainText(DEPARTMENT);

  // As the department's head it maintains its own department.
  await page.goto('/departments');
  await page.getByRole('link', { name: DEPARTMENT }).click();
  await expect(page.getByTestId('sections').getByRole('button', { name: '新建人员' })).toBeVisible();
});

test('an administrator issues an API key to a service account, sees it once, and revokes it', async ({ page }) => {
  await page.goto('/admin?tab=accounts');
  await signIn(page, 'admin');
  const name = `e2e_sys_${RUN}`;
  await page.getByRole('button', { name: '新建账号' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('用户名').fill(name);
  await dialog.getByLabel('姓名').fill('对接系统');
  await dialog.getByLabel('初始密码').fill(INITIAL);
  await dialog.getByText('服务账号（对接系统，使用接口密钥）').click();
  await dialog.getByRole('button', { name: '新建' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row).toContainText('服务账号');
  await expect(row).not.toContainText('须修改初始密码');

  await row.getByRole('button', { name: '分配角色' }).click();
  const assign = page.getByRole('dialog');
  await assign.getByLabel('部门').click();
  await page.keyboard.type('行政审批');
  await chooseOption(page, '益阳市行政审批服务局');
  await assign.getByLabel('角色').click();
  await chooseOption(page, '审批窗口');
  await assign.getByLabel('变更理由').fill('端到端：对接系统开通');
  await assign.getByRole('button', { name: '分配角色' }).click();
  await expect(row).toContainText('审批窗口');

  await row.getByRole('button', { name: '接口密钥' }).click();
  const keys = page.getByTestId('api-keys');
  await keys.getByLabel('名称').fill('一网通办');
  await keys.getByRole('button', { name: '签发密钥' }).click();
  await expect(page.getByTestId('issued-key')).toContainText('sgk_');
  const keyRow = keys.getByRole('row').filter({ hasText: '一网通办' });
  await expect(keyRow).toContainText('有效');
  await page.screenshot({ path: `${SHOTS}/admin-api-key.png`, fullPage: true });
  await keyRow.getByRole('button', { name: '吊销' }).click();
  await page
    .getByRole('tooltip')
    .getByRole('button', { name: /OK|确\s*定/ })
    .click();
  await expect(keyRow).toContainText('已吊销');
});

test('an administrator edits an SMS template: an unknown placeholder is refused, the preview follows the text', async ({ page }) => {
  await page.goto('/admin?tab=sms-templates');
  await signIn(page, 'admin');
  const table = page.getByTestId('sms-templates');
  const row = table.locator('tr.ant-table-row').filter({ hasText: '认领或反馈超期提醒' });
  await expect(row).toContainText('SG_OVERDUE');
  await expect(row).toContainText('内置默认');
  await row.getByRole('button', { name: '编辑' }).click();

  const dialog = page.getByRole('dialog');
  const text = dialog.getByLabel('短信内容');
  await text.fill('【审管联动】{applicant}的“{matter}”已超{when}期限');
  await expect(dialog.getByText('未知占位符：{when}')).toBeVisible();
  await text.fill(`【审管联动】请尽快处理{applicant}的“{matter}”（${RUN}），已超过{what}期限。`);
  await expect(dialog.getByTestId('sms-preview')).toHaveText(
    `【审管联动】请尽快处理益阳市资江食品有限公司的“食品经营许可”（${RUN}），已超过认领期限。`,
  );
  await dialog.getByLabel('服务商模板编码').fill('SMS_2026_OVERDUE');
  await page.screenshot({ path: `${SHOTS}/admin-sms-template.png`, fullPage: true });
  await dialog.getByRole('button', { name: '保存模板' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('SMS_2026_OVERDUE');
  await expect(row).toContainText(`（${RUN}），已超过认领期限`);
  await expect(row).toContainText('系统管理员');
});
