import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

// The linkage list's editing loop against the real stack: the approving department writes a
// linkage with its basis document, the supervising department confirms it, the Excel import
// refuses a bad workbook whole and takes a good one, the coordination office publishes it and
// the public list shows it. (app.spec.ts covers the list's search, export and the public list's
// first version.)

const SHOTS = 'test-results/screenshots';
const PASSWORD = 'Demo@2026';
const ROOT = resolve(import.meta.dirname, '../..');
const FILES = mkdtempSync(join(tmpdir(), 'shenguan-linkages-e2e-'));

const DOCUMENT_NUMBER = '益审管联〔2026〕71号';
const APPROVAL = '医疗机构执业登记（430900-XK-0004）';
const SUPERVISION = '食品经营监督检查（430900-JG-0001）';
const IMPORTED_SUPERVISION = '建筑施工扬尘污染防治监督检查';

/** Real files made by the project's own Python: a PDF (as the demo's documents) and workbooks. */
function python(script: string, ...args: string[]): void {
  execFileSync(join(ROOT, '.venv/bin/python'), ['-c', script, ...args], { cwd: ROOT, stdio: 'inherit' });
}

const PDF_SCRIPT = `
import sys
from api.demo import memo_pdf
open(sys.argv[1], "wb").write(memo_pdf("审管联动工作备忘录", [sys.argv[2], "医疗机构执业登记", "食品经营监督检查"]))
`;

const WORKBOOK_SCRIPT = `
import json, sys
from openpyxl import Workbook
from api.catalog.services.workbook import HEADERS
book = Workbook()
sheet = book.active
sheet.append(list(HEADERS))
for row in json.loads(sys.argv[2]):
    sheet.append([row.get(h, "") for h in HEADERS])
book.save(sys.argv[1])
`;

function workbook(name: string, rows: Record<string, string>[]): string {
  const path = join(FILES, name);
  python(WORKBOOK_SCRIPT, path, JSON.stringify(rows));
  return path;
}

/** A row the approval bureau may import: its own approval matter, a new supervision matter of 市住建局. */
const GOOD_ROW = {
  审批事项编码: '430900-XK-0002',
  审批事项名称: '建筑工程施工许可证核发',
  审批部门: '益阳市行政审批服务局',
  审批科室: '审批服务科',
  审批责任人: '李娜',
  审批办公电话: '0737-4221101',
  审批手机: '13807371101',
  监管事项编码: '430900-JG-0102',
  监管事项名称: IMPORTED_SUPERVISION,
  监管部门: '益阳市住房和城乡建设局',
  监管科室: '建筑市场监管科',
  监管责任人: '刘洋',
  监管办公电话: '0737-4223301',
  监管手机: '13807373301',
  联动原则: '谁主管谁监管',
  依据文件编号: DOCUMENT_NUMBER,
};

async function signIn(page: Page, username: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Picks an entry of the open Ant Design select (its role=option list is screen-reader only). */
async function chooseOption(page: Page, text: string) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: text }).first().click();
}

/** Opens a select by its label, optionally types to search, and picks an option. */
async function pick(page: Page, label: string, option: string, search?: string) {
  const select = page.getByLabel(label, { exact: true });
  await select.click();
  if (search) await select.fill(search);
  await chooseOption(page, option);
}

// Long flows on a shared 2-core machine: more time than the default 60 s per test.
test.describe.configure({ mode: 'serial', timeout: 180_000 });

let linkagePath = '';

