// Issue 15 (and 14's "filters that never lead to nothing"): long series drawn with every source
// of each point, each sector alone draws figures, and the sectors view opens on sizes in their
// own measures instead of ten equal bars.
import { test, expect, app, chartOption } from './fixtures';

const SECTORS = [
  'next_gen_it', 'integrated_circuits', 'medicine_health', 'intelligent_equipment', 'energy_saving_env',
  'new_energy_vehicles', 'new_materials', 'artificial_intelligence', 'software_info_services', 'sci_tech_services',
];

async function drawn(page: any, name: string): Promise<any[]> {
  const option = await chartOption(page, name);
  return (option?.series ?? []).flatMap((s: any) => (s.data ?? []).filter((d: any) => d && typeof d === 'object' && d.value !== null));
}

for (const indicator of ['gdp', 'rd_intensity', 'tech_contract_turnover', 'invention_patents_per_10k']) {
  test(`${indicator}: ten or more yearly points 2012–2024, each point's panel listing all its sources`, async ({ page }) => {
    await page.goto(`./?view=trends&indicator=${indicator}&time=2012..2024`);
    await expect.poll(async () => (await drawn(page, 'trend')).length).toBeGreaterThanOrEqual(10);
    const option = await chartOption(page, 'trend');
    const years: string[] = option.xAxis[0].data;
    expect(Number(years[0])).toBeGreaterThanOrEqual(2012);
    expect(Number(years[years.length - 1])).toBeLessThanOrEqual(2024);
    const line = option.series[0].data;
    const points = line.map((d: any, index: number) => ({ d, index })).filter(({ d }: any) => d && typeof d === 'object');
    expect(points.length).toBeGreaterThanOrEqual(10);
    // Every point with more than one source: open it from the list of figures (one button per
    // drawn point, in the chart's order), and the panel lists the others.
    await app(page).locator('details.figure-sources summary').click();
    const buttons = app(page).locator('details.figure-sources li button');
    for (const [k, { d }] of points.entries()) {
      if (d.sources <= 1) continue;
      await buttons.nth(k).click();
      const panel = page.getByRole('dialog', { name: 'Source of this figure' });
      await expect(panel).toBeVisible();
      await expect(panel.locator('.sources-agree li, .conflict li')).toHaveCount(d.sources - 1);
      if (d.tip.some((t: string) => t.startsWith('Also reported by'))) {
        await expect(panel.getByRole('heading', { name: /Also reported by/ })).toBeVisible();
      }
      await page.keyboard.press('Escape');
      await expect(panel).toBeHidden();
    }
  });
}

test('GDP 2016: 2.49 tn and 24,899.3 亿元 are one point, not a conflict', async ({ page }) => {
  await page.goto('./?view=trends&indicator=gdp&time=2016');
  await expect.poll(async () => (await drawn(page, 'trend')).length).toBe(1);
  const [point] = await drawn(page, 'trend');
  expect(point.sources).toBeGreaterThanOrEqual(2);
  expect(point.tip.join('\n')).toMatch(/Also reported by/);
  expect(point.tip.join('\n')).not.toMatch(/Sources differ/);
});

for (const sector of SECTORS) {
  test(`trends for ${sector} alone draws figures`, async ({ page }) => {
    await page.goto(`./?view=trends&sector=${sector}`);
    await expect.poll(async () => (await drawn(page, 'trend')).length).toBeGreaterThan(0);
    // The indicator list offers only indicators with figures, with their count.
    const options = await page.getByRole('combobox', { name: 'Indicator' }).locator('option').allInnerTexts();
    expect(options.length).toBeGreaterThan(0);
    for (const option of options) expect(option).toMatch(/\(\d+\)$/);
  });
}

test('each sector\'s size in its own measure (a choice of the sectors view) draws ten panels, not ten equal bars', async ({ page }) => {
  await page.goto('./?view=sectors&indicator=sizes');
  await expect.poll(async () => (await chartOption(page, 'sectors'))?.series?.length ?? 0).toBe(10);
  const option = await chartOption(page, 'sectors');
  // One value axis per panel: measures never share an axis.
  expect(option.yAxis.length).toBe(option.series.length);
  expect(new Set(option.series.map((s: any) => s.yAxisIndex)).size).toBe(option.series.length);
  // Each panel in its own measure, with its latest published size (in its axis unit: trillion
  // or billion yuan), as the data stands on 2026-12-02.
  expect(option.series.map((s: any) => [s.measure, s.data[s.data.length - 1].value])).toEqual([
    ['cluster_scale_threshold', 1],
    ['industry_revenue', 248],
    ['cluster_scale_threshold', 1],
    ['cluster_scale_threshold', 100],
    ['cluster_scale_threshold', 100],
    ['cluster_scale_threshold', 100],
    ['cluster_scale_threshold', 100],
    ['core_industry_revenue', 300],
    ['industry_revenue', 3],
    ['cluster_scale_threshold', 1],
  ]);
});

test('a filter that empties the chosen indicator switches to the best one and says so', async ({ page }) => {
  await page.goto('./?view=trends&indicator=rd_intensity&sector=new_materials');
  await expect(page.getByRole('status').filter({ hasText: 'No figures for indicator “rd_intensity”' })).toBeVisible();
  await expect.poll(async () => (await drawn(page, 'trend')).length).toBeGreaterThan(0);
});

test('the sources view sorts by confidence', async ({ page }) => {
  await page.goto('./?view=sources');
  await page.getByRole('combobox', { name: 'Sort sources by' }).selectOption('confidence');
  await expect(app(page).locator('.source-list > li').first().locator('.badge')).toHaveClass(/official/);
  await expect(app(page).locator('.source-list > li').last().locator('.badge')).toHaveClass(/third_party/);
});
