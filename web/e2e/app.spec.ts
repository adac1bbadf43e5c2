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
  await expect(page.getByText('食品经营许可（430900-XK-0001）')).toBeVisible();
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

  // 办件编号: SP, the submission date and the sequence (application 1).
  await page.getByRole('link', { name: /^SP\d{8}0*1$/ }).click();
  await expect(page.getByRole('heading', { name: /办件详情 SP\d{8}0*1$/ })).toBeVisible();
  await expect(page.getByTestId('accept-panel')).toBeVisible();
  await expect(page.getByTestId('application-timeline')).toContainText('申报');
  await page.screenshot({ path: `${SHOTS}/application-detail.png`, fullPage: true });

  await nav(page, '部门').click();
  await expect(page.getByRole('row').filter({ hasText: '益阳市市场监督管理局' })).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/departments.png`, fullPage: true });

  // The session is an HttpOnly cookie: nothing a script could read is kept by the page.
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === 'sg_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
  expect(await page.evaluate(() => JSON.stringify(sessionStorage) + JSON.stringify(localStorage) + document.cookie)).not.toContain(
    cookies.find((c) => c.name === 'sg_session')?.value ?? 'no cookie',
  );

  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  // signOut ended the session on the server, not only in the page.
  expect((await page.context().cookies()).find((c) => c.name === 'sg_session')).toBeUndefined();
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

test('the sign-in page loads English on demand, keeps the choice, and switches back', async ({ page }) => {
  await page.goto('/sign-in');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload(); // the choice is remembered and its catalogue loaded again
  await expect(page.getByLabel('Username')).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('button', { name: '登录' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
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
  const url = new URL(page.url());
  await page
    .context()
    .addCookies([{ name: 'sg_session', value: 'expired.session.token', url: url.origin, httpOnly: true, sameSite: 'Strict' }]);
  await nav(page, '部门').click();
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
  await expect(page.getByRole('heading', { name: /办件详情 SP\d+/ })).toBeVisible();
  await expect(page.getByText('食品经营许可（430900-XK-0001）')).toBeVisible();
  await expect(page.getByText('0737-4100000')).toBeVisible();
});

test('a clerk submits a natural person by ID number, checked in the browser, and sees both credit values', async ({ page }) => {
  await page.goto('/applications/new');
  await signIn(page, 'spj_clerk');
  const matter = page.getByRole('combobox', { name: '办理事项' });
  await matter.click();
  await matter.fill('食品经营');
  await chooseOption(page, '食品经营许可');
  // 17 digits and a check character: read as an ID number, and its check character is wrong.
  await page.getByLabel('统一社会信用代码或身份证号码').fill('430903199203150020');
  await page.getByLabel('申请人名称').fill('王自然');
  await page.getByRole('button', { name: '提交' }).click();
  await expect(page.getByText('身份证号码校验位不正确')).toBeVisible();

  await page.getByLabel('统一社会信用代码或身份证号码').fill('430903199203150025');
  await expect(page.getByText('自然人（居民身份证号码）')).toBeVisible();
  await page.getByRole('button', { name: '提交' }).click();

  await expect(page).toHaveURL(/\/applications\/\d+$/);
  // The handling clerk sees the whole number; the current credit is a logged lookup.
  await expect(page.getByText('430903199203150025')).toBeVisible();
  await expect(page.getByText('当前信用')).toBeVisible();
  await expect(page.getByTestId('current-credit')).toHaveText('一般');
  await page.screenshot({ path: `${SHOTS}/application-natural-person.png`, fullPage: true });
});

test('a credit officer adds a credit record to a subject', async ({ page }) => {
  await page.goto('/subjects/91430900MA4L00003' + '2');
  await signIn(page, 'credit_officer');
  // A lookup states its purpose first (it is logged).
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page.getByText('请填写查询目的（查询将被留痕）')).toBeVisible();
  await page.getByLabel('查询目的').fill('年度守信企业评定');
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page.getByRole('heading', { name: '益阳银城环保科技有限公司' })).toBeVisible();
  await expect(page.getByTestId('credit-level')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/subject-detail.png`, fullPage: true });
  await page.getByRole('button', { name: '新增信用记录' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.locator('.ant-select', { has: page.getByRole('combobox', { name: '类别' }) }).click();
  await chooseOption(page, '表彰奖励');
  await dialog.getByLabel('标题').fill('2026年度守信企业');
  await dialog.getByLabel('来源').fill('益阳市发展和改革委员会');
  await dialog.getByLabel('决定日期').fill('2026-08-01');
  await dialog.getByLabel('决定日期').press('Tab'); // the date picker keeps what was typed when it loses focus
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '2026年度守信企业' })).toContainText('表彰奖励');
});

test('the app runs under a strict content security policy (nonce for Ant Design styles)', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  const response = await page.goto('/sign-in');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toMatch(/style-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
  expect(csp).toContain("script-src 'self';");
  expect(csp).not.toContain('unsafe-inline');
  await signIn(page, 'spj_clerk');
  await expect(page.getByTestId('current-user')).toContainText('审批局 李娜');
  // Ant Design's injected styles apply: the primary button is filled with the theme colour.
  await page.goto('/applications/new');
  await expect(page.getByRole('button', { name: '提交' })).toHaveCSS('background-color', 'rgb(183, 28, 28)');
  expect(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).toEqual([]);
});

