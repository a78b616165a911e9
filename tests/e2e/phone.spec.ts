// Issue 22: a shared link opened on a phone shows its chart first. Runs in the `phone` (390 × 844)
// and `phone-360` (360 × 740) projects only (playwright.config.ts), with touch on.
import { test, expect, app, chartOption, query, wcagViolations, mapTexts } from './fixtures';
import type { Page } from '@playwright/test';

/** The chart views a link can open on, each with the chart whose top must be in the first screen. */
const chartViews = [
  { link: 'view=trends', chart: 'trend' },
  { link: 'view=sectors', chart: 'sectors' },
  { link: 'view=map', chart: 'map' },
  { link: 'view=tour', chart: 'trend' },
  { link: 'view=tour&step=4', chart: 'map' },
  { link: 'view=profile&region=haidian', chart: 'profile-gdp' },
  { link: 'view=profile&sector=integrated_circuits', chart: null },
];

async function drawn(page: Page, chart: string) {
  await expect.poll(async () => (await chartOption(page, chart))?.series?.length ?? 0).toBeGreaterThan(0);
}

/** The top of an element, in CSS px from the top of the page. */
function pageTop(page: Page, selector: string): Promise<number> {
  return app(page).locator(selector).first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
}

/** No part of the page is wider than the screen. */
async function noSidewaysScroll(page: Page, label: string) {
  const [scroll, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scroll, `${label}: the page scrolls sideways`).toBeLessThanOrEqual(width);
}

for (const { link, chart } of chartViews) {
  test(`a link to ${link} shows the top of its chart within the first 55% of the screen`, async ({ page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`./?${link}`);
    // A profile's first chart is the first of its small charts, whatever its measure.
    const selector = chart === null || chart.startsWith('profile-') ? '.profile-charts [data-chart]' : `[data-chart="${chart}"]`;
    await expect(app(page).locator(selector).first()).toBeVisible();
    const name = await app(page).locator(selector).first().getAttribute('data-chart');
    await drawn(page, name!);
    const top = await pageTop(page, selector);
    const screen = page.viewportSize()!.height;
    console.log(`chart top ${link} @${page.viewportSize()!.width}x${screen}: ${Math.round(top)} px`);
    expect(top).toBeLessThan(screen * 0.55);
    await noSidewaysScroll(page, link);
  });
}

test('the overview shows its first card in the first screen, and no view scrolls sideways', async ({ page }) => {
  // Eight page loads: 12–14 s with 2 workers here (2026-12-03), too near 30 s on a slower CI machine.
  test.slow();
  await page.goto('./');
  const value = app(page).locator('.card .card-value').first();
  await expect(value).toBeVisible();
  const bottom = await value.evaluate((el) => el.getBoundingClientRect().bottom + window.scrollY);
  console.log(`first card value bottom @${page.viewportSize()!.width}: ${Math.round(bottom)} px`);
  expect(bottom).toBeLessThan(page.viewportSize()!.height);
  for (const view of ['overview', 'tour', 'trends', 'sectors', 'map', 'table', 'sources']) {
    await page.goto(`./?view=${view}&lang=zh`);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeAttached();
    await noSidewaysScroll(page, view);
  }
});

test('the header is two rows: the title on one line, then search, language, theme and share', async ({ page }) => {
  await page.goto('./?view=trends');
  const h1 = page.getByRole('heading', { level: 1 });
  const lineHeight = await h1.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight));
  expect((await h1.boundingBox())!.height).toBeLessThanOrEqual(lineHeight + 1);
  await expect(app(page).locator('.tagline')).toBeHidden();
  const tops = await Promise.all(['.search-toggle', '.segmented', '.header-controls > .icon-button:not(.search-toggle)', '.share > button']
    .map(async (s) => Math.round((await app(page).locator(s).first().boundingBox())!.y)));
  expect(new Set(tops).size, `one row: ${tops}`).toBe(1);
  // The lede is the overview's only.
  await page.goto('./');
  await expect(app(page).locator('.tagline')).toBeVisible();
});

test('the view tabs are one row that scrolls, with the current tab in view', async ({ page }) => {
  for (const view of ['sources', 'map', 'overview']) {
    await page.goto(`./?view=${view}`);
    const tabs = page.getByRole('navigation', { name: 'Views' });
    // The row is scrolled to the current tab a frame after the app mounts: polled.
    await expect.poll(async () => {
      const row = (await tabs.boundingBox())!;
      const current = (await tabs.locator('[aria-current="page"]').boundingBox())!;
      return current.x >= row.x - 1 && current.x + current.width <= row.x + row.width + 1;
    }, { message: `${view}: the current tab is in the row's view` }).toBe(true);
    const tops = await tabs.locator('a').evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
  }
});

