// Issue 23 (C8, C12): every word the page writes itself is in the page's language.
import { test, expect, app } from './fixtures';

test('periods read in Chinese on the Chinese page: no raw "7 years"', async ({ page }) => {
  await page.goto('./?view=table&indicator=hitech_development_index_multiple&lang=zh');
  const table = app(page).locator('table');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table).toContainText('7年间（未说明起止年份）');
  await expect(app(page)).not.toContainText('7 years');
  await page.goto('./?view=table&indicator=core_companies&lang=zh');
  await expect(app(page).locator('table')).toContainText('截至2022年10月');
  await page.goto('./?view=table&indicator=core_companies');
  await expect(app(page).locator('table')).toContainText('as of Oct 2022');
});

test("the zone card names the zone in the page's language first and marks the other", async ({ page }) => {
  await page.goto('./?view=map&region=bda&lang=zh');
  const title = page.locator('#zone-title');
  await expect(title).toHaveText(/^北京经济技术开发区（亦庄）/);
  await expect(title.locator('span[lang="en"]')).toHaveText(/Beijing Economic-Technological Development Area/);
  await page.goto('./?view=map&region=bda');
  await expect(page.locator('#zone-title')).toHaveText(/^Beijing Economic-Technological Development Area/);
  await expect(page.locator('#zone-title span[lang="zh-CN"]')).toHaveText(/北京经济技术开发区/);
});

test("a tour link's ignored filter is named in Chinese on the Chinese page", async ({ page }) => {
  await page.goto('./?view=tour&sector=integrated_circuits&lang=zh');
  await expect(app(page).locator('.notices li')).toHaveText('已忽略产业“integrated_circuits”：导览的每一步自带筛选条件。请用“从这里开始探索”来更改。');
});

test("a chart's name follows the language while ECharts is still on its way", async ({ page }) => {
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => { release = resolve; });
  await page.route(/\/echarts\.js$/, async (route) => { await held; await route.continue(); });
  // Not 'load': that waits for the held script.
  await page.goto('./?view=trends', { waitUntil: 'domcontentloaded' });
  const chart = page.locator('[data-chart="trend"]');
  await expect(chart).toHaveAttribute('aria-label', 'Chart loading');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page).toHaveURL(/lang=zh/);
  await expect(chart).toHaveAttribute('aria-label', '图表加载中');
  release();
  // Drawn, ECharts names the chart from its data, in Chinese.
  await expect(chart).toHaveAttribute('aria-label', /北京市/);
});
