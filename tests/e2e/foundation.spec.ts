import { test, expect, app, chartOption, openSectors } from './fixtures';

test('the page opens with its title and a chart drawn from the data', async ({ page }) => {
  await page.goto('./');
  await expect(page).toHaveTitle(/Beijing High-Tech Atlas/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beijing High-Tech Atlas');
  // The R&D intensity card's sparkline: 6.58% of GDP in 2024 is in data/observations.jsonl.
  const spark = app(page).locator('svg.sparkline[data-sparkline="rd_intensity"]');
  await expect(spark).toHaveAttribute('aria-label', /2024: 6\.58/);
  // A dot per year with a published figure: 2013–2021, 2023 and 2024 (2022 is a gap).
  expect(await spark.locator('circle').count()).toBe(11);
  await expect(app(page).locator('.card').filter({ hasText: 'R&D expenditure' })).toContainText('6.58% of GDP');
});

test('the overview opens without the chart library, which loads once a chart view opens', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('./');
  await expect(app(page).locator('svg.sparkline').first()).toBeVisible();
  expect(await page.evaluate(() => typeof (window as any).echarts)).toBe('undefined');
  expect(requested.filter((path) => path.includes('echarts'))).toEqual([]);
  await page.getByRole('link', { name: 'Trends', exact: true }).click();
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  expect(requested.filter((path) => path.includes('echarts'))).toEqual(['/echarts.js']);
});

test('a link to a chart view fetches the chart library before the app asks for it, once', async ({ page }) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('./?view=sectors');
  await expect.poll(async () => (await chartOption(page, 'sectors'))?.series?.length ?? 0).toBeGreaterThan(0);
  const scripts = requested.filter((path) => /\.(js|wasm)$/.test(path));
  // Requested by index.html's early script, before the wasm has run (which asks for nothing more).
  expect(scripts.indexOf('/echarts.js')).toBeGreaterThanOrEqual(0);
  expect(scripts.indexOf('/echarts.js')).toBeLessThan(scripts.findIndex((path) => path.endsWith('.wasm')));
  expect(requested.filter((path) => path.includes('echarts'))).toEqual(['/echarts.js']);
});

test('the trends chart shows each point with its source in the tooltip data', async ({ page }) => {
  await page.goto('./?view=trends');
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  const option = await chartOption(page, 'trend');
  const points = option.series[0].data.filter((d: any) => d && typeof d === 'object');
  expect(points.length).toBeGreaterThanOrEqual(4);
  for (const point of points) {
    expect(point.obs).toBeTruthy();
    expect(point.tip.join(' ')).toMatch(/Source: /);
  }
});

test('the bundle works when served from a sub-path', async ({ page, baseURL }) => {
  // The config serves dist/ a second time under /atlas/, on the next port.
  const sub = new URL(baseURL!);
  sub.port = String(Number(sub.port) + 1);
  await page.goto(new URL('/atlas/?view=trends', sub).href);
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  await page.getByRole('link', { name: 'Map' }).click();
  await expect(page).toHaveURL(/\/atlas\/\?view=map/);
  await expect.poll(async () => (await chartOption(page, 'map'))?.series?.[0]?.data?.length ?? 0).toBe(16);
});

test('a chart is updated in place, not re-created, when a filter changes', async ({ page }) => {
  await page.goto('./?view=trends&indicator=cluster_scale_threshold');
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(1);
  const id = await page.locator('[data-chart="trend"]').getAttribute('_echarts_instance_');
  await openSectors(page);
  await page.getByRole('checkbox', { name: 'Integrated circuits' }).uncheck();
  await expect(page).toHaveURL(/sector=/);
  // Wait for the new series to be drawn, then compare: the same instance holds them.
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.map((s: any) => s.name) ?? []).not.toContain('Integrated circuits');
  expect(await page.locator('[data-chart="trend"]').getAttribute('_echarts_instance_')).toBe(id);
});
