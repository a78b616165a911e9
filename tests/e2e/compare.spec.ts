// Issue 18: compare places over time and watch the map change. The bundled data has GDP for
// Haidian (2017–2022), Chaoyang (2017–2025) and the BDA (2015–2022, with a 2025 target), and
// district GDP in 2017–2022, 2024 and 2025, so the lines and the player below have figures.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, app, chartOption, seriesNames, query, openSectors } from './fixtures';
import type { Page } from '@playwright/test';

const BDA = 'Beijing Economic-Technological Development Area (E-Town, Yizhuang)';
const lines = async (page: Page) => {
  const option = await chartOption(page, 'trend');
  return option ? option.series.filter((s: any) => s.type === 'line') : [];
};
const drawn = (series: any) => series.data.filter((d: any) => d && typeof d === 'object');

test('three places draw three lines, each figure with its source', async ({ page }) => {
  await page.goto('./?view=trends&indicator=gdp&region=haidian,chaoyang,bda');
  // Canonical: the dataset's order (districts by their codes, then zones).
  await expect.poll(() => query(page)).toBe('view=trends&indicator=gdp&region=chaoyang,haidian,bda');
  await expect.poll(() => seriesNames(page, 'trend')).toEqual(['Chaoyang', 'Haidian', BDA, 'Targets']);
  const option = await chartOption(page, 'trend');
  expect(option.title[0].text).toBe(`Gross domestic product · All industries · Chaoyang, Haidian, ${BDA}`);
  for (const line of await lines(page)) {
    expect(drawn(line).length, line.name).toBeGreaterThanOrEqual(5);
    for (const item of drawn(line)) expect(item.obs, line.name).toMatch(/\S/);
  }
  // The sources are one click away: a figure of each place in the list, and its panel.
  const list = app(page).locator('.figure-sources');
  await list.locator('summary').click();
  for (const place of ['Chaoyang', 'Haidian', BDA]) await expect(list.getByRole('button', { name: new RegExp(`^${place.replace(/[()]/g, '.')} · Gross domestic product`) }).first()).toBeVisible();
  await list.getByRole('button', { name: /^Haidian · Gross domestic product/ }).first().click();
  await expect(page.getByRole('dialog')).toContainText('Haidian');
  // The control names the three places chosen, and lists them checked.
  const summary = app(page).locator('.regions summary');
  await expect(summary).toHaveText(`Regions: Chaoyang, Haidian, ${BDA}`);
  await summary.click();
  for (const place of ['Chaoyang', 'Haidian']) await expect(page.getByRole('checkbox', { name: place, exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Beijing', exact: true })).not.toBeChecked();
});

test('indexed growth draws 100 at each line’s first year and the published value in the tooltip', async ({ page }) => {
  await page.goto('./?view=trends&indicator=gdp&region=haidian,chaoyang,bda&scale=index');
  await expect.poll(async () => (await lines(page)).length).toBe(3);
  const option = await chartOption(page, 'trend');
  expect(option.yAxis[0].name).toBe('Index, first year = 100 (derived, from published figures)');
  for (const line of await lines(page)) expect(drawn(line)[0].value, line.name).toBe(100);
  // The BDA has a 2015 figure, the chart's first year; Haidian starts at its own, and says so.
  await expect(app(page).locator('.index-note')).toContainText('Haidian starts at 2017, its first year with a figure in this span');
  // The tooltip as a reader sees it: the index, derived, beside the published value and source.
  const tip = await page.locator('[data-chart="trend"]').evaluate((el) => {
    const chart = (window as any).echarts.getInstanceByDom(el);
    const data = chart.getOption().series[1].data;
    const index = data.map((d: any, i: number) => (d && typeof d === 'object' ? i : -1)).filter((i: number) => i >= 0).pop();
    chart.dispatchAction({ type: 'showTip', seriesIndex: 1, dataIndex: index });
    return (document.querySelector('.tip') as HTMLElement | null)?.innerText ?? '';
  });
  expect(tip).toMatch(/Index [\d.,]+, derived, from published figures \(2017 = 100\)/);
  expect(tip).toMatch(/(亿元|billion yuan|trillion yuan) \(Actual\)/);
  expect(tip).toContain('Source:');
  // The toggle goes back to values, and the link says so.
  await page.getByRole('radio', { name: 'Published values' }).check();
  await expect(page).toHaveURL(/\?view=trends&indicator=gdp&region=chaoyang,haidian,bda$/);
  await expect.poll(async () => (await chartOption(page, 'trend')).yAxis[0].name).not.toContain('Index');
});

test('the region control finds places by typing and keeps to eight', async ({ page }) => {
  await page.goto('./?view=trends&indicator=gdp');
  await app(page).locator('.regions summary').click();
  const search = page.getByRole('searchbox', { name: 'Find a region' });
  await search.fill('chao');
  await expect(app(page).locator('.region-option')).toHaveCount(1);
  await page.getByRole('checkbox', { name: 'Chaoyang', exact: true }).check();
  await expect(page).toHaveURL(/region=beijing,chaoyang/);
  await expect.poll(() => seriesNames(page, 'trend')).toEqual(['Beijing', 'Chaoyang']);
  // By keyboard: type, Tab to the match, Space.
  await search.fill('海淀');
  await search.press('Tab');
  await page.keyboard.press('Space');
  await expect(page).toHaveURL(/region=beijing,chaoyang,haidian/);
  // Eight chosen: the others are disabled and the limit is said.
  await page.goto('./?view=trends&indicator=gdp&region=dongcheng,xicheng,chaoyang,fengtai,shijingshan,haidian,mentougou,fangshan');
  await app(page).locator('.regions summary').click();
  await expect(page.getByRole('checkbox', { name: 'Tongzhou', exact: true })).toBeDisabled();
  await expect(app(page).locator('.region-limit')).toContainText('8 regions chosen');
  await page.getByRole('checkbox', { name: 'Fangshan', exact: true }).uncheck();
  await expect(page.getByRole('checkbox', { name: 'Tongzhou', exact: true })).toBeEnabled();
});

test('the table and its CSV follow the region list, with the published values', async ({ page }) => {
  await page.goto('./?view=table&indicator=gdp&region=haidian,chaoyang&scale=index');
  const rows = app(page).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  const places = new Set(await rows.locator('td:nth-child(3)').allInnerTexts());
  expect([...places].sort()).toEqual(['Chaoyang', 'Haidian']);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download CSV' }).click()]);
  const { readFileSync } = await import('node:fs');
  const text = readFileSync((await download.path())!, 'utf8');
  const records = text.slice(1).trim().split('\n').filter((line) => /^[a-z0-9-]+,/.test(line) && !line.startsWith('id,'));
  // A line per source: a row stating a figure several sources give counts them ("+1 (2 sources)").
  const shown = await rows.evaluateAll((trs) => trs.reduce((sum, tr) => {
    const count = tr.querySelector('.source-count')?.textContent?.match(/\((\d+)/);
    return sum + (count ? Number(count[1]) : 1);
  }, 0));
  expect(records.length).toBe(shown);
  expect(records.filter((r) => !r.includes(',Haidian,') && !r.includes(',Chaoyang,'))).toEqual([]);
  // Published values, not an index: Haidian's 2017 GDP as published.
  expect(text).toContain('5942.8');
});

const player = (page: Page) => page.getByRole('group', { name: 'Map year' });
const mapYear = async (page: Page) => {
  const title: string = (await chartOption(page, 'map'))?.title?.[0]?.text ?? '';
  return Number(title.split(' · ').pop());
};
const mapReady = (page: Page) => expect.poll(async () => (await chartOption(page, 'map'))?.series?.[0]?.data?.length ?? 0).toBe(16);

for (const how of ['mouse', 'keyboard']) {
  test(`the map's player steps through the years and stops on the year with the most districts (${how})`, async ({ page }) => {
    // The player's pace plus six maps drawn: 11–17 s of 30 with 2 workers here (2026-12-03).
    test.slow();
    await page.goto('./?view=map&indicator=gdp&time=2021');
    await mapReady(page);
    const range = async () => { const o = await chartOption(page, 'map'); return [o.visualMap[0].min, o.visualMap[0].max]; };
    const scale = await range();
    // The note says where it stops and that years without district figures are skipped.
    await expect(app(page).locator('.player-note')).toContainText('stops on 2019, the year with the most districts (16 of 16)');
    const seen: number[] = [];
    const button = player(page).getByRole('button', { name: 'Play the years' });
    if (how === 'mouse') await button.click();
    else { await button.focus(); await page.keyboard.press('Enter'); }
    await expect(player(page).getByRole('button', { name: 'Pause' })).toBeVisible();
    await expect(player(page).locator('output')).toHaveAttribute('aria-live', 'polite');
    await expect.poll(async () => {
      const year = await mapYear(page);
      if (seen[seen.length - 1] !== year) seen.push(year);
      return seen.includes(2025) ? year : 0;
    }, { timeout: 20_000, intervals: [200] }).toBe(2019);
    // Every year with district figures from 2021 on, then back to the fullest year, where it stops.
    expect(seen).toEqual([2021, 2022, 2023, 2024, 2025, 2019]);
    await expect(player(page).getByRole('button', { name: 'Play the years' })).toBeVisible();
    await expect(player(page).locator('output')).toHaveText('Showing 2019');
    await expect(page).toHaveURL(/time=2019/);
    // One colour scale for every year, and all sixteen districts have a figure in 2019.
    expect(await range()).toEqual(scale);
    const districts = (await chartOption(page, 'map')).series[0].data;
    expect(districts.filter((d: any) => typeof d.value !== 'number')).toEqual([]);
    // The slider steps by keyboard too.
    await player(page).getByRole('slider', { name: 'Map year' }).focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page).toHaveURL(/time=2018/);
    await expect(player(page).locator('output')).toHaveText('Showing 2018');
  });
}

test('any other interaction stops the player', async ({ page }) => {
  await page.goto('./?view=map&indicator=gdp&time=2017');
  await mapReady(page);
  await player(page).getByRole('button', { name: 'Play the years' }).click();
  await expect.poll(() => mapYear(page), { timeout: 5_000 }).toBeGreaterThan(2017);
  await openSectors(page);
  await page.getByRole('checkbox', { name: 'Integrated circuits' }).uncheck();
  await expect(player(page).getByRole('button', { name: 'Play the years' })).toBeVisible();
  const stopped = await mapYear(page);
  await page.waitForTimeout(2_000);
  expect(await mapYear(page)).toBe(stopped);
});

const states = [
  'view=trends&indicator=gdp&region=chaoyang,haidian,bda',
  'view=trends&indicator=gdp&region=chaoyang,haidian,bda&scale=index',
  'view=trends&indicator=gdp&region=beijing,haidian&scale=index&lang=zh',
  'view=map&indicator=gdp&time=2024',
];
for (const link of states) {
  test(`a state round-trips through its link (${link})`, async ({ page }) => {
    await page.goto(`./?${link}`);
    const name = link.startsWith('view=map') ? 'map' : 'trend';
    await expect.poll(async () => (await chartOption(page, name))?.series?.length ?? 0).toBeGreaterThan(0);
    expect(query(page)).toBe(link);
    const before = await chartOption(page, name);
    await page.goto(`./?${query(page)}`);
    await expect.poll(async () => (await chartOption(page, name))?.series?.length ?? 0).toBeGreaterThan(0);
    const after = await chartOption(page, name);
    expect(after.series.map((s: any) => s.name)).toEqual(before.series.map((s: any) => s.name));
    expect(after.title[0].text).toBe(before.title[0].text);
    expect(query(page)).toBe(link);
  });
}

const bad: [string, RegExp, string][] = [
  ['view=trends&indicator=gdp&scale=log', /Ignored scale “log”/, 'view=trends&indicator=gdp'],
  ['view=trends&indicator=gdp&region=haidian,atlantis,chaoyang', /Ignored region “atlantis”: .*other regions/, 'view=trends&indicator=gdp&region=chaoyang,haidian'],
  ['view=trends&indicator=gdp&region=dongcheng,xicheng,chaoyang,fengtai,shijingshan,haidian,mentougou,fangshan,tongzhou', /Ignored regions “tongzhou”: one chart compares at most 8/, 'view=trends&indicator=gdp&region=dongcheng,xicheng,chaoyang,fengtai,shijingshan,haidian,mentougou,fangshan'],
];
for (const [link, message, canonical] of bad) {
  test(`a bad link (${link}) gives a notice and a valid view`, async ({ page }) => {
    await page.goto(`./?${link}`);
    await expect(page.getByRole('status').filter({ hasText: message })).toBeVisible();
    await expect.poll(() => query(page)).toBe(canonical);
    await expect.poll(async () => (await lines(page)).length).toBeGreaterThan(0);
  });
}

for (const lang of ['en', 'zh']) {
  test(`the new controls pass axe (${lang})`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const suffix = lang === 'zh' ? '&lang=zh' : '';
    for (const link of ['view=trends&indicator=gdp&region=haidian,chaoyang,bda&scale=index', 'view=map&indicator=gdp&time=2021']) {
      await page.goto(`./?${link}${suffix}`);
      const map = link.startsWith('view=map');
      if (map) await mapReady(page);
      else await expect.poll(async () => (await lines(page)).length).toBe(3);
      const include = map ? '.year-player' : '.regions';
      if (!map) await app(page).locator('.regions summary').click();
      await expect(app(page).locator(map ? include : '.region-panel')).toBeVisible();
      const results = await new AxeBuilder({ page })
        .include(include).include(map ? '.map-view' : '.scale-toggle')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      expect(results.violations.map((v) => `${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
  });
}