test('the approving department creates a linkage with its basis document and edits it', async ({ page }) => {
  const pdf = join(FILES, 'memo.pdf');
  python(PDF_SCRIPT, pdf, DOCUMENT_NUMBER);

  await page.goto('/linkages');
  await signIn(page, 'spj_clerk');
  await page.getByRole('button', { name: '新建联动事项' }).click();
  await expect(page).toHaveURL(/\/linkages\/new$/);
  await expect(page.getByRole('heading', { name: '新建联动事项' })).toBeVisible();

  // The form checks before sending: nothing chosen yet.
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('请选择事项')).toHaveCount(2);
  await expect(page.getByText('请至少选择一项联动原则')).toBeVisible();

  await pick(page, '审批事项', APPROVAL, '医疗机构');
  // The caller's own department approves; its only section is taken.
  await expect(page.getByLabel('审批部门', { exact: true }).locator('..')).toContainText('益阳市行政审批服务局');
  await expect(page.getByLabel('审批科（股）室', { exact: true }).locator('..')).toContainText('审批服务科');
  await pick(page, '审批责任人', '李娜');
  // The supervision matter brings its own department.
  await pick(page, '监管事项', SUPERVISION, '食品经营');
  await expect(page.getByLabel('监管部门', { exact: true }).locator('..')).toContainText('益阳市市场监督管理局');
  await expect(page.getByLabel('监管科（股）室', { exact: true }).locator('..')).toContainText('信用监管科');
  await pick(page, '监管责任人', '黄静');
  await page.getByRole('checkbox', { name: '谁主管谁监管' }).check();

  // Across departments a basis document is required: refused in the browser first.
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('#basisDocumentId_help .ant-form-item-explain-error')).toHaveText('请上传依据文件');
  await expect(page.getByText('审批与监管分属不同部门或层级，须上传委托书、工作交付书或工作备忘录')).toBeVisible();

  await page.getByRole('button', { name: '上传依据文件' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('签订日期').fill('2026-03-02');
  await dialog.getByLabel('签订日期').press('Tab'); // the date picker keeps what was typed when it loses focus
  await expect(dialog.getByLabel('签订各方')).toHaveValue('益阳市行政审批服务局、益阳市市场监督管理局');
  // The server refuses a number already taken: shown next to the field.
  await dialog.getByLabel('文件编号').fill('益审管联〔2026〕1号');
  await dialog.locator('input[type=file]').setInputFiles({ name: 'memo.pdf', mimeType: 'application/pdf', buffer: readFileSync(pdf) });
  await dialog.getByRole('button', { name: '上传依据文件' }).click();
  await expect(dialog.locator('#number_help')).toHaveText('该编号的依据文件已存在');
  await dialog.getByLabel('文件编号').fill(DOCUMENT_NUMBER);
  // A text file named .pdf is refused before anything is sent.
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: '委托书.pdf', mimeType: 'application/pdf', buffer: Buffer.from('not a pdf at all') });
  await expect(dialog.getByText('只接受 PDF、PNG 或 JPEG 文件')).toBeVisible();
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: `${DOCUMENT_NUMBER}.pdf`, mimeType: 'application/pdf', buffer: readFileSync(pdf) });
  await expect(dialog.getByText(`${DOCUMENT_NUMBER}.pdf`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/linkage-basis-upload.png`, fullPage: true });
  await dialog.getByRole('button', { name: '上传依据文件' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('basis-document')).toContainText(`工作备忘录 ${DOCUMENT_NUMBER}（2026-03-02 签订`);
  await page.screenshot({ path: `${SHOTS}/linkage-form.png`, fullPage: true });

  await page.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(/\/linkages\/\d+$/);
  linkagePath = new URL(page.url()).pathname;
  await expect(page.getByRole('heading', { name: '联动事项详情' })).toBeVisible();
  await expect(page.getByTestId('linkage-state')).toContainText('待监管部门确认');
  // The sides (the change history below names the same values again).
  const sides = page.locator('.ant-descriptions');
  await expect(sides.getByText(APPROVAL)).toBeVisible();
  await expect(sides.getByText(SUPERVISION)).toBeVisible();
  await expect(sides.getByText('黄静')).toBeVisible();
  await expect(page.getByTestId('linkage-changes')).toContainText('新建');
  await expect(page.getByTestId('linkage-basis')).toContainText(DOCUMENT_NUMBER);
  // 审批局 → 市场监管局, both city level: cross-department, not cross-level.
  await expect(page.getByTestId('linkage-flags')).toHaveText('跨部门');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${DOCUMENT_NUMBER}.pdf`);
  expect(readFileSync(await file.path()).equals(readFileSync(pdf))).toBe(true);

  // Edit: the form comes filled; a changed time limit and a second principle are saved.
  await page.getByRole('button', { name: '修改联动事项' }).click();
  await expect(page).toHaveURL(new RegExp(`${linkagePath}/edit$`));
  await expect(page.getByLabel('审批事项', { exact: true }).locator('..')).toContainText(APPROVAL);
  await expect(page.getByLabel('反馈时限（工作日）')).toHaveValue('5');
  await page.getByLabel('反馈时限（工作日）').fill('99');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('#feedbackDays_help')).toHaveText('时限应为 1 至 60 个工作日');
  await page.getByLabel('反馈时限（工作日）').fill('7');
  await expect(page.getByRole('checkbox', { name: '谁主管谁监管' })).toBeChecked();
  await page.getByRole('checkbox', { name: '谁审批谁负责' }).check();
  await page.screenshot({ path: `${SHOTS}/linkage-edit.png`, fullPage: true });
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page).toHaveURL(new RegExp(`${linkagePath}$`));
  await expect(page.getByRole('heading', { name: '联动事项详情' })).toBeVisible();
  await expect(page.locator('.ant-descriptions-item').filter({ hasText: '联动原则' })).toContainText('谁审批谁负责谁主管谁监管');
  await expect(page.locator('.ant-descriptions-item').filter({ hasText: '反馈时限（工作日）' })).toContainText('7');

  // In the list, linked to this page.
  await page.getByRole('link', { name: '返回清单' }).click();
  await page.getByLabel('事项名称或编码').fill('430900-XK-0004');
  await page.getByLabel('事项名称或编码').press('Enter');
  const row = page.getByRole('row').filter({ hasText: APPROVAL }).filter({ hasText: '食品经营监督检查' });
  await expect(row).toContainText('待确认');
  await expect(row).toContainText('跨部门');
  await page.screenshot({ path: `${SHOTS}/linkages-with-new.png`, fullPage: true });
  await row.getByRole('link', { name: APPROVAL }).click();
  await expect(page).toHaveURL(new RegExp(`${linkagePath}$`));
  // The approving clerk cannot confirm for the other side.
  await expect(page.getByRole('button', { name: '确认', exact: true })).toHaveCount(0);
});

