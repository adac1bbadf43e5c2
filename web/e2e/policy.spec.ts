import { expect, test, type Page } from '@playwright/test';

const SHOTS = 'test-results/screenshots';
const PASSWORD = 'Demo@2026';
const DEPARTMENT = '益阳市市场监督管理局';

async function signIn(page: Page, username: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Picks an entry of the open Ant Design select (its role=option list is screen-reader only). */
async function chooseOption(page: Page, text: string | RegExp) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

async function pick(page: Page, scope: ReturnType<Page['getByTestId']>, label: string, option: string | RegExp, typed?: string) {
  await scope.getByLabel(label, { exact: true }).click();
  if (typed) await page.keyboard.type(typed);
  await chooseOption(page, option);
}

test('an administrator adds a rule with the catalogue pickers and a reason and sees the matrix change', async ({ page }) => {
  test.slow();
  await page.goto('/admin');
  await signIn(page, 'admin');
  await expect(page.getByRole('heading', { name: '系统管理' })).toBeVisible();

  const matrix = page.getByTestId('permission-matrix');
  await matrix.getByLabel('权限矩阵的部门').click();
  await page.keyboard.type('市场监督');
  await chooseOption(page, DEPARTMENT);
  const cell = matrix.getByTestId('matrix-credit_officer-meeting-read');
  await expect(cell).toHaveText('—');
  await expect(matrix.getByTestId('matrix-approval_clerk-application-write')).toHaveText('允许');

  // The rule form offers Chinese names; the action list follows the object.
  const rules = page.getByTestId('permission-rules');
  await pick(page, rules, '角色', '信用管理员');
  await pick(page, rules, '部门', DEPARTMENT, '市场监督');
  await pick(page, rules, '对象', /^联席会议$/, '联席');
  await rules.getByLabel('操作', { exact: true }).click();
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option')).toHaveText(['全部操作', '查看', '编辑']);
  await chooseOption(page, /^查看$/);
  // No reason: the browser asks for one before sending.
  await rules.getByRole('button', { name: '新增规则' }).click();
  await expect(rules.getByText('请填写变更理由')).toBeVisible();
  await rules.getByLabel('变更理由').fill('端到端：市场监管局信用管理员列席联席会议');
  await rules.getByRole('button', { name: '新增规则' }).click();
  await expect(page.getByText('策略已更新（已生成新版本）').first()).toBeVisible();

  await expect(cell).toHaveText('允许');
  await cell.hover();
  await expect(page.getByRole('tooltip')).toContainText(`依据规则：信用管理员 · ${DEPARTMENT} · 联席会议 · 查看`);
  await page.screenshot({ path: `${SHOTS}/admin-policy-matrix.png`, fullPage: true });

  // The tester uses the same pickers and names the deciding rule.
  const tester = page.getByTestId('permission-tester');
  await tester.getByLabel('用户名').fill('credit_officer');
  await pick(page, tester, '部门', '益阳市发展和改革委员会', '发展');
  await pick(page, tester, '对象', /^联席会议$/, '联席');
  await pick(page, tester, '操作', /^查看$/);
  await tester.getByRole('button', { name: '判定' }).click();
  const answer = page.getByTestId('permission-answer');
  await expect(answer).toContainText('拒绝');
  await expect(answer).toContainText('信用管理员');

  // The rule is removed again with a reason, and the matrix follows.
  await page.getByLabel('筛选规则（角色 对象 操作，空格分隔）').fill(`信用管理员 ${DEPARTMENT} 联席会议`);
  await page.getByLabel('筛选规则（角色 对象 操作，空格分隔）').press('Enter');
  const row = rules.getByRole('row').filter({ hasText: DEPARTMENT });
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: '删除' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('变更理由').fill('端到端：试验结束');
  await dialog.getByRole('button', { name: '确认变更' }).click();
  await expect(dialog).toBeHidden();
  await expect(cell).toHaveText('—');
});

test('a value the server does not know is refused with an error on its field', async ({ page }) => {
  // A page opened before a deployment retired an object still offers it: the server refuses
  // the rule and the error lands on the object field.
  await page.route(
    (url) => url.pathname === '/graphql',
    async (route) => {
      const request = route.request();
      const posted = request.method() === 'POST' ? (request.postDataJSON() as { operationName?: string } | null) : null;
      const operation = posted?.operationName ?? new URL(request.url()).searchParams.get('operationName');
      if (operation !== 'PolicyCatalogue') return route.continue();
      const response = await route.fetch();
      const json = (await response.json()) as { data: { policyCatalogue: { objects: unknown[] } } };
      json.data.policyCatalogue.objects.push({
        __typename: 'PolicyCatalogueObject',
        code: 'retired_register',
        name: '已停用的登记簿',
        actions: [{ __typename: 'PolicyCatalogueEntry', code: 'read', name: '查看' }],
      });
      return route.fulfill({ response, json });
    },
  );
  await page.goto('/admin');
  await signIn(page, 'admin');
  const rules = page.getByTestId('permission-rules');
  await pick(page, rules, '角色', '信用管理员');
  await pick(page, rules, '对象', '已停用的登记簿', '停用');
  await pick(page, rules, '操作', /^查看$/);
  await rules.getByLabel('变更理由').fill('端到端：过期目录');
  await rules.getByRole('button', { name: '新增规则' }).click();
  await expect(rules.locator('.ant-form-item-explain-error').filter({ hasText: '未知对象' })).toBeVisible();
  await expect(page.getByText('策略已更新（已生成新版本）')).toHaveCount(0);
});
