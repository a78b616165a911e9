// Issue 6: the cluster map, linked both ways with the filters.
import { test, expect, app, chartOption, mapTexts } from './fixtures';

const mapReady = async (page: any) =>
  expect.poll(async () => (await chartOption(page, 'map'))?.series?.[0]?.data?.length ?? 0).toBe(16);

test('the map has the 16 districts and exactly the zones of the sector filter', async ({ page }) => {
  await page.goto('./?view=map');
  await mapReady(page);
  const all = (await chartOption(page, 'map')).series[1].data.map((d: any) => d.zone);
  expect(all).toHaveLength(25);
  await page.goto('./?view=map&sector=new_materials');
  await mapReady(page);
  const option = await chartOption(page, 'map');
  const shown = option.series[1].data.map((d: any) => d.zone);
  // The zones data/zones.jsonl lists under new materials.
  expect(shown.length).toBe(3);
  for (const item of option.series[1].data) expect(item.tip.join(' ')).toContain('New materials');
  // The others stay on the map, dimmed, so the selection is seen in context.
  expect(option.series[2].data.length + shown.length).toBe(25);
});

test('a district without a figure is "no data", never zero', async ({ page }) => {
  await page.goto('./?view=map&time=2022');
  await mapReady(page);
  const districts = (await chartOption(page, 'map')).series[0].data;
  const empty = districts.filter((d: any) => d.value === null || d.value === undefined || Number.isNaN(d.value));
  expect(empty.length).toBeGreaterThan(0);
  for (const d of empty) expect(d.tip.join(' ')).toContain('No data: no figure published');
  for (const d of districts.filter((d: any) => typeof d.value === 'number')) expect(d.tip.join(' ')).toMatch(/Source: /);
});