test('the supervising department confirms it; others see no edit buttons', async ({ page }) => {
  await page.goto(linkagePath);
  await signIn(page, 'scjg_liaison');
  await expect(page.getByTestId('linkage-state')).toContainText('待监管部门确认');
  await expect(page.getByRole('button', { name: '修改联动事项' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '删除' })).toHaveCount(0);
  await page.getByRole('button', { name: '确认', exact: true }).click();
  await expect(page.getByTestId('linkage-state')).toContainText('已确认');
  await expect(page.getByRole('button', { name: '确认', exact: true })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/linkage-detail-confirmed.png`, fullPage: true });
});

test('an Excel import with one bad row changes nothing; the corrected one is taken', async ({ page }) => {
  const bad = workbook('bad.xlsx', [
    GOOD_ROW,
    { ...GOOD_ROW, 监管事项编码: '430900-JG-0103', 监管事项名称: '建筑施工安全监督检查', 联动原则: '谁都不管' },
  ]);
  const good = workbook('good.xlsx', [GOOD_ROW]);

  await page.goto('/linkages');
  await signIn(page, 'spj_clerk');
  await expect(page.getByRole('heading', { name: '事项清单' })).toBeVisible();
  const total = page.getByText(/^共 \d+ 项$/);
  const before = await total.textContent();

  const input = page.locator('input[type=file][aria-label="导入 Excel"]');
  await input.setInputFiles(bad);
  const refused = page.getByRole('alert').filter({ hasText: '导入被拒绝（未写入任何数据），共 1 处错误' });
  await expect(refused).toBeVisible();
  await expect(refused.getByRole('row').filter({ hasText: '联动原则' })).toContainText('3');
  await expect(refused.getByRole('row').filter({ hasText: '联动原则' })).toContainText('“谁都不管”不是联动原则');
  await page.screenshot({ path: `${SHOTS}/linkages-import-errors.png`, fullPage: true });
  // Nothing was written, not even the good row.
  await page.reload();
  await expect(total).toHaveText(before ?? '');
  await page.getByLabel('事项名称或编码').fill(IMPORTED_SUPERVISION);
  await page.getByLabel('事项名称或编码').press('Enter');
  await expect(page.getByText('共 0 项')).toBeVisible();

  await input.setInputFiles(good);
  await expect(page.getByText('导入完成：新增 1，更新 0，未变 0')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: IMPORTED_SUPERVISION })).toContainText('待确认');
  await page.getByRole('row').filter({ hasText: IMPORTED_SUPERVISION }).getByRole('link').click();
  await expect(page.getByTestId('linkage-basis')).toContainText(DOCUMENT_NUMBER);
  await expect(page.locator('.ant-descriptions').getByText('刘洋')).toBeVisible();
});

test('the coordination office publishes: the diff, the history on the detail page, the public list', async ({ page }) => {
  await page.goto('/linkages');
  await signIn(page, 'coord');
  // The coordination office reads city-wide but does not write linkages.
  await expect(page.getByRole('button', { name: '新建联动事项' })).toHaveCount(0);
  await page.getByRole('button', { name: '发布清单' }).click();
  const publishDialog = page.getByRole('dialog').filter({ hasText: '发布说明' });
  // A summary is required.
  await publishDialog.getByRole('button', { name: '发布清单' }).click();
  await expect(publishDialog.getByText('请填写发布说明')).toBeVisible();
  await publishDialog.getByLabel('发布说明').fill('2026年第2次调整');
  await publishDialog.getByRole('button', { name: '发布清单' }).click();
  const published = page.getByRole('dialog').filter({ hasText: /已发布第 \d+ 版/ });
  // Only the confirmed linkage is new; the imported one still waits for 市住建局.
  await expect(published).toContainText('新增 1 项，变更 0 项，移除 0 项');
  const number = (await published.textContent())?.match(/已发布第 (\d+) 版/)?.[1] ?? '';
  await page.screenshot({ path: `${SHOTS}/linkages-published.png`, fullPage: true });
  await published.getByRole('button').click();

  await page.goto(linkagePath);
  await expect(page.getByText(new RegExp(`第 ${number} 版（.*协调办.*）：新增|第 ${number} 版（.*coord.*）：新增`))).toBeVisible();
  await expect(page.getByRole('button', { name: '修改联动事项' })).toHaveCount(0);
  // The change history: who confirmed, and the status before and after.
  await expect(page.getByTestId('linkage-changes')).toContainText('监管部门确认');
  await expect(page.getByTestId('linkage-changes')).toContainText('状态：待监管部门确认 → 双方已确认');
  await page.screenshot({ path: `${SHOTS}/linkage-detail.png`, fullPage: true });

  await page.getByRole('button', { name: '退出登录' }).click();
  await page.goto('/public/list');
  await expect(page.getByTestId('published-version')).toContainText(`第 ${number} 版`);
  await expect(page.getByTestId('published-version')).toContainText('2026年第2次调整');
  const row = page.getByRole('row').filter({ hasText: APPROVAL }).filter({ hasText: '食品经营监督检查' });
  await expect(row).toContainText('谁审批谁负责');
  await expect(row).toContainText('谁主管谁监管');
  await expect(row).toContainText('跨部门');
  await expect(row).toContainText('黄静');
  await expect(page.getByRole('row').filter({ hasText: IMPORTED_SUPERVISION })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/public-list-new-version.png`, fullPage: true });
});

