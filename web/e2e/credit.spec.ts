import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';

import { usccCheckChar } from '@/lib/uscc';

const SHOTS = 'test-results/screenshots';
const ROOT = resolve(import.meta.dirname, '../..');
const uscc = (first17: string) => first17 + usccCheckChar(first17);

async function signIn(page: Page, username: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill('Demo@2026');
  await page.getByRole('button', { name: '登录' }).click();
}

/**
 * A joint-punishment workbook written by the API's own spreadsheet code (openpyxl, the
 * columns the import reads), as an officer would fill in the downloaded layout.
 */
function workbook(dir: string, name: string, rows: (string | null)[][]): string {
  const path = join(dir, name);
  const script = [
    'import json, sys',
    'from api.credit.services import IMPORT_COLUMNS',
    'from api.credit.services.spreadsheets import write_workbook',
    'open(sys.argv[1], "wb").write(write_workbook("联合惩戒名单", IMPORT_COLUMNS, json.loads(sys.argv[2])))',
  ].join('\n');
  execFileSync(join(ROOT, '.venv/bin/python'), ['-c', script, path, JSON.stringify(rows)], { cwd: ROOT });
  return path;
}

test('a credit officer edits the rules, sees field errors, publishes and sees what changed', async ({ page }) => {
  await page.goto('/credit');
  await signIn(page, 'credit_officer');
  await expect(page.getByRole('heading', { name: '信用管理' })).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: '信用管理', exact: true })).toBeVisible();
  const current = page.getByTestId('current-rules');
  await expect(current).toContainText('现行规则（');
  // 系统默认 (version 0) until a version is published; versions are numbered from 1.
  const title = (await current.locator('.ant-card-head-title').textContent()) ?? '';
  expect(title).not.toContain('第 0 版');
  const before = Number(/第 (\d+) 版/.exec(title)?.[1] ?? 0);
  await page.screenshot({ path: `${SHOTS}/credit-rules.png`, fullPage: true });

  await page.getByRole('button', { name: '编辑并发布新版本' }).click();
  const editor = page.getByTestId('rule-editor');
  const first = editor.getByTestId('rule-0');
  // The code as stored (the table shows the built-in codes by their Chinese labels).
  const firstCode = await first.getByLabel('规则代码').inputValue();
  expect(firstCode).toMatch(/^[A-Z0-9_]+$/);
  const firstName = first.getByLabel('规则名称');
  const renamed = `${await firstName.inputValue()}（修订）`;
  await firstName.fill(renamed);
  // A new rule that reuses a code: refused next to the field before anything is sent.
  await editor.getByRole('button', { name: '添加规则' }).click();
  const added = editor.locator('[data-testid^="rule-"]').last();
  await added.getByLabel('规则代码').fill(firstCode);
  await added.getByLabel('规则名称').fill('获得表彰（观察）');
  await added.getByLabel('记录类别').click();
  await page.locator('.ant-select-item-option').filter({ hasText: '表彰奖励' }).last().click();
  await editor.getByLabel('版本说明').fill('端到端测试：修订规则名称，新增观察规则');
  await editor.getByRole('button', { name: '发布' }).click();
  await expect(added.getByText('规则代码重复')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/credit-rules-edit-errors.png`, fullPage: true });

  await added.getByLabel('规则代码').fill('E2E_AWARD');
  await expect(added.getByText('规则代码重复')).toHaveCount(0);
  await editor.getByRole('button', { name: '发布' }).click();
  await page.locator('.ant-modal-confirm').getByRole('button', { name: '发布' }).click();
  await expect(page.getByText(`已发布第 ${before + 1} 版，所有主体已重新认定`)).toBeVisible();
  await expect(current).toContainText(`现行规则（第 ${before + 1} 版）`);
  await expect(current).toContainText(renamed);
  await expect(current).toContainText('E2E_AWARD');
  await expect(page.getByTestId('rule-versions').getByRole('row').filter({ hasText: '端到端测试：修订规则名称' })).toContainText(
    `第 ${before + 1} 版`,
  );
  const diff = page.getByTestId('rule-diff');
  await expect(page.getByTestId('rule-compare')).toContainText(
    `${before === 0 ? '系统默认' : `第 ${before} 版`} → 第 ${before + 1} 版 的变化`,
  );
  await expect(diff.getByRole('row').filter({ hasText: '新增' })).toContainText('E2E_AWARD 获得表彰（观察）');
  await expect(diff.getByRole('row').filter({ hasText: '修改' })).toContainText(renamed);
  await page.screenshot({ path: `${SHOTS}/credit-rules-published.png`, fullPage: true });
});

test('a credit officer adds and revokes a joint punishment entry, and an import with a bad row is refused', async ({ page }) => {
  const dir = mkdtempSync(join(tmpdir(), 'credit-e2e-'));
  try {
    const code = uscc('91430900MA4L09001');
    await page.goto('/credit?tab=punishments');
    await signIn(page, 'credit_officer');
    await expect(page.getByRole('tab', { name: '联合惩戒名单', selected: true })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: '益发改财金〔2026〕18号' })).toContainText('惩戒期内');

    await page.getByRole('button', { name: '列入名单' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('统一社会信用代码或身份证号码').fill('91430900MA4L0900');
    await dialog.getByLabel('惩戒依据文号').fill('益发改财金〔2026〕99号');
    await dialog.getByLabel('惩戒措施').fill('限制参与政府采购');
    await dialog.getByLabel('开始日期').fill('2026-03-01');
    await dialog.getByLabel('开始日期').press('Tab'); // the date picker keeps what was typed when it loses focus
    await dialog.getByLabel('结束日期').fill('2026-02-01');
    await dialog.getByLabel('结束日期').press('Tab'); // the date picker keeps what was typed when it loses focus
    await dialog.getByRole('button', { name: '提交' }).click();
    await expect(dialog.getByText('应为18位统一社会信用代码或身份证号码')).toBeVisible();
    await expect(dialog.getByText('结束日期不能早于开始日期')).toBeVisible();
    // An ID number of the right shape with a wrong check character: the server refuses it,
    // and its message sits under the field.
    await dialog.getByLabel('统一社会信用代码或身份证号码').fill('430902198506121230');
    await dialog.getByLabel('结束日期').fill('2099-12-31');
    await dialog.getByLabel('结束日期').press('Tab'); // the date picker keeps what was typed when it loses focus
    await dialog.getByRole('button', { name: '提交' }).click();
    const codeItem = dialog.locator('.ant-form-item').filter({ has: page.getByLabel('统一社会信用代码或身份证号码') });
    // (the browser's own message may still be fading out next to it)
    await expect(codeItem.getByText('应为有效的统一社会信用代码或身份证号码')).toBeVisible();
    await dialog.getByLabel('统一社会信用代码或身份证号码').fill(code);
    await dialog.getByLabel('主体名称').fill('益阳市端到端测试有限公司');
    await dialog.getByRole('button', { name: '提交' }).click();
    await expect(page.getByText('已列入联合惩戒名单')).toBeVisible();

    await page.getByLabel('按主体代码筛选').fill(code);
    await page.getByLabel('按主体代码筛选').press('Enter');
    const row = page.getByRole('row').filter({ hasText: '益发改财金〔2026〕99号' });
    await expect(row).toContainText('惩戒期内');
    await expect(row).toContainText('手工录入');
    await expect(page.getByRole('row').filter({ hasText: '益发改财金〔2026〕18号' })).toHaveCount(0);
    await page.screenshot({ path: `${SHOTS}/credit-punishments.png`, fullPage: true });

    await row.getByRole('button', { name: '撤销' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '撤销' }).click();
    await expect(page.getByRole('dialog').getByText('请填写撤销理由')).toBeVisible();
    await page.getByRole('dialog').getByLabel('撤销理由').fill('信用修复完成');
    await page.getByRole('dialog').getByRole('button', { name: '撤销' }).click();
    await expect(row).toContainText('已撤销');
    await expect(row.getByRole('button', { name: '撤销' })).toHaveCount(0);

    // All or nothing: a workbook with one bad row imports nothing and names the row and column.
    const importedCode = uscc('91430900MA4L09002');
    const good = [importedCode, '益阳市导入测试有限公司', '益发改财金〔2026〕101号', '限制融资授信', '2026-04-01', null];
    const bad = ['BAD-CODE', '无效主体', '益发改财金〔2026〕102号', '', '2026-04-01', null];
    const file = page.locator('input[type=file]');
    await file.setInputFiles(workbook(dir, 'bad.xlsx', [good, bad]));
    const errors = page.getByTestId('import-errors');
    await expect(page.getByText(/表格有 \d+ 处错误，未导入任何一行/)).toBeVisible();
    await expect(errors.getByRole('row').filter({ hasText: '统一社会信用代码或身份证号码' })).toContainText('3');
    await expect(errors.getByRole('row').filter({ hasText: '惩戒措施' })).toContainText('请填写惩戒措施');
    await page.screenshot({ path: `${SHOTS}/credit-import-errors.png`, fullPage: true });
    await page.getByLabel('按主体代码筛选').fill(importedCode);
    await page.getByLabel('按主体代码筛选').press('Enter');
    await expect(page.getByText('名单中没有符合条件的条目')).toBeVisible();

    await file.setInputFiles(workbook(dir, 'good.xlsx', [good]));
    await expect(page.getByText('已导入 1 条')).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: '益发改财金〔2026〕101号' })).toContainText('表格导入');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a purposeful lookup shows up in the lookup log; a department head sees only the log', async ({ page }) => {
  const purpose = `端到端核查 ${Date.now()}`;
  const subject = uscc('91430900MA4L00003');
  await page.goto(`/subjects/${subject}`);
  await signIn(page, 'credit_officer');
  await page.getByLabel('查询目的').fill(purpose);
  await page.getByRole('button', { name: '查询', exact: true }).click();
  await expect(page.getByRole('heading', { name: '益阳银城环保科技有限公司' })).toBeVisible();

  await page.getByRole('navigation').getByRole('link', { name: '信用管理', exact: true }).click();
  await page.getByRole('tab', { name: '查询日志' }).click();
  const entry = page.getByRole('row').filter({ hasText: purpose });
  await expect(entry).toContainText(subject);
  // The person by name, not the account.
  await expect(entry).toContainText('孙涛');
  await expect(entry).not.toContainText('credit_officer');
  await expect(entry).toContainText('查询');
  await page.screenshot({ path: `${SHOTS}/credit-lookups.png`, fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出表格' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.goto('/credit');
  await signIn(page, 'spj_head');
  await expect(page.getByRole('tab', { name: '查询日志', selected: true })).toBeVisible();
  await expect(page.getByRole('tab', { name: '规则', exact: true })).toHaveCount(0);
  // The head reads their own department's lookups only: the credit officer's is not there.
  await expect(page.getByRole('row').filter({ hasText: purpose })).toHaveCount(0);
});

test('aggregation rules and the handling policy: the officer changes them, the coordination office only reads', async ({ page }) => {
  await page.goto('/credit?tab=aggregation');
  await signIn(page, 'credit_officer');
  const abnormality = page.getByRole('row').filter({ hasText: '异常信用信息' });
  await expect(abnormality).toContainText('任意结果');
  await expect(abnormality).toContainText('启用');
  await abnormality.getByRole('button', { name: '编辑' }).click();
  const form = page.getByTestId('aggregation-form');
  await form.getByLabel('有效期（月）').fill('0');
  await form
    .getByRole('button', { name: '保 存' })
    .or(form.getByRole('button', { name: '保存' }))
    .click();
  await expect(form.getByText('应大于0')).toBeVisible();
  await form.getByLabel('有效期（月）').fill('24');
  await form.getByRole('switch').click();
  await form
    .getByRole('button', { name: '保 存' })
    .or(form.getByRole('button', { name: '保存' }))
    .click();
  await expect(page.getByText('归集规则已保存')).toBeVisible();
  await expect(abnormality).toContainText('24');
  await expect(abnormality).toContainText('停用');
  await page.screenshot({ path: `${SHOTS}/credit-aggregation.png`, fullPage: true });

  await page.getByRole('tab', { name: '处置策略' }).click();
  const commit = page.getByRole('row').filter({ hasText: '告知承诺' });
  await expect(commit.getByRole('checkbox', { name: '失信' })).toBeDisabled();
  await expect(commit.getByRole('checkbox', { name: '一般' })).toBeChecked();
  await commit.getByRole('checkbox', { name: '一般' }).uncheck();
  await commit.getByRole('button').click();
  await expect(page.getByText('告知承诺的政策已保存')).toBeVisible();
  await page.reload();
  await expect(commit.getByRole('checkbox', { name: '一般' })).not.toBeChecked();
  await expect(commit.getByRole('checkbox', { name: '守信' })).toBeChecked();
  await expect(page.getByRole('row').filter({ hasText: '一般受理' })).toContainText('始终可用');
  await page.screenshot({ path: `${SHOTS}/credit-policy.png`, fullPage: true });
  // Put the policy back as the demo data has it.
  await commit.getByRole('checkbox', { name: '一般' }).check();
  await commit.getByRole('button').click();
  await expect(page.getByText('告知承诺的政策已保存')).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.goto('/credit?tab=policy');
  await signIn(page, 'coord');
  await expect(page.getByText('只读：您可以查看，修改需信用管理员')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '告知承诺' })).toContainText('守信');
  await expect(page.getByRole('checkbox')).toHaveCount(0);
  await page.getByRole('tab', { name: '规则', exact: true }).click();
  await expect(page.getByTestId('current-rules')).toBeVisible();
  await expect(page.getByRole('button', { name: '编辑并发布新版本' })).toHaveCount(0);
  await page.getByRole('tab', { name: '联合惩戒名单' }).click();
  await expect(page.getByRole('row').filter({ hasText: '益发改财金〔2026〕18号' })).toBeVisible();
  await expect(page.getByRole('button', { name: '列入名单' })).toHaveCount(0);
});
