import { expect, test, type Page } from '@playwright/test';

const SHOTS = 'test-results/screenshots';
const PASSWORD = 'Demo@2026';

async function signIn(page: Page, username: string, password = PASSWORD) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Picks an entry of the open Ant Design select (its role=option list is screen-reader only). */
async function chooseOption(page: Page, text: string) {
  await page.locator('.ant-select-item-option').filter({ hasText: text }).first().click();
}

/** A link of the side navigation. */
function nav(page: Page, name: string) {
  return page.getByRole('navigation').getByRole('link', { name, exact: true });
}

test('an anonymous deep link goes to sign-in and comes back after it', async ({ page }) => {
  await page.goto('/applications/1');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fapplications%2F1$/);
  await expect(page.getByRole('heading', { name: '审管联动' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/sign-in.png`, fullPage: true });

  await signIn(page, 'spj_clerk');
  await expect(page).toHaveURL(/\/applications\/1$/);
  await expect(page.getByText('双随机抽查发现从业人员健康证明过期，责令限期整改')).toBeVisible();
});

test('a clerk signs in, sees matters and an application with its findings, and signs out', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/sign-in$/);
  await signIn(page, 'spj_clerk');

  const user = page.getByTestId('current-user');
  await expect(user).toContainText('审批局 李娜');
  await expect(user).toContainText('益阳市行政审批服务局');
  await expect(user).toContainText('审批窗口');
  await expect(page.getByTestId('count-applications')).toContainText('5');
  await page.screenshot({ path: `${SHOTS}/workbench.png`, fullPage: true });

  await nav(page, '事项').click();
  await expect(page).toHaveURL(/\/matters$/);
  await expect(page.getByRole('heading', { name: '事项' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '430900-XK-0005' })).toContainText('企业投资项目核准');
  await page.screenshot({ path: `${SHOTS}/matters.png`, fullPage: true });

  // Search runs on the server; the URL keeps the filter.
  await page.getByLabel('名称或编码').fill('卫生');
  await page.getByLabel('名称或编码').press('Enter');
  await expect(page).toHaveURL(/q=%E5%8D%AB%E7%94%9F/);
  await expect(page.getByRole('row').filter({ hasText: '公共场所卫生许可' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '企业投资项目核准' })).toHaveCount(0);

  await nav(page, '办件').click();
  await expect(page).toHaveURL(/\/applications$/);
  await expect(page.getByRole('row').filter({ hasText: '益阳市资江食品有限公司' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/applications.png`, fullPage: true });

  await page.getByRole('link', { name: '1', exact: true }).click();
  await expect(page.getByRole('heading', { name: /办件详情 #1/ })).toBeVisible();
  await expect(page.getByText('双随机抽查发现从业人员健康证明过期，责令限期整改')).toBeVisible();
  await expect(page.getByText('准予益阳市资江食品有限公司的行政许可')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/application-detail.png`, fullPage: true });

  await nav(page, '部门').click();
  await expect(page.getByRole('row').filter({ hasText: '益阳市市场监督管理局' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/departments.png`, fullPage: true });

  await nav(page, '信用主体').click();
  await expect(page.getByRole('row').filter({ hasText: '91430900MA4L00001U' })).toBeVisible();
  await page.getByRole('link', { name: '91430900MA4L00001U' }).click();
  await expect(page.getByRole('heading', { name: '益阳市资江食品有限公司' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/subject-detail.png`, fullPage: true });

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto('/matters');
  await expect(page).toHaveURL(/\/sign-in\?next=%2Fmatters$/);
});

test('signing in works with the keyboard alone', async ({ page }) => {
  await page.goto('/sign-in');
  await expect(page.getByLabel('用户名')).toBeFocused();
  await page.keyboard.type('spj_clerk');
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('current-user')).toContainText('审批局 李娜');
  // The first Tab on a page offers the skip link to the main content.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '跳到主要内容' })).toBeFocused();
});

test('a wrong password is reported next to the password field', async ({ page }) => {
  await page.goto('/sign-in');
  await signIn(page, 'spj_clerk', 'not-the-password');
  await expect(page.getByText('用户名或密码不正确')).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in$/);
});

test('an expired session returns to sign-in and back to the page after signing in again', async ({ page }) => {
  await page.goto('/sign-in');
  await signIn(page, 'spj_clerk');
  await expect(page.getByTestId('current-user')).toContainText('审批局 李娜');
  // The server no longer accepts the session (expired or revoked).
  await page.evaluate(() => sessionStorage.setItem('shenguan.session', 'expired.session.token'));
  await page.goto('/departments');
  await expect(page).toHaveURL(/\/sign-in\?expired=1&next=%2Fdepartments$/);
  await expect(page.getByText('会话已过期，请重新登录')).toBeVisible();
  await signIn(page, 'spj_clerk');
  await expect(page).toHaveURL(/\/departments$/);
});

test('forms check input before sending and show server validation next to the field', async ({ page }) => {
  await page.goto('/subjects/new');
  await signIn(page, 'credit_officer');
  await expect(page.getByRole('heading', { name: '登记信用主体' })).toBeVisible();

  // Checked in the browser: the check character is wrong.
  await page.getByLabel('统一社会信用代码').fill('91430900MA4L00001A');
  await page.getByLabel('名称').fill('益阳市资江食品有限公司');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('统一社会信用代码校验位不正确')).toBeVisible();

  // Checked by the server: the subject is already registered.
  await page.getByLabel('统一社会信用代码').fill('91430900MA4L00001U');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('该统一社会信用代码已登记')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/subject-register-errors.png`, fullPage: true });
});

test('a clerk submits an application and lands on it', async ({ page }) => {
  await page.goto('/applications/new');
  await signIn(page, 'spj_clerk');
  await expect(page.getByRole('heading', { name: '申报办件' })).toBeVisible();

  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('请选择办理事项')).toBeVisible();
  await expect(page.getByText('请输入申请人名称')).toBeVisible();

  const matter = page.getByRole('combobox', { name: '办理事项' });
  await matter.click();
  await matter.fill('食品经营');
  await chooseOption(page, '食品经营许可');
  await page.getByLabel('统一社会信用代码').fill('91430900MA4L00002Y');
  await page.getByLabel('申请人名称').fill('湖南益阳城建工程有限公司');
  await page.getByLabel('联系方式').fill('0737-4100000');
  await page.getByRole('button', { name: '提交' }).click();

  await expect(page).toHaveURL(/\/applications\/\d+$/);
  await expect(page.getByRole('heading', { name: /办件详情 #\d+/ })).toBeVisible();
  await expect(page.getByText('食品经营许可（430900-XK-0001）')).toBeVisible();
  await expect(page.getByText('0737-4100000')).toBeVisible();
});

test('a supervision liaison records a finding on an application', async ({ page }) => {
  await page.goto('/applications/1');
  await signIn(page, 'scjg_liaison');
  await expect(page.getByRole('heading', { name: '办件详情 #1' })).toBeVisible();
  await page.getByRole('button', { name: '登记监管结果' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(dialog.getByText('请选择类别')).toBeVisible();

  await dialog.getByRole('combobox', { name: '类别' }).click();
  await chooseOption(page, '监督检查');
  await dialog.getByLabel('结果摘要').fill('复查整改到位，健康证明已更新');
  await dialog.getByLabel('发现日期').fill('2026-07-02');
  await dialog.getByRole('button', { name: '提交' }).click();

  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '复查整改到位，健康证明已更新' })).toContainText('监督检查');
});

test('a credit officer adds a credit record to a subject', async ({ page }) => {
  await page.goto('/subjects/91430900MA4L00003' + '2');
  await signIn(page, 'credit_officer');
  await expect(page.getByRole('heading', { name: '益阳银城环保科技有限公司' })).toBeVisible();
  await page.getByRole('button', { name: '新增信用记录' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ant-select', { has: page.getByRole('combobox', { name: '类别' }) }).click();
  await chooseOption(page, '表彰奖励');
  await dialog.getByLabel('标题').fill('2026年度守信企业');
  await dialog.getByLabel('来源').fill('益阳市发展和改革委员会');
  await dialog.getByLabel('决定日期').fill('2026-08-01');
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '2026年度守信企业' })).toContainText('表彰奖励');
});
