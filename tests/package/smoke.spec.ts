// The published package (scripts/package) as a reader meets it on a static host under a sub-path:
// the page draws, its links stay under the sub-path, the dataset downloads, and a figure link opens
// its source. Uses the e2e suite's watch: any console error, failed request or request leaving
// loopback fails the test.
import { test, expect, chartOption } from '../e2e/fixtures';

test('the unpacked package serves the page, a chart, a figure link and the dataset under /atlas/', async ({ page, request }) => {
  await page.goto('./?view=trends');
  expect(new URL(page.url()).pathname).toBe('/atlas/');
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  await page.getByRole('link', { name: 'Sources', exact: true }).first().click();
  await expect(page).toHaveURL(/\/atlas\/\?view=sources/);
  const zip = page.getByRole('link', { name: /The whole dataset \(ZIP/ });
  const [download] = await Promise.all([page.waitForEvent('download'), zip.click()]);
  expect(download.suggestedFilename()).toBe('atlas-data.zip');
  const response = await request.get('data/datapackage.json');
  expect(response.ok()).toBe(true);
  expect((await response.json()).resources.map((r: any) => r.path)).toContain('observations.csv');
  await page.goto('./?view=trends&indicator=gdp&figure=beijing-gdp-2022&lang=zh');
  const panel = page.getByRole('dialog', { name: '数据来源' });
  await expect(panel).toBeVisible();
  await expect(panel.locator('blockquote')).toContainText('41610.9');
});