async function signOutAndIn(page: Page, path: string, username: string) {
  await page.getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await page.goto(path);
  await signIn(page, username);
}

test('the linkage loop: accept with the credit panel, the push reaches the supervising liaison, the finding comes back', async ({
  page,
}) => {
  // 1. The approval clerk checks the applicant's credit (with a stated purpose) and accepts.
  await page.goto('/applications/2');
  await signIn(page, 'spj_clerk');
  const panel = page.getByTestId('accept-panel');
  await expect(panel).toBeVisible();
  await panel.getByRole('button', { name: '信用核查' }).click();
  await expect(panel.getByText('请填写查询目的（查询将被留痕）')).toBeVisible();
  await panel.getByLabel('查询目的').fill('受理办件 #2 前核查申请人信用');
  await panel.getByRole('button', { name: '信用核查' }).click();
  await expect(panel.getByTestId('credit-level')).toHaveText('守信');
  await expect(panel.getByTestId('credit-explanation')).not.toBeEmpty();
  await expect(panel.getByText('不在联合惩戒名单中')).toBeVisible();
  await expect(panel.getByRole('radio', { name: '绿色通道' })).toBeEnabled();
  await panel.getByRole('radio', { name: '告知承诺' }).check();
  // 告知承诺 records the commitment and the signed 承诺书 (checked in the browser first).
  const facts = panel.getByTestId('facilitation-fields');
  await panel.getByRole('button', { name: '以“告知承诺”受理' }).click();
  await expect(facts.getByText('请填写承诺内容')).toBeVisible();
  await expect(facts.getByText('请选择签署的承诺书')).toBeVisible();
  await facts.getByLabel('承诺内容').fill('本单位承诺已具备建筑工程施工许可条件');
  await facts.getByLabel('签署的承诺书（PDF、PNG 或 JPEG，不超过 10 MB）').setInputFiles({
    name: '承诺书.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  });
  await page.screenshot({ path: `${SHOTS}/accept-credit-panel.png`, fullPage: true });
  await panel.getByRole('button', { name: '以“告知承诺”受理' }).click();
  await expect(page.getByTestId('application-status')).toHaveText('已受理');
  await expect(page.getByText('告知承诺').first()).toBeVisible();
  await expect(page.getByTestId('commitment')).toContainText('本单位承诺已具备建筑工程施工许可条件');
  await expect(page.getByTestId('commitment')).toContainText('承诺书.pdf');
  const timeline = page.getByTestId('application-timeline');
  await expect(async () => {
    await page.reload();
    await expect(timeline).toContainText('受理信息推送至 益阳市住房和城乡建设局', { timeout: 2_000 });
  }).toPass({ timeout: 30_000 });

  // 2. The supervising department's liaison finds the push in the inbox and records a finding.
  await signOutAndIn(page, '/inbox', 'zjj_liaison');
  const row = page.getByRole('row').filter({ hasText: '湖南益阳城建工程有限公司' });
  await expect(row).toContainText('建筑工程施工许可证核发');
  await expect(row).toContainText('已认领'); // 推送即认领: online pushes are claimed on delivery
  await expect(page.getByTestId('nav-overdue')).toBeAttached();
  await page.screenshot({ path: `${SHOTS}/inbox-liaison.png`, fullPage: true });
  await row.getByRole('link', { name: '湖南益阳城建工程有限公司' }).click();
  await expect(page.getByRole('heading', { name: /办件详情 SP\d{8}0*2$/ })).toBeVisible();
  await page.getByRole('button', { name: '登记监管结果' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(dialog.getByText('请选择类别')).toBeVisible();
  await dialog.getByRole('combobox', { name: '类别' }).click();
  await chooseOption(page, '监督检查');
  await expect(dialog.locator('.ant-select', { has: page.getByRole('combobox', { name: '类别' }) })).toContainText('监督检查');
  await dialog.getByLabel('结果摘要').fill('施工现场安全防护不到位，责令整改');
  await dialog.getByLabel('发现日期').fill('2026-08-03');
  await dialog.getByLabel('发现日期').press('Tab'); // the date picker keeps what was typed when it loses focus
  await dialog.getByLabel('异常').check();
  await dialog.getByRole('combobox', { name: '处理结果' }).click();
  await chooseOption(page, '责令整改');
  await expect(dialog.locator('.ant-select', { has: page.getByRole('combobox', { name: '处理结果' }) })).toContainText('责令整改');
  await dialog.getByLabel('采取的措施').fill('下达整改通知书');
  await dialog.getByRole('button', { name: '提交' }).click();
  await expect(dialog.getByRole('alert')).toHaveCount(0);
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '施工现场安全防护不到位，责令整改' })).toContainText('监督检查');

  // 3. Back on the approval side: the finding is in the timeline and the feedback inbox.
  await signOutAndIn(page, '/applications/2', 'spj_clerk');
  await expect(page.getByTestId('application-timeline')).toContainText('施工现场安全防护不到位，责令整改');
  await page.screenshot({ path: `${SHOTS}/application-timeline.png`, fullPage: true });
  await nav(page, '接收与反馈').click();
  await page.getByRole('tab', { name: '监管反馈' }).click();
  await expect(async () => {
    await page.reload();
    await expect(page.getByRole('row').filter({ hasText: '施工现场安全防护不到位，责令整改' })).toContainText('益阳市住房和城乡建设局', {
      timeout: 2_000,
    });
  }).toPass({ timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/inbox-feedback.png`, fullPage: true });
});

// Last: it takes a permission away from the approval clerks.
test('an administrator removes a permission, the tester explains it, and the clerk loses access', async ({ page }) => {
  await page.goto('/admin');
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { name: '系统管理' })).toBeVisible();
  const tester = page.getByTestId('permission-tester');
  await tester.getByLabel('用户名').fill('spj_clerk');
  await tester.getByLabel('部门').click();
  await page.keyboard.type('行政审批');
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: '益阳市行政审批服务局' }).first().click();
  await tester.getByLabel('对象').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: /^办件$/ })
    .first()
    .click();
  await tester.getByLabel('操作').click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option')
    .filter({ hasText: /^查看$/ })
    .first()
    .click();
  await tester.getByRole('button', { name: '判定' }).click();
  const answer = page.getByTestId('permission-answer');
  await expect(answer).toContainText('允许');
  await expect(answer).toContainText('审批窗口 · 所有部门 · 办件 · 查看');
  await page.screenshot({ path: `${SHOTS}/admin-policy.png`, fullPage: true });

  await page.getByLabel('筛选规则（角色 对象 操作，空格分隔）').fill('审批窗口 办件 查看');
  await page.getByLabel('筛选规则（角色 对象 操作，空格分隔）').press('Enter');
  const rule = page.getByTestId('permission-rules').getByRole('row').filter({ hasText: '审批窗口' }).filter({ hasText: '办件' });
  await expect(rule).toHaveCount(1);
  await rule.getByRole('button', { name: '删除' }).click();
  await page.getByRole('dialog').getByLabel('变更理由').fill('端到端：演示收回权限');
  await page.getByRole('dialog').getByRole('button', { name: '确认变更' }).click();
  await expect(page.getByText('策略已更新（已生成新版本）')).toBeVisible();
  await tester.getByRole('button', { name: '判定' }).click();
  await expect(answer).toContainText('拒绝');
  await expect(answer).toContainText('没有允许的规则（默认拒绝）');

  await page.getByRole('tab', { name: '审计日志' }).click();
  await page.getByLabel('事件').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '策略变更' }).first().click();
  const change = page.getByTestId('audit-entries').getByRole('row').filter({ hasText: '策略变更' }).first();
  await expect(change).toContainText('系统管理员');
  await expect(change).toContainText('成功');
  await expect(page.getByTestId('audit-entries').getByRole('row').filter({ hasText: '登录' })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/admin-audit.png`, fullPage: true });

  await signOutAndIn(page, '/applications', 'spj_clerk');
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '益阳市资江食品有限公司' })).toHaveCount(0);

  // Rolling back to the version before the removal gives the clerks their access back (and
  // leaves the demo policy as it was for the tests that follow).
  await signOutAndIn(page, '/admin', 'admin');
  const rollbacks = page.getByRole('button', { name: '回滚到此版本' });
  await expect(rollbacks.nth(1)).toBeVisible();
  await rollbacks.nth(1).click();
  await page.getByRole('dialog').getByLabel('变更理由').fill('端到端：恢复演示策略');
  await page.getByRole('dialog').getByRole('button', { name: '确认变更' }).click();
  await expect(page.getByText('策略已更新（已生成新版本）').first()).toBeVisible();
  await signOutAndIn(page, '/applications', 'spj_clerk');
  await expect(page.getByRole('row').filter({ hasText: '益阳市资江食品有限公司' })).toBeVisible();
});

test('the linkage list: search, and the public list without signing in', async ({ page }) => {
  await page.goto('/linkages');
  await signIn(page, 'coord');
  await expect(page.getByRole('heading', { name: '事项清单' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '食品经营许可（430900-XK-0001）' })).toContainText('已确认');
  await page.getByLabel('事项名称或编码').fill('医疗机构');
  await page.getByLabel('事项名称或编码').press('Enter');
  await expect(page.getByRole('row').filter({ hasText: '医疗机构执业登记' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '食品经营许可' })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/linkages.png`, fullPage: true });

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.goto('/public/list');
  await expect(page.getByRole('heading', { name: '益阳市审批监管联动事项清单' })).toBeVisible();
  await expect(page.getByTestId('published-version')).toContainText('第 1 版');
  await expect(page.getByRole('row').filter({ hasText: '食品经营许可（430900-XK-0001）' })).toContainText('谁');
  await page.screenshot({ path: `${SHOTS}/public-list.png`, fullPage: true });
});