test('after a language switch the current tab is still scrolled into view', async ({ page }) => {
  await page.goto('./?view=sources');
  // By class: its name changes with the language.
  const tabs = app(page).locator('nav.tabs');
  const inView = async () => {
    const row = (await tabs.boundingBox())!;
    const current = (await tabs.locator('[aria-current="page"]').boundingBox())!;
    return current.x >= row.x - 1 && current.x + current.width <= row.x + row.width + 1;
  };
  await expect.poll(inView).toBe(true);
  // The reader scrolls the row back to its start: the last tab leaves the screen.
  await tabs.evaluate((row) => { row.scrollLeft = 0; });
  expect(await inView()).toBe(false);
  await page.getByRole('button', { name: '中文' }).tap();
  await expect(page.locator('html')).toHaveAttribute('lang', /^zh/);
  await expect.poll(inView).toBe(true);
});

test('the filters are one summary row; the sheet is a modal dialog that keeps focus and writes the link', async ({ page }) => {
  await page.goto('./?view=trends&indicator=cluster_scale_threshold');
  await drawn(page, 'trend');
  await expect(app(page).locator('.filter-summary-text')).toHaveText(/^10 sectors · \d{4}–\d{4} · Beijing · /);
  // Built (after the first paint) but out of sight in the closed sheet.
  await expect(app(page).locator('input[name=sector]')).not.toHaveCount(0);
  await expect(app(page).locator('input[name=sector]').first()).toBeHidden();
  const open = page.getByRole('button', { name: 'Filters' });
  await open.tap();
  const sheet = page.getByRole('dialog', { name: 'Filters' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toHaveAttribute('aria-modal', 'true');
  await expect(sheet.getByRole('button', { name: 'Close' })).toBeFocused();
  // Tab and Shift+Tab never leave the sheet.
  for (const key of [...Array(40).fill('Tab'), ...Array(5).fill('Shift+Tab')]) {
    await page.keyboard.press(key);
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role=dialog]')), `focus left the sheet after ${key}`).toBe(true);
  }
  // A change applies at once and is written to the link.
  await sheet.getByRole('checkbox', { name: 'Integrated circuits' }).tap();
  await expect(page).toHaveURL(/sector=/);
  expect(query(page)).not.toContain('integrated_circuits');
  await expect.poll(async () => (await chartOption(page, 'trend')).series.map((s: any) => s.name)).not.toContain('Integrated circuits');
  // "Only": one tap isolates a sector.
  await sheet.getByRole('button', { name: 'Only Medicine and health' }).tap();
  await expect(page).toHaveURL(/sector=medicine_health(&|$)/);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(open).toBeFocused();
  await expect(app(page).locator('.filter-summary-text')).toHaveText(/^Medicine and health · /);
  // The close button returns focus too, and so does a tap on the backdrop (the screen's top
  // eighth, above the sheet).
  await open.tap();
  await sheet.getByRole('button', { name: 'Close' }).tap();
  await expect(sheet).toBeHidden();
  await expect(open).toBeFocused();
  await open.tap();
  await expect(sheet).toBeVisible();
  await page.touchscreen.tap(page.viewportSize()!.width / 2, 20);
  await expect(sheet).toBeHidden();
  await expect(open).toBeFocused();
});

test('the sheet closes when the view changes: a profile link out of it, then Back, shows no dialog', async ({ page }) => {
  await page.goto('./?view=trends&indicator=cluster_scale_threshold');
  await drawn(page, 'trend');
  await page.getByRole('button', { name: 'Filters' }).tap();
  const sheet = page.getByRole('dialog', { name: 'Filters' });
  await expect(sheet).toBeVisible();
  await sheet.locator('.profile-link').first().tap();
  await expect(page).toHaveURL(/view=profile/);
  await page.goBack();
  await expect(page).toHaveURL(/view=trends/);
  await drawn(page, 'trend');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Filters' })).toHaveAttribute('aria-expanded', 'false');
  // Escape is the page's again: the sheet's listener no longer takes it.
  expect(await page.evaluate(() => {
    const ev = new KeyboardEvent('keydown', { key: 'Escape', cancelable: true });
    window.dispatchEvent(ev);
    return ev.defaultPrevented;
  })).toBe(false);
});

test('the summary is in the page\'s language and the map has one year control', async ({ page }) => {
  await page.goto('./?view=trends&lang=zh&indicator=cluster_scale_threshold');
  await expect(app(page).locator('.filter-summary-text')).toHaveText(/^10个产业 · \d{4}–\d{4} · 北京市 · /);
  await page.goto('./?view=map');
  await drawn(page, 'map');
  await page.getByRole('button', { name: 'Filters' }).tap();
  await expect(app(page).locator('input[name=from-year]')).toHaveCount(0);
  await expect(app(page).locator('input[name=map-year]')).toHaveCount(1);
});

test('every control is at least 24 × 24 px and the primary buttons 44 px high', async ({ page }) => {
  const small = async (label: string) => page.evaluate((label) => {
    const controls = [...document.querySelectorAll('button, select, summary, input:not([type=checkbox]):not([type=radio]), .tabs a, .profile-links a, .profile-link, label:has(> input[type=checkbox]), label:has(> input[type=radio])')];
    return controls
      .filter((el) => !el.closest('[hidden], .visually-hidden, .skip-link') && el.getClientRects().length > 0)
      .map((el) => ({ el, box: el.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 24 || box.height < 24))
      .map(({ el, box }) => `${label}: ${el.outerHTML.slice(0, 80)} ${Math.round(box.width)}×${Math.round(box.height)}`);
  }, label);
  for (const link of ['view=trends', 'view=map', 'view=tour&step=2', 'view=profile&region=haidian']) {
    await page.goto(`./?${link}`);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    expect(await small(link)).toEqual([]);
  }
  await page.goto('./?view=trends');
  for (const name of ['Filters', 'Search', 'Share']) {
    expect((await page.getByRole('button', { name, exact: true }).boundingBox())!.height, name).toBeGreaterThanOrEqual(44);
  }
  await page.getByRole('button', { name: 'Filters' }).tap();
  expect(await small('the filter sheet')).toEqual([]);
  expect((await page.getByRole('button', { name: 'Show the chart' }).boundingBox())!.height).toBeGreaterThanOrEqual(44);
});

/** The pixel of the first drawn point of a line chart, on the page. */
async function firstPoint(page: Page, chart: string): Promise<{ x: number; y: number }> {
  return page.locator(`[data-chart="${chart}"]`).evaluate((el) => {
    const instance = (window as any).echarts.getInstanceByDom(el);
    const series = instance.getOption().series;
    for (let s = 0; s < series.length; s++) {
      const data = series[s].data ?? [];
      for (let i = 0; i < data.length; i++) {
        const value = data[i] && typeof data[i] === 'object' ? data[i].value : data[i];
        if (value === null || value === undefined || !data[i]?.obs) continue;
        const [x, y] = instance.convertToPixel({ seriesIndex: s }, [i, Array.isArray(value) ? value[1] : value]);
        const box = el.getBoundingClientRect();
        return { x: box.left + x, y: box.top + y };
      }
    }
    throw new Error('no point drawn');
  });
}

test('a tap shows a point\'s tooltip, a tap elsewhere hides it, a second tap opens its source', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('./?view=trends&indicator=gdp');
  await drawn(page, 'trend');
  const tip = page.locator('[data-chart="trend"] .tip');
  const point = await firstPoint(page, 'trend');
  await page.touchscreen.tap(point.x, point.y);
  await expect(tip).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('heading', { level: 2 }).tap();
  await expect(tip).toBeHidden();
  // Tap to show, tap again to open its source: the tooltip is not left over the panel.
  await page.touchscreen.tap(point.x, point.y);
  await expect(tip).toBeVisible();
  await page.touchscreen.tap(point.x, point.y);
  await expect(page.getByRole('dialog', { name: 'Source' })).toBeVisible();
  await expect(tip).toBeHidden();
});

test('one finger scrolls the page past the map; two fingers zoom it', async ({ page }) => {
  await page.goto('./?view=map');
  await drawn(page, 'map');
  // Every touchmove the page sees, to ask afterwards whether any was cancelled (a trapped scroll).
  await page.evaluate(() => {
    (window as any).moves = [];
    window.addEventListener('touchmove', (event) => (window as any).moves.push(event), { capture: true });
  });
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: string, points: { x: number; y: number }[]) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ ...p, id })) });
  const box = async () => (await page.locator('[data-chart="map"]').boundingBox())!;
  const swipeUp = async () => {
    const map = await box();
    const [x, y] = [map.x + map.width / 2, map.y + map.height * 0.7];
    await touch('touchStart', [{ x, y }]);
    for (let i = 1; i <= 20; i++) { await touch('touchMove', [{ x, y: y - 12 * i }]); await page.waitForTimeout(16); }
    await touch('touchEnd', []);
  };
  await page.waitForTimeout(500);
  await swipeUp();
  await swipeUp();
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
  expect(await page.evaluate(() => (window as any).moves.length)).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as any).moves.filter((e: TouchEvent) => e.defaultPrevented).length), 'a one-finger move was cancelled').toBe(0);
  // Two fingers moving apart zoom the map in, once the page has stopped scrolling (a touch that
  // starts during a fling cannot be cancelled).
  let last = -1;
  await expect.poll(async () => { const now = await page.evaluate(() => window.scrollY); const still = now === last; last = now; return still; }, { intervals: [300] }).toBe(true);
  await page.evaluate(() => document.querySelector('[data-chart="map"]')!.scrollIntoView({ block: 'center' }));
  await page.waitForTimeout(300);
  const map = await box();
  const [cx, cy] = [map.x + map.width / 2, map.y + map.height / 2];
  await touch('touchStart', [{ x: cx - 20, y: cy }, { x: cx + 20, y: cy }]);
  for (let i = 1; i <= 10; i++) { await touch('touchMove', [{ x: cx - 20 - 8 * i, y: cy }, { x: cx + 20 + 8 * i, y: cy }]); await page.waitForTimeout(16); }
  await touch('touchEnd', []);
  await expect.poll(async () => (await chartOption(page, 'map')).geo[0].zoom ?? 1).toBeGreaterThan(1);
});