test('clicking a district sets the region, in the page and in the URL', async ({ page }) => {
  await page.goto('./?view=map');
  await mapReady(page);
  const point = await page.locator('[data-chart="map"]').evaluate((el) => {
    const chart = (window as any).echarts.getInstanceByDom(el);
    // A point well inside Haidian, away from zone markers.
    return chart.convertToPixel({ geoIndex: 0 }, [116.16, 40.05]);
  });
  const box = (await page.locator('[data-chart="map"]').boundingBox())!;
  await page.mouse.click(box.x + point[0], box.y + point[1]);
  await expect(page).toHaveURL(/view=map&region=haidian/);
  await expect(app(page).locator('.zone-card')).toContainText('Haidian');
  await page.getByRole('link', { name: 'See the trend for the selected region' }).click();
  await expect(page).toHaveURL(/view=trends&region=haidian/);
  await expect(app(page).locator('.regions summary')).toHaveText('Regions: Haidian');
  await app(page).locator('.regions summary').click();
  await expect(page.getByRole('checkbox', { name: 'Haidian', exact: true })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Beijing', exact: true })).not.toBeChecked();
});

test('a zone from the list opens its card with its source and sets the region', async ({ page }) => {
  await page.goto('./?view=map');
  await mapReady(page);
  await page.getByRole('navigation', { name: 'Science cities, parks and zones' }).getByRole('button', { name: 'Huairou Science City' }).click();
  await expect(page).toHaveURL(/region=huairou_science_city/);
  const card = app(page).locator('.zone-card');
  await expect(card).toContainText('怀柔科学城');
  await expect(card.getByRole('link', { name: /Source for this zone/ })).toHaveAttribute('href', /^https?:\/\//);
  await expect(card.locator('blockquote')).toContainText('Huairou');
  await expect(card).toContainText('approximate');
});

test('every zone point lies inside its own district', async ({ page }) => {
  await page.goto('./?view=map');
  await mapReady(page);
  const misplaced = await page.locator('[data-chart="map"]').evaluate((el) => {
    const chart = (window as any).echarts.getInstanceByDom(el);
    const geo = chart.getModel().getComponent('geo').coordinateSystem;
    const zones = chart.getOption().series[1].data;
    return zones
      .map((z: any) => ({ zone: z.zone, want: z.district, got: geo.getRegionByCoord(z.value)?.name }))
      .filter((z: any) => z.want !== z.got);
  });
  expect(misplaced).toEqual([]);
});

test("a zone's card lists its figures by measure, periods in order, and names a plan as a target", async ({ page }) => {
  await page.goto('./?view=map&region=bda');
  const figures = app(page).locator('.zone-card .zone-figures li');
  await expect(figures.first()).toBeVisible();
  const lines = await figures.allInnerTexts();
  const gdp = lines.filter((l) => l.startsWith('Gross domestic product ·'));
  // One measure's lines together, their periods in order, the plan after the outcomes.
  expect(gdp.length).toBeGreaterThan(3);
  const first = lines.indexOf(gdp[0]);
  expect(lines.slice(first, first + gdp.length)).toEqual(gdp);
  // The year each period ends (a plan's span: its last year).
  const years = gdp.map((l) => Number(l.match(/(\d{4}): /)![1]));
  expect(years).toEqual([...years].sort((a, b) => a - b));
  expect(gdp[gdp.length - 1]).toMatch(/2021–2025: .* \(Target\)$/);
  // A sector's figure names its sector; a part year says which months.
  expect(lines).toContainEqual(expect.stringMatching(/^Industry output value · Integrated circuits · Jan–Jun 2024: /));
});

// Issue 27 and reviewer M9: the district names give way rather than pile up (the central ones
// overlapped even at 1280 px), each inside its district, and the map keeps clear of its title and
// scale in the map view's box (852 × 560 at 1280 px) and in a profile's wide, short one (1168 × 380).
test('district names never overlap, each sits in its district, and the map clears its title and scale', async ({ page }) => {
  for (const [url, name] of [['./?view=map', 'map'], ['./?view=profile&region=haidian', 'profile-map']] as const) {
    await page.goto(url);
    const chart = page.locator(`[data-chart="${name}"]`);
    await expect.poll(() => chart.evaluate((el) => (window as any).echarts?.getInstanceByDom(el)?.getOption()?.geo?.length ?? 0)).toBe(1);
    await expect.poll(async () => (await mapTexts(page, name)).districtNames.length).toBeGreaterThan(10);
    const drawn = await mapTexts(page, name);
    expect(drawn.box.w / drawn.box.h, url).toBeGreaterThan(1.4);
    expect(drawn.overlaps, drawn.texts.map((t) => t.text).join(' | ')).toEqual([]);
    expect(drawn.map.y, url).toBeGreaterThanOrEqual(drawn.title!.y + drawn.title!.h);
    expect(drawn.foot.length).toBeGreaterThan(0);
    for (const foot of drawn.foot) expect(drawn.map.y + drawn.map.h, `${url}: ${foot.text}`).toBeLessThanOrEqual(foot.y);
  }
  await page.goto('./?view=map');
  await mapReady(page);
  // Each name is drawn inside its own district.
  const outside = await page.locator('[data-chart="map"]').evaluate((el) => {
    const chart = (window as any).echarts.getInstanceByDom(el);
    const geo = chart.getModel().getComponent('geo').coordinateSystem;
    const names = chart.getOption().series.at(-1).data;
    return names.filter((d: any) => !geo.getRegion(d.name)?.contain(d.value)).map((d: any) => d.name);
  });
  expect(outside).toEqual([]);
});

// Issue 27's names at a phone's width: zooming in (the wheel here, two fingers on a phone) lays
// the names out again at the new scale, so a name that had to give way comes back once there is
// room, and still none covers another. Before, a zoom kept every name its first layout had hidden.
test.describe('at 390 px', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('zooming the map in shows the district names it had to hide, none over another', async ({ page }) => {
    await page.goto('./?view=map');
    await mapReady(page);
    await expect.poll(async () => (await mapTexts(page, 'map')).districtNames.length).toBeGreaterThan(6);
    const before = await mapTexts(page, 'map');
    expect(before.districtNames.length, before.districtNames.join(' | ')).toBeLessThan(16);
    // The wheel over the city centre, where the small districts' names gave way.
    const chart = page.locator('[data-chart="map"]');
    const centre = await chart.evaluate((el) => (window as any).echarts.getInstanceByDom(el).convertToPixel({ geoIndex: 0 }, [116.4, 39.9]));
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + centre[0], box.y + centre[1]);
    for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -300);
    const inBox = (t: { x: number; y: number; w: number; h: number }, b: { w: number; h: number }) => t.x >= 0 && t.y >= 0 && t.x + t.w <= b.w && t.y + t.h <= b.h;
    const shownAfter = async () => {
      const drawn = await mapTexts(page, 'map');
      return drawn.texts.filter((t) => drawn.districtNames.includes(t.text) && inBox(t, drawn.box)).map((t) => t.text);
    };
    await expect.poll(async () => (await shownAfter()).filter((name) => !before.districtNames.includes(name))).not.toEqual([]);
    // No two names (nor a name and a zone's label) cover each other: the labels ECharts lays out.
    const after = await mapTexts(page, 'map');
    const laidOut = new Set((await chartOption(page, 'map')).series.flatMap((s: any) => s.data.map((d: any) => d.label?.formatter ?? d.name)));
    const overlapping = after.overlaps.filter((pair) => pair.split(' / ').every((text) => laidOut.has(text)));
    expect(overlapping, after.texts.map((t) => t.text).join(' | ')).toEqual([]);
  });

  test('a zoomed map keeps its zoom when its width changes (only the credit line is refitted)', async ({ page }) => {
    await page.goto('./?view=map');
    await mapReady(page);
    const chart = page.locator('[data-chart="map"]');
    const state = () => chart.evaluate((el) => {
      const option = (window as any).echarts.getInstanceByDom(el).getOption();
      const credit = option.title.find((t: any) => t.bottom === 0);
      return { zoom: option.geo[0].zoom as number, credit: credit?.textStyle?.width as number };
    });
    const start = await state();
    const box = (await chart.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -300);
    await expect.poll(async () => (await state()).zoom).toBeGreaterThan(start.zoom);
    const zoomed = await state();
    // Narrower: the credit is fitted to the new width, the reader's zoom stays.
    await page.setViewportSize({ width: 340, height: 844 });
    await expect.poll(async () => (await state()).credit).toBeLessThan(zoomed.credit);
    expect((await state()).zoom).toBe(zoomed.zoom);
  });
});
