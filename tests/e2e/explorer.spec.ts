// Issue 5: the explorer as a reader uses it: filters drive every view, CSV matches the table,
// Chinese everywhere, and a phone-width layout.
import { readFileSync } from 'node:fs';
import { test, expect, app, chartOption, seriesNames, openSectors } from './fixtures';

test('choosing sectors changes the trends chart, the sectors chart and the table', async ({ page }) => {
  // Three views and their charts, early in a run: 7 s in a full run, 16.6 s of 30 in a clean clone's CI run (2026-12-03).
  test.slow();
  await page.goto('./?view=trends&indicator=cluster_scale_threshold');
  await expect.poll(() => seriesNames(page, 'trend')).toContain('Integrated circuits');
  const before = await seriesNames(page, 'trend');
  await openSectors(page);
  await page.getByRole('checkbox', { name: 'Integrated circuits' }).uncheck();
  await expect.poll(() => seriesNames(page, 'trend')).not.toContain('Integrated circuits');
  expect((await seriesNames(page, 'trend')).length).toBeLessThan(before.length);

  await page.getByRole('link', { name: 'Sectors' }).click();
  // The scale ladder (the view's default): a row per chosen sector, each cell naming its sector.
  const bars = async () => [...new Set(((await chartOption(page, 'sectors'))?.series ?? []).flatMap((s: any) => s.data.map((d: any) => d.sector)))];
  await expect.poll(bars).toHaveLength(9);
  expect(await bars()).not.toContain('integrated_circuits');

  await page.getByRole('link', { name: 'Table' }).click();
  const count = async () => page.getByRole('row').count();
  // Counted once the table is drawn (its rows come at once; a count does not wait).
  await expect(page.getByRole('row').nth(1)).toBeVisible();
  const withNine = await count();
  await openSectors(page);
  await page.getByRole('checkbox', { name: 'Integrated circuits' }).check();
  await expect.poll(count).toBeGreaterThan(withNine);
});

test('clicking a bar narrows the filter to that sector', async ({ page }) => {
  // One panel per sector, each sector's size in its own measure (the ladder's cells open sources).
  await page.goto('./?view=sectors&indicator=sizes');
  await expect.poll(async () => (await chartOption(page, 'sectors'))?.series?.length ?? 0).toBe(10);
  const bar = await page.locator('[data-chart="sectors"]').evaluate((el) => {
    const chart = (window as any).echarts.getInstanceByDom(el);
    const series = chart.getOption().series;
    const seriesIndex = series.findIndex((s: any) => s.sector === 'medicine_health');
    const data = series[seriesIndex].data;
    const index = data.length - 1;
    const [x, y] = chart.convertToPixel({ seriesIndex }, [index, data[index].value / 2]);
    return { x, y };
  });
  const box = (await page.locator('[data-chart="sectors"]').boundingBox())!;
  await page.mouse.click(box.x + bar.x, box.y + bar.y);
  await expect(page).toHaveURL(/indicator=sizes&sector=medicine_health$/);
  await openSectors(page);
  await expect(page.getByRole('checkbox', { name: 'Medicine and health' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Integrated circuits' })).not.toBeChecked();
});

test('the CSV download holds exactly the figures the table shows, every source a line, in UTF-8', async ({ page }) => {
  await page.goto('./?view=table&region=haidian&lang=zh');
  const rows = app(page).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  // A row stating a figure several sources give counts them ("+1 (2 个来源)"); the CSV has a
  // line per source.
  const shown = await rows.evaluateAll((trs) => trs.reduce((sum, tr) => {
    const count = tr.querySelector('.source-count')?.textContent?.match(/\((\d+)/);
    return sum + (count ? Number(count[1]) : 1);
  }, 0));
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载CSV' }).click()]);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.charCodeAt(0)).toBe(0xfeff);
  const lines = text.slice(1).trim().split('\n').filter((line) => /^[a-z0-9-]+,/.test(line) && !line.startsWith('id,'));
  expect(lines.length).toBe(shown);
  expect(text).toContain('海淀区');
  const firstIndicator = await rows.first().locator('td').first().innerText();
  expect(text).toContain(firstIndicator);
});

test('the language switch turns every visible label into Chinese', async ({ page }) => {
  await page.goto('./?view=trends');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page).toHaveURL(/lang=zh/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('北京高精尖产业图集');
  await expect(page.getByRole('link', { name: '趋势' })).toHaveAttribute('aria-current', 'page');
  await openSectors(page);
  // Every sector's checkbox is named in Chinese, in the dataset's order.
  const sectorNames = app(page).locator('.sector-picker input[name=sector]').evaluateAll((boxes) => boxes.map((box) => box.closest('label')!.textContent!.trim()));
  expect(await sectorNames).toEqual(['新一代信息技术', '集成电路', '医药健康', '智能装备', '节能环保', '新能源智能汽车', '新材料', '人工智能', '软件和信息服务', '科技服务']);
  await expect(page.getByRole('checkbox', { name: '集成电路' })).toBeChecked();
  await expect.poll(async () => (await chartOption(page, 'trend'))?.title?.[0]?.text ?? '').toContain('北京市');
  // No English words left in the page's own text (quotes and sources are verbatim and excluded).
  const english = await app(page).evaluate((root) => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode as Text;
      const el = node.parentElement!;
      if (el.closest('blockquote, .source-list, [lang="en"], .figure-sources') || !el.checkVisibility()) continue;
      const words = node.data.match(/[A-Za-z]{4,}/g);
      if (words) texts.push(node.data.trim());
    }
    return texts;
  });
  expect(english.filter((t) => !/^(PNG|CSV|GDP)/.test(t) && !/ECharts|Apache/.test(t))).toEqual([]);
});

test('at 360 px wide the page has no horizontal scroll', async ({ page }) => {
  // Seven page loads: 17 s of 30 in a clean clone's CI run here (2026-12-03, 2 workers).
  test.slow();
  await page.setViewportSize({ width: 360, height: 740 });
  for (const view of ['overview', 'tour', 'trends', 'sectors', 'map', 'table', 'sources']) {
    await page.goto(`./?view=${view}`);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${view} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});

test('a filter that leaves the indicator empty switches to the best-covered one and says so', async ({ page }) => {
  await page.goto('./?view=trends&indicator=gdp&region=yanqing_uav_zone');
  await expect(page.getByRole('status').filter({ hasText: 'No figures for indicator “gdp”' })).toBeVisible();
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
});

test('a place with no figures at all explains itself and offers the way back', async ({ page }) => {
  // The CBD is on the map, but no figure in the data is about it alone.
  await page.goto('./?view=trends&indicator=gdp&region=cbd');
  await expect(app(page).getByText('No published figures match these filters.')).toBeVisible();
  await page.getByRole('button', { name: /Show all sectors, years and Beijing/ }).click();
  await expect(page).toHaveURL(/view=trends&indicator=gdp$/);
  await expect.poll(() => seriesNames(page, 'trend')).toContain('All industries');
});

test('each chart can be saved as a PNG with its title and sources drawn in', async ({ page }) => {
  await page.goto('./?view=trends');
  await expect.poll(async () => (await chartOption(page, 'trend'))?.title?.length ?? 0).toBe(2);
  const titles = (await chartOption(page, 'trend')).title.map((t: any) => t.text);
  expect(titles[1]).toMatch(/^Sources: /);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download this chart as PNG' }).click()]);
  expect(download.suggestedFilename()).toBe('beijing-atlas-trend.png');
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(1, 4).toString()).toBe('PNG');
});