test('Search is a button that opens the combobox, with the same keys', async ({ page }) => {
  await page.goto('./?view=trends');
  const input = page.getByRole('combobox');
  await expect(input).toBeHidden();
  const button = page.getByRole('button', { name: 'Search', exact: true });
  await button.tap();
  await expect(input).toBeFocused();
  // The placeholder fits its box.
  expect(await input.evaluate((el: HTMLInputElement) => {
    const probe = document.createElement('span');
    probe.style.font = getComputedStyle(el).font;
    probe.style.position = 'absolute';
    probe.textContent = el.placeholder;
    document.body.append(probe);
    const fits = probe.getBoundingClientRect().width <= el.clientWidth - 8;
    probe.remove();
    return fits;
  })).toBe(true);
  await page.keyboard.press('Escape');
  await expect(input).toBeHidden();
  await expect(button).toBeFocused();
  await button.tap();
  await input.fill('haidian');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/view=profile&region=haidian/);
});

test('Share opens the system sheet with the view\'s title and canonical link where the browser has one', async ({ page }) => {
  await page.addInitScript(() => {
    (navigator as any).share = async (data: ShareData) => { (window as any).shared = data; };
  });
  await page.goto('./?lang=zh&sector=integrated_circuits&view=trends&embed=0');
  await page.getByRole('button', { name: '分享' }).tap();
  await expect.poll(() => page.evaluate(() => (window as any).shared ?? null)).not.toBeNull();
  const shared = await page.evaluate(() => (window as any).shared);
  expect(shared.url).toBe(new URL('./?view=trends&sector=integrated_circuits&lang=zh', page.url()).href);
  expect(shared.title).toBe(await page.title());
  await expect(page.locator('#share-panel')).toBeHidden();
});