/**
 * app.spec.ts removes the approval clerks' `application read` rule to show a refusal and does
 * not put it back; when both files run on one stack, the clerk needs it again here. The
 * administrator adds it through the API (DUPLICATE when it is still there).
 */
async function clerksReadApplications(request: APIRequestContext) {
  const signedIn = await request.post('/graphql', {
    data: {
      query: 'mutation($p: String!) { signIn(username: "admin", password: $p) { ... on SignInPayload { token } } }',
      variables: { p: PASSWORD },
    },
  });
  const token = ((await signedIn.json()) as { data: { signIn: { token: string } } }).data.signIn.token;
  const added = await request.post('/graphql', {
    headers: { authorization: `Bearer ${token}` },
    data: {
      query:
        'mutation { addPermission(input: {role: "approval_clerk", departmentId: "*", object: "application", action: "read"}, reason: "端到端：恢复审批窗口查看办件") { __typename ... on ValidationErrors { errors { code } } } }',
    },
  });
  const outcome = ((await added.json()) as { data: { addPermission: { __typename: string; errors?: { code: string }[] } } }).data
    .addPermission;
  if (outcome.__typename === 'ValidationErrors') expect(outcome.errors?.map((e) => e.code)).toEqual(['DUPLICATE']);
  else expect(outcome.__typename).toBe('PolicyVersion');
}

