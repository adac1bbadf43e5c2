import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

// Files on documents (issue 18 items 1–3), against the real stack with the demo data: 赫山区审批局
// (hs_clerk) has accepted 公共场所卫生许可 applications pushed online to 市卫健委 (wjw_liaison).
const SHOTS = 'test-results/screenshots';
const PASSWORD = 'Demo@2026';
const LICENCE = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n% 赫山区 licence\ntrailer <<>>\n%%EOF\n');
const CIRCULAR = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\n% circular\ntrailer <<>>\n%%EOF\n');

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

async function token(request: APIRequestContext, username: string): Promise<string> {
  const { signIn: session } = await graphql<{ signIn: { token: string } }>(
    request,
    'mutation($u: String!, $p: String!) { signIn(username: $u, password: $p) { ... on SignInPayload { token } } }',
    { u: username, p: PASSWORD },
  );
  return session.token;
}

/** An accepted application of 赫山区审批局 (app.spec.ts may have taken application/read from clerks: restored). */
async function acceptedApplication(request: APIRequestContext): Promise<string> {
  const admin = await token(request, 'admin');
  await request.post('/graphql', {
    data: {
      query:
        'mutation { addPermission(input: {role: "approval_clerk", departmentId: "*", object: "application", action: "read"}, reason: "端到端：恢复审批窗口查看办件") { __typename } }',
    },
    headers: { authorization: `Bearer ${admin}` },
  });
  const clerk = await token(request, 'hs_clerk');
  // Its own applications (its scope also shows other departments' on linked matters).
  const { me, applications } = await graphql<{
    me: { departmentId: string };
    applications: { id: string; approvingDepartment: { id: string } | null }[];
  }>(request, '{ me { departmentId } applications(status: ACCEPTED) { id approvingDepartment { id } } }', {}, clerk);
  const own = applications.filter((a) => a.approvingDepartment?.id === me.departmentId);
  expect(own.length).toBeGreaterThan(0);
  return own[0]?.id ?? '';
}

test('a licence uploaded at completion is downloaded byte-identical by the supervising department, with its hash', async ({
  page,
  request,
}) => {
  const id = await acceptedApplication(request);
  const digest = createHash('sha256').update(LICENCE).digest('hex');

  await page.goto(`/applications/${id}`);
  await signIn(page, 'hs_clerk');
  const panel = page.getByTestId('complete-panel');
  await expect(panel).toBeVisible();
  await panel.getByLabel('文书编号').fill(`赫卫公字〔2026〕第9${id}号`);
  // Checked in the browser by its first bytes before sending.
  await panel
    .getByLabel('文书文件（许可证、不予许可决定书等）')
    .setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a licence') });
  await panel.getByRole('button', { name: '办结' }).click();
  await expect(panel.getByText('仅支持 PDF、PNG 或 JPEG 文件')).toBeVisible();
  await panel
    .getByLabel('文书文件（许可证、不予许可决定书等）')
    .setInputFiles({ name: '许可证.pdf', mimeType: 'application/pdf', buffer: LICENCE });
  await panel.getByRole('button', { name: '办结' }).click();
  await expect(page.getByTestId('application-status')).toContainText('办结准予');
  const own = page.getByTestId('legal-document-file');
  await expect(own).toContainText('许可证.pdf');
  await expect(own.locator(`[data-sha256="${digest}"]`)).toContainText(digest.slice(0, 12));

  // The supervising department's liaison downloads it from the completion push.
  await signOutAndIn(page, '/inbox', 'wjw_liaison');
  const link = page.getByTestId('legal-document-file').filter({ hasText: '许可证.pdf' }).first();
  // The push was made in the completion's transaction: no waiting for the outbox.
  await expect(link).toBeVisible({ timeout: 45_000 });
  await expect(link.locator(`[data-sha256="${digest}"]`)).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/inbox-licence-file.png`, fullPage: true });
  const downloading = page.waitForEvent('download');
  await link.getByRole('button', { name: '许可证.pdf' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('许可证.pdf');
  const saved = await download.path();
  expect(Buffer.compare(await readFile(saved), LICENCE)).toBe(0);
});

test('a notice carries its file; the recipient marks it read and the issuer sees who read it', async ({ page, request }) => {
  await acceptedApplication(request); // restores clerks' reading, as the first test does
  const title = `《公共场所卫生管理条例实施细则》修订 ${Date.now()}`;

  await page.goto('/inbox?tab=notices');
  await signIn(page, 'wjw_liaison');
  const issued = page.getByTestId('issued-notices');
  await issued.getByTestId('announce-notice').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('标题').fill(title);
  await dialog.getByLabel('变化内容').fill('卫生许可条件调整，请相关部门知悉。');
  await dialog.getByRole('combobox', { name: '受影响的事项' }).fill('公共场所');
  await page.locator('.ant-select-item-option').filter({ hasText: '公共场所卫生许可' }).first().click();
  await dialog
    .getByLabel('附件（所通知的文件，可多个）')
    .setInputFiles({ name: '实施细则.pdf', mimeType: 'application/pdf', buffer: CIRCULAR });
  await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
  await expect(dialog).toBeHidden();
  const mine = issued.getByRole('row').filter({ hasText: title });
  await expect(mine).toContainText('0/');
  await expect(mine).toContainText('实施细则.pdf');

  // 赫山区审批局 receives it, downloads the circular and marks it read.
  await signOutAndIn(page, '/inbox?tab=notices', 'hs_clerk');
  const received = page.getByTestId('notice-inbox').getByRole('row').filter({ hasText: title });
  await expect(received).toContainText('实施细则.pdf');
  await expect(received).toContainText('第');
  const downloading = page.waitForEvent('download');
  await received.getByRole('button', { name: '实施细则.pdf' }).click();
  expect(Buffer.compare(await readFile(await (await downloading).path()), CIRCULAR)).toBe(0);
  await received.getByTestId('mark-notice-read').click();
  await expect(received.getByTestId('notice-read')).toContainText('已读');

  // The issuer sees the reader's name and time.
  await signOutAndIn(page, '/inbox?tab=notices', 'wjw_liaison');
  const row = page.getByTestId('issued-notices').getByRole('row').filter({ hasText: title });
  await expect(row).toContainText('1/');
  await row.getByRole('button', { name: /展开|Expand/ }).click();
  const receipts = page.getByTestId('notice-read-receipts');
  await expect(receipts.getByRole('row').filter({ hasText: '赫山区审批局 何平' })).toContainText('已读');
  await page.screenshot({ path: `${SHOTS}/notice-read-receipts.png`, fullPage: true });
});