test('a share the reader cancels (AbortError) shows nothing more: no panel, no message', async ({ page }) => {
  await page.addInitScript(() => {
    (navigator as any).share = async () => { (window as any).asked = true; throw new DOMException('', 'AbortError'); };
  });
  await page.goto('./?view=trends');
  await page.getByRole('button', { name: 'Share' }).tap();
  await expect.poll(() => page.evaluate(() => (window as any).asked ?? false)).toBe(true);
  await page.waitForTimeout(300);
  await expect(page.locator('#share-panel')).toBeHidden();
  await expect(app(page).getByText('Sharing was cancelled or refused')).toHaveCount(0);
});

test('a share the browser refuses (NotAllowedError) shows the panel with the link and says why', async ({ page }) => {
  await page.addInitScript(() => {
    (navigator as any).share = async () => { throw new DOMException('', 'NotAllowedError'); };
  });
  await page.goto('./?view=trends');
  await page.getByRole('button', { name: 'Share' }).tap();
  const panel = page.locator('#share-panel');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('status')).toHaveText('Sharing was cancelled or refused; the link is below.');
  await expect(panel.locator('#share-link')).toHaveValue(/view=trends/);
});

test('without the system sheet, Share\'s panel fits the screen and closes on Escape and outside', async ({ page }) => {
  await page.addInitScript(() => { delete (Navigator.prototype as any).share; });
  await page.goto('./?view=trends');
  const share = page.getByRole('button', { name: 'Share' });
  await share.tap();
  const panel = page.locator('#share-panel');
  await expect(panel).toBeVisible();
  const box = (await panel.boundingBox())!;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();
  await expect(share).toBeFocused();
  await share.tap();
  await expect(panel).toBeVisible();
  const screen = page.viewportSize()!;
  await page.touchscreen.tap(screen.width / 2, screen.height - 20);
  await expect(panel).toBeHidden();
});

