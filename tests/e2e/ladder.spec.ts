// Issue 24: the sectors view opens on the scale ladder, all ten sectors on one measure, read from
// the drawn ECharts option as a reader's screen shows it.
import { test, expect, app, chartOption } from './fixtures';

const ladderReady = (page: import('@playwright/test').Page) =>
  expect.poll(async () => (await chartOption(page, 'sectors'))?.series?.[0]?.type ?? '').toBe('heatmap');

/** The text of the cell for a sector (row label) and a year (column label); null for no cell. */
async function cell(page: import('@playwright/test').Page, sector: string, year: string): Promise<string | null> {
  const option = await chartOption(page, 'sectors');
  const x = option.xAxis[0].data.indexOf(year);
  const y = option.yAxis[0].data.indexOf(sector);
  const item = option.series[0].data.find((d: any) => d.value[0] === x && d.value[1] === y);
  return item ? item.label.formatter : null;
}

test('the sectors view opens on the scale ladder: all ten on one axis, 2023 filled for all ten', async ({ page }) => {
  await page.goto('./?view=sectors');
  await ladderReady(page);
  const option = await chartOption(page, 'sectors');
  const sectors: string[] = option.yAxis[0].data;
  expect(sectors).toHaveLength(10);
  expect(sectors).toContain('New-generation information technology');
  for (const sector of sectors) expect(await cell(page, sector, '2023'), sector).not.toBeNull();
  expect(await cell(page, 'New-generation information technology', '2023')).toBe('≥ 3 tn');
  expect(await cell(page, 'Medicine and health', '2023')).toBe('976.1 bn');
  // Nothing published is an empty cell, not a value from another year.
  expect(await cell(page, 'New materials', '2025')).toBeNull();
  // A legend names the tiers, and the caption says a lower cell is a weaker statement.
  expect(option.visualMap[0].pieces.map((p: any) => p.label)).toEqual(['≥ 100 bn', '≥ 500 bn', '≥ 1 tn', '≥ 3 tn']);
  await expect(app(page).locator('.chart-note')).toContainText('a weaker statement, not a decline');
  // The indicator list offers the ladder (chosen) and each sector's own size.
  const select = page.getByRole('combobox', { name: 'Indicator' });
  await expect(select.locator('option:checked')).toHaveText(/Scale each cluster has reached/);
  await select.selectOption({ label: "Each sector's latest size in its own measure" });
  await expect(page).toHaveURL(/\?view=sectors&indicator=sizes$/);
  await expect.poll(async () => (await chartOption(page, 'sectors'))?.series?.length ?? 0).toBe(10);
});

test('a ladder cell opens its source; in Chinese it reads ≥ 3万亿', async ({ page }) => {
  await page.goto('./?view=sectors&lang=zh');
  await ladderReady(page);
  expect(await cell(page, '新一代信息技术', '2023')).toBe('≥ 3万亿');
  const at = await page.locator('[data-chart="sectors"]').evaluate((el) => {
    const chart = (window as any).echarts.getInstanceByDom(el);
    const option = chart.getOption();
    const x = option.xAxis[0].data.indexOf('2023');
    const y = option.yAxis[0].data.indexOf('新一代信息技术');
    return chart.convertToPixel({ seriesIndex: 0 }, [x, y]);
  });
  const box = (await page.locator('[data-chart="sectors"]').boundingBox())!;
  await page.mouse.click(box.x + at[0], box.y + at[1]);
  const panel = page.getByRole('dialog');
  await expect(panel).toBeVisible();
  await expect(panel.locator('.source-value')).toContainText('≥ 3万亿元');
  // The year's 100 bn floor is listed as a weaker floor, not as a source that disagrees.
  await expect(panel.locator('.sources-floors')).toContainText('≥ 1,000亿元');
  await expect(panel.locator('.conflict')).toHaveCount(0);
});

test('on a phone the ladder\'s years scroll and the sector names stay', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('./?view=sectors');
  await ladderReady(page);
  const zoom = (await chartOption(page, 'sectors')).dataZoom[0];
  expect(zoom.show).toBe(true);
  const years: string[] = (await chartOption(page, 'sectors')).xAxis[0].data;
  expect(zoom.endValue).toBe(years.length - 1);
  expect(zoom.endValue - zoom.startValue).toBe(2);
  expect((await chartOption(page, 'sectors')).yAxis[0].data).toHaveLength(10);
  expect((await chartOption(page, 'sectors')).yAxis[0].axisLabel.interval).toBe(0);
  // The page itself does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

test('floors read "≥" on the trends chart, and a year\'s weaker floor is not the one drawn', async ({ page }) => {
  await page.goto('./?view=trends&indicator=cluster_scale_threshold&sector=next_gen_it');
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  const option = await chartOption(page, 'trend');
  const years: string[] = option.xAxis[0].data;
  const at2023 = option.series[0].data[years.indexOf('2023')];
  expect(at2023.obs).toBe('sec-cluster-3tn-next_gen_it-2023');
  expect(at2023.label.formatter).toBe('≥ 3');
  expect(at2023.tip.join('\n')).toContain('Also stated, a weaker floor:');
  expect(at2023.tip.join('\n')).not.toContain('Sources differ');
});