// FIXME(#18): on the merged main of 2026-12-01 the 告知承诺 acceptance now succeeds (commitment
// recorded) but the push row does not appear on the linkage page within 15 s; cause not found yet.
test('an application accepted under the published list shows as a push on the linkage page', async ({ page, request }) => {
  await clerksReadApplications(request);
  // The demo's 医疗机构执业登记 application; the published list now also names 市市场监管局 for it.
  await page.goto('/applications/4');
  await signIn(page, 'spj_clerk');
  await expect(page).toHaveURL(/\/applications\/4$/);
  // Every process reloads the policy within about a second.
  await expect(async () => {
    await page.reload();
    await expect(page.getByText(APPROVAL)).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  const panel = page.getByTestId('accept-panel');
  await panel.getByLabel('查询目的').fill('受理办件 #4 前核查申请人信用');
  await panel.getByRole('button', { name: '信用核查' }).click();
  await expect(panel.getByTestId('credit-level')).toBeVisible();
  await panel.getByRole('radio', { name: '告知承诺' }).check();
  // 告知承诺 records the commitment and the signed 承诺书 (required since #18 item 5).
  const facts = panel.getByTestId('facilitation-fields');
  await facts.getByLabel('承诺内容').fill('本单位承诺已具备许可条件');
  await facts.getByLabel('签署的承诺书（PDF、PNG 或 JPEG，不超过 10 MB）').setInputFiles({
    name: '承诺书.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
  });
  await page.screenshot({ path: `${SHOTS}/accept-credit-panel.png`, fullPage: true });
  await panel.getByRole('button', { name: '以“告知承诺”受理' }).click();
  await expect(page.getByTestId('application-status')).toHaveText('已受理');

  await page.goto(linkagePath);
  const pushes = page.getByTestId('linkage-pushes');
  const row = pushes.getByRole('row').filter({ hasText: '益阳康宁医院有限公司' });
  await expect(row).toContainText('益阳市市场监督管理局');
  await expect(row).toContainText('受理');
  // Only pushes made under this linkage: the one to 市卫健委 (the demo's linkage) is not listed.
  await expect(pushes.getByRole('row').filter({ hasText: '益阳市卫生健康委员会' })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/linkage-detail-pushes.png`, fullPage: true });
});

test('the approving department deletes a linkage after confirming the dialog', async ({ page }) => {
  await page.goto('/linkages');
  await signIn(page, 'spj_clerk');
  await page.getByLabel('事项名称或编码').fill(IMPORTED_SUPERVISION);
  await page.getByLabel('事项名称或编码').press('Enter');
  await expect(page.getByText('共 1 项')).toBeVisible();
  await page.getByRole('row').filter({ hasText: IMPORTED_SUPERVISION }).getByRole('link').click();
  await page.getByRole('button', { name: '删除' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '删除该联动事项？' });
  // Cancelling keeps it.
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: '删除' }).click();
  await page.screenshot({ path: `${SHOTS}/linkage-delete-confirm.png`, fullPage: true });
  await dialog.getByRole('button', { name: '删除' }).click();
  await expect(page).toHaveURL(/\/linkages$/);
  await expect(page.getByText('联动事项已删除')).toBeVisible();
  await page.getByLabel('事项名称或编码').fill(IMPORTED_SUPERVISION);
  await page.getByLabel('事项名称或编码').press('Enter');
  await expect(page.getByText('共 0 项')).toBeVisible();
});
