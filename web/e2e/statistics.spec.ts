import { expect, test, type Page } from '@playwright/test';

const SHOTS = 'test-results/screenshots';
const PASSWORD = 'Demo@2026';

async function signIn(page: Page, username: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(PASSWORD);
  await page.getByRole('button', { name: '登录' }).click();
}

/** Counts the painted pixels of every canvas in the element (a chart that drew nothing has none). */
async function paintedPixels(page: Page, testId: string): Promise<number> {
  return page.getByTestId(testId).evaluate((host) =>
    Array.from(host.querySelectorAll('canvas')).reduce((sum, canvas) => {
      const context = canvas.getContext('2d');
      if (!context || canvas.width === 0 || canvas.height === 0) return sum;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let painted = 0;
      for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted += 1;
      return sum + painted;
    }, 0),
  );
}

test('the coordination office sees the statistics charts and tables and exports them, under the strict CSP', async ({ page }) => {
  await page.addInitScript(() => {
    (window as unknown as { cspViolations: string[] }).cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { cspViolations: string[] }).cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}`);
    });
  });
  await page.goto('/sign-in');
  await signIn(page, 'coord');
  await page.getByRole('navigation').getByRole('link', { name: '统计分析', exact: true }).click();
  await expect(page).toHaveURL(/\/statistics$/);
  await expect(page.getByRole('heading', { name: '统计分析' })).toBeVisible();
  await expect(page.getByTestId('statistics-scope')).toHaveText('范围：全市');

  // The demo's county applications were pushed to 卫健委: KPIs and both tables show them.
  const kpis = page.getByTestId('statistics-kpis');
  await expect(kpis).toContainText('发出推送');
  await expect(kpis).toContainText('受理时信用核查率');
  const byDepartment = page.getByTestId('table-by-department');
  await expect(byDepartment.getByRole('row').filter({ hasText: '益阳市卫生健康委员会' })).toHaveCount(1);
  await expect(byDepartment.getByRole('row').filter({ hasText: '益阳市赫山区行政审批服务局' })).toHaveCount(1);
  const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7); // China Standard Time
  await expect(page.getByTestId('table-by-month').getByRole('row').filter({ hasText: month })).toHaveCount(1);

  // Both charts drew on their canvas.
  for (const chart of ['chart-by-department', 'chart-by-month']) {
    await expect(page.getByTestId(chart).locator('canvas')).toHaveCount(1);
    await expect.poll(() => paintedPixels(page, chart)).toBeGreaterThan(1000);
  }
  // Known and not this page's: every Ant Design table measures the scroll bar with a <style>
  // element that carries no nonce (@rc-component/util getScrollBarSize; the same on /linkages and
  // /departments). It is refused harmlessly (the measurement falls back). Anything else fails,
  // in particular anything from this page's chunk (ECharts).
  const tableProbe = /^style-src-elem inline \S+\/assets\/index-[\w-]+\.js$/;
  const violations = async () =>
    (await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)).filter((v) => !tableProbe.test(v));
  expect(await violations()).toEqual([]);
  // The tooltip appears without breaking the policy.
  await page.getByTestId('chart-by-department').hover({ position: { x: 200, y: 200 } });
  await page.getByTestId('chart-by-month').hover({ position: { x: 300, y: 150 } });

  // The assessment ranking lists departments with their scores.
  await expect(page.getByTestId('table-assessment').getByRole('row').filter({ hasText: '益阳市卫生健康委员会' })).toHaveCount(1);

  const download = page.waitForEvent('download');
  await page.getByTestId('export-by-department').click();
  expect((await download).suggestedFilename()).toMatch(/^联动统计_按部门_\d{4}-01-01_\d{4}-\d{2}-\d{2}\.xlsx$/);
  const report = page.waitForEvent('download');
  await page.getByTestId('export-assessment-pdf').click();
  expect((await report).suggestedFilename()).toMatch(/^考核报告_.*\.pdf$/);

  await page.screenshot({ path: `${SHOTS}/statistics.png`, fullPage: true });
  expect(await violations()).toEqual([]);

  // Every figure explains its definition and opens the cases behind it.
  const row = byDepartment.getByRole('row').filter({ hasText: '益阳市卫生健康委员会' });
  await byDepartment.locator('thead').getByTestId('definition-CLAIMED_ON_TIME').hover();
  await expect(page.getByRole('tooltip')).toContainText('线上推送于推送时认领');
  const columns = await byDepartment.locator('thead th').allTextContents();
  const received = (await row.locator('td').nth(columns.indexOf('接收推送')).textContent())?.trim();
  await row.locator('td').nth(columns.indexOf('接收推送')).getByRole('link').click();
  await expect(page).toHaveURL(/\/statistics\/cases\?figure=PUSHES_RECEIVED/);
  await expect(page.getByRole('heading', { name: '统计明细：接收推送' })).toBeVisible();
  await expect(page.getByTestId('cases-definition')).toHaveText('统计期间内推送给本部门的推送（按推送时间）');
  await expect(page.getByTestId('cases-scope')).toContainText(`益阳市卫生健康委员会 · 共 ${received} 件`);
  await expect(page.getByTestId('table-cases').locator('tbody tr.ant-table-row')).toHaveCount(Number(received));
  await page.screenshot({ path: `${SHOTS}/statistics-cases.png`, fullPage: true });
  expect(await violations()).toEqual([]);
});

test('a department head sees their own department and no assessment ranking', async ({ page }) => {
  await page.goto('/statistics');
  await signIn(page, 'spj_head');
  await expect(page).toHaveURL(/\/statistics$/);
  await expect(page.getByTestId('statistics-scope')).toHaveText('范围：益阳市行政审批服务局');
  // Every month of this year so far (all without pushes for this department), one data row each
  // (the header has two rows since 认领方式 groups one column per claim method).
  const months = Number(new Date(Date.now() + 8 * 3600_000).toISOString().slice(5, 7));
  await expect(page.getByTestId('table-by-month').locator('tbody tr.ant-table-row')).toHaveCount(months);
  await expect(page.getByTestId('table-assessment')).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/statistics-department-head.png`, fullPage: true });
});