test('the skip link moves focus to the content', async ({ page }) => {
  await page.goto('./?view=trends');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await skip.focus();
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(app(page).locator('main')).toBeFocused();
  expect(query(page)).toBe('view=trends');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`the open filter sheet has no accessibility violations (${scheme})`, async ({ page }) => {
    // A chart drawn, the sheet opened and scanned by axe: up to 15.3 s of 30 in a CI run here (2026-12-03).
    test.slow();
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto('./?view=trends');
    await drawn(page, 'trend');
    expect(await wcagViolations(page, `trends, ${scheme}`)).toEqual([]);
    await page.getByRole('button', { name: 'Filters' }).tap();
    await expect(page.getByRole('dialog', { name: 'Filters' })).toBeVisible();
    expect(await wcagViolations(page, `the filter sheet, ${scheme}`)).toEqual([]);
  });
}

// Issue 27: on a phone the small central districts' names gave way to nothing and piled up
// (Dongcheng, Xicheng, Chaoyang, Fengtai, Shijingshan, Haidian on one spot; "Huairou Science City"
// over Miyun). Now no two texts the map draws overlap, and it keeps clear of its title and scale.
for (const [label, url, name] of [
  ['the map', './?view=map', 'map'],
  ['the map, in Chinese', './?view=map&lang=zh', 'map'],
  ['a district\'s small map', './?view=profile&region=haidian', 'profile-map'],
  ['a sector\'s small map, in Chinese', './?view=profile&sector=integrated_circuits&lang=zh', 'profile-map'],
] as const) {
  test(`${label}: no two names overlap, and the map clears its title and scale`, async ({ page }) => {
    await page.goto(url);
    const chart = page.locator(`[data-chart="${name}"]`);
    await expect.poll(() => chart.evaluate((el) => (window as any).echarts?.getInstanceByDom(el)?.getOption()?.geo?.length ?? 0)).toBe(1);
    await expect.poll(async () => (await mapTexts(page, name)).districtNames.length).toBeGreaterThan(6);
    const drawn = await mapTexts(page, name);
    expect(drawn.box.w).toBeLessThanOrEqual(390);
    expect(drawn.overlaps, `${drawn.texts.map((t) => t.text).join(' | ')}`).toEqual([]);
    // Thinned out, not emptied; on the map of GDP the largest district keeps its name, and on a
    // district's profile that district does.
    expect(drawn.districtNames.length).toBeLessThan(16);
    for (const outer of url.includes('lang=zh') ? ['延庆区', '房山区'] : ['Yanqing', 'Fangshan']) {
      expect(drawn.districtNames).toContain(outer);
    }
    if (name === 'map' || url.includes('region=haidian')) expect(drawn.districtNames).toContain(url.includes('lang=zh') ? '海淀区' : 'Haidian');
    expect(drawn.title).toBeTruthy();
    expect(drawn.map.y).toBeGreaterThanOrEqual(drawn.title!.y + drawn.title!.h);
    expect(drawn.foot.length).toBeGreaterThan(0);
    for (const foot of drawn.foot) expect(drawn.map.y + drawn.map.h, foot.text).toBeLessThanOrEqual(foot.y);
    expect(drawn.map.x).toBeGreaterThanOrEqual(0);
    expect(drawn.map.x + drawn.map.w).toBeLessThanOrEqual(drawn.box.w);
  });
}
