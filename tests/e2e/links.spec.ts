// Issue 7: every view is a link; bad links get a notice and a valid view; history works.
import type { ElementHandle, Page } from '@playwright/test';
import { test, expect, app, chartOption, seriesNames, query, openSectors, nextFrames } from './fixtures';

/** The bad link was replaced, not followed by a new entry: Back leaves the page at once. */
async function expectNoExtraEntry(page: Page) {
  await page.goBack();
  await expect(page).toHaveURL('about:blank');
}

/** Clicks `box`, then goes Back before the click's history write: the page's frames (the write
 *  waits for one) are held until Back's popstate has arrived, then released. */
async function clickThenBackBeforeWrite(page: Page, box: ElementHandle): Promise<void> {
  await page.evaluate(async (box) => {
    const held: FrameRequestCallback[] = [];
    const frame = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) => { held.push(callback); return 0; };
    try {
      (box as HTMLInputElement).click();
      const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
      history.back();
      await Promise.race([popped, new Promise((_, reject) => setTimeout(() => reject(new Error('no popstate after history.back()')), 5000))]);
    } finally {
      window.requestAnimationFrame = frame;
      for (const callback of held) frame(callback);
    }
  }, box);
}

test('a deep link opens exactly that view: controls and chart', async ({ page }) => {
  await page.goto('./?view=trends&indicator=cluster_scale_threshold&sector=integrated_circuits,artificial_intelligence&time=2020..2023&lang=zh');
  await expect(page.getByRole('link', { name: '趋势' })).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('combobox', { name: '指标' })).toHaveValue('cluster_scale_threshold');
  await openSectors(page);
  await expect(page.getByRole('checkbox', { name: '集成电路' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '人工智能' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: '新材料' })).not.toBeChecked();
  await expect(page.getByRole('slider', { name: '起始年份' })).toHaveValue('2020');
  await expect(page.getByRole('slider', { name: '结束年份' })).toHaveValue('2023');
  await expect.poll(() => seriesNames(page, 'trend')).toEqual(['集成电路', '人工智能']);
  const years = (await chartOption(page, 'trend')).xAxis[0].data;
  expect(years[0] >= '2020' && years[years.length - 1] <= '2023').toBe(true);
  await expect(page).toHaveTitle(/2020–2023 · 北京高精尖产业图集$/);
  expect(query(page)).toBe('view=trends&indicator=cluster_scale_threshold&sector=integrated_circuits,artificial_intelligence&time=2020..2023&lang=zh');
});

test('links are canonical: defaults dropped, keys and sectors reordered, no extra history entry', async ({ page }) => {
  await page.goto('./?lang=en&sector=artificial_intelligence,integrated_circuits&view=sectors&region=beijing');
  await expect(page).toHaveURL(/\?view=sectors&sector=integrated_circuits,artificial_intelligence$/);
  await expectNoExtraEntry(page);
});

test('back and forward restore the exact view after three actions', async ({ page }) => {
  await page.goto('./?view=trends&indicator=cluster_scale_threshold');
  await expect.poll(() => seriesNames(page, 'trend')).toContain('Integrated circuits');
  const states: string[] = [query(page)];
  await openSectors(page);
  await page.getByRole('checkbox', { name: 'Integrated circuits' }).uncheck();
  await expect(page).toHaveURL(/sector=/);
  states.push(query(page));
  await app(page).locator('.regions summary').click();
  await page.getByRole('checkbox', { name: 'Haidian', exact: true }).check();
  await expect(page).toHaveURL(/region=beijing,haidian/);
  states.push(query(page));
  await page.getByRole('link', { name: 'Sectors' }).click();
  await expect(page).toHaveURL(/view=sectors/);
  states.push(query(page));
  for (const expected of [states[2], states[1], states[0]]) {
    await page.goBack();
    await expect.poll(() => query(page)).toBe(expected);
  }
  await openSectors(page);
  await expect(page.getByRole('checkbox', { name: 'Integrated circuits' })).toBeChecked();
  await expect.poll(() => seriesNames(page, 'trend')).toContain('Integrated circuits');
  await page.goForward();
  await expect.poll(() => query(page)).toBe(states[1]);
  await expect.poll(() => seriesNames(page, 'trend')).not.toContain('Integrated circuits');
});

/** Past the moment a control's deferred history write runs (the next frame, then a task), twice over. */
async function afterLateWrite(page: import('@playwright/test').Page) {
  for (let i = 0; i < 2; i++) {
    await nextFrames(page, { andTask: true });
  }
}

// A control's history entry is written a frame after the view changes (ui::view_state): Back or
// a link in that moment must win, not be undone by the late write.
test('Back right after a filter click shows the earlier view and keeps Forward', async ({ page }) => {
  await page.goto('./?view=trends&indicator=cluster_scale_threshold');
  await expect.poll(() => seriesNames(page, 'trend')).toContain('Integrated circuits');
  const first = query(page);
  await openSectors(page);
  await page.getByRole('checkbox', { name: 'Integrated circuits' }).uncheck();
  await expect(page).toHaveURL(/sector=/);
  const second = query(page);
  const ai = await page.getByRole('checkbox', { name: 'Artificial intelligence' }).elementHandle();
  // Back lands before the click's history write, always: the page's frames are held (the write
  // waits for one) until Back's popstate has arrived, then released.
  await clickThenBackBeforeWrite(page, ai);
  await expect.poll(() => query(page)).toBe(first);
  await afterLateWrite(page);
  expect(query(page)).toBe(first);
  await expect(page.getByRole('checkbox', { name: 'Integrated circuits' })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Artificial intelligence' })).toBeChecked();
  await expect.poll(() => seriesNames(page, 'trend')).toEqual(expect.arrayContaining(['Integrated circuits', 'Artificial intelligence']));
  await page.goForward();
  await expect.poll(() => query(page)).toBe(second);
  await expect(page.getByRole('checkbox', { name: 'Integrated circuits' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Artificial intelligence' })).toBeChecked();
  await expect.poll(() => seriesNames(page, 'trend')).not.toContain('Integrated circuits');
  expect(await seriesNames(page, 'trend')).toContain('Artificial intelligence');
});

test('two filter changes in one frame are two history entries, each restored exactly by Back', async ({ page }) => {
  await page.goto('./?view=trends&indicator=cluster_scale_threshold');
  await expect.poll(() => seriesNames(page, 'trend')).toContain('Integrated circuits');
  const first = query(page);
  await openSectors(page);
  const ic = await page.getByRole('checkbox', { name: 'Integrated circuits' }).elementHandle();
  const ai = await page.getByRole('checkbox', { name: 'Artificial intelligence' }).elementHandle();
  await page.evaluate(([a, b]) => { (a as HTMLInputElement).click(); (b as HTMLInputElement).click(); }, [ic, ai]);
  await expect(page).toHaveURL(/sector=/);
  await expect.poll(async () => (await seriesNames(page, 'trend')).includes('Artificial intelligence')).toBe(false);
  const third = query(page);
  await page.goBack();
  await expect.poll(() => query(page)).not.toBe(third);
  expect(query(page)).not.toBe(first);
  await expect(page.getByRole('checkbox', { name: 'Integrated circuits' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Artificial intelligence' })).toBeChecked();
  await expect.poll(() => seriesNames(page, 'trend')).toContain('Artificial intelligence');
  expect(await seriesNames(page, 'trend')).not.toContain('Integrated circuits');
  await page.goBack();
  await expect.poll(() => query(page)).toBe(first);
  await expect(page.getByRole('checkbox', { name: 'Integrated circuits' })).toBeChecked();
  await expect.poll(() => seriesNames(page, 'trend')).toEqual(expect.arrayContaining(['Integrated circuits', 'Artificial intelligence']));
});

// Back or Forward to an entry with the same link as the one on screen moves the router without
// a new query string; the control's late write must still give way.
test('Back right after a filter click, to an entry with the same link, shows that entry', async ({ page }) => {
  await page.goto('./?view=trends&indicator=cluster_scale_threshold');
  await expect.poll(() => seriesNames(page, 'trend')).toContain('Integrated circuits');
  const first = query(page);
  // A second entry with the very same link, as a link to the page itself makes one.
  await page.evaluate(() => history.pushState(history.state, '', location.href));
  await openSectors(page);
  const ic = await page.getByRole('checkbox', { name: 'Integrated circuits' }).elementHandle();
  await clickThenBackBeforeWrite(page, ic);
  await afterLateWrite(page);
  expect(query(page)).toBe(first);
  await expect(page.getByRole('checkbox', { name: 'Integrated circuits' })).toBeChecked();
  await expect.poll(() => seriesNames(page, 'trend')).toContain('Integrated circuits');
});

// In a tab in the background the page draws no frames, so a write waiting for one waited until
// the tab was shown: the map player's years did not reach the link meanwhile.
test('in a background tab the map player still writes its years to the link', async ({ page }) => {
  await page.goto('./?view=map&indicator=gdp');
  await expect.poll(async () => (await chartOption(page, 'map'))?.series?.[0]?.data?.length ?? 0).toBe(16);
  const play = await page.getByRole('button', { name: 'Play the years' }).elementHandle();
  const years = await page.evaluate(async (button) => {
    // As a tab in the background: hidden, its frame callbacks held until it is shown.
    const held: FrameRequestCallback[] = [];
    const frame = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) => { held.push(callback); return 0; };
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    const seen: string[] = [];
    try {
      (button as HTMLButtonElement).click();
      const start = Date.now();
      while (seen.length < 2 && Date.now() - start < 6000) {
        const time = new URLSearchParams(location.search).get('time');
        if (time && !seen.includes(time)) seen.push(time);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    } finally {
      delete (document as any).visibilityState;
      window.requestAnimationFrame = frame;
      for (const callback of held) frame(callback);
    }
    return seen;
  }, play);
  expect(years).toHaveLength(2);
});

// A write made while the tab was shown waits for its frame; the tab goes to the background before
// that frame, and a later write, made there, goes after a task and lands first. When the tab is
// shown again the older write must not take the link (and the view) back to its state.
test('a write still waiting for its frame when the tab went to the background does not undo a later one', async ({ page }) => {
  await page.goto('./?view=trends&indicator=cluster_scale_threshold');
  await expect.poll(() => seriesNames(page, 'trend')).toContain('Integrated circuits');
  const first = query(page);
  await openSectors(page);
  const ic = await page.getByRole('checkbox', { name: 'Integrated circuits' }).elementHandle();
  const ai = await page.getByRole('checkbox', { name: 'Artificial intelligence' }).elementHandle();
  const landed = await page.evaluate(async ([a, b]) => {
    const held: FrameRequestCallback[] = [];
    const frame = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) => { held.push(callback); return 0; };
    try {
      (a as HTMLInputElement).click(); // shown: its write waits for the frame, held
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
      const before = location.search;
      (b as HTMLInputElement).click(); // hidden: its write goes after a task
      const start = Date.now();
      while (location.search === before && Date.now() - start < 5000) await new Promise((resolve) => setTimeout(resolve, 20));
      return location.search.replace(/^\?/, '');
    } finally {
      delete (document as any).visibilityState;
      window.requestAnimationFrame = frame;
      for (const callback of held) frame(callback);
    }
  }, [ic, ai]);
  expect(landed).not.toBe(first);
  await afterLateWrite(page);
  expect(query(page)).toBe(landed);
  await expect(page.getByRole('checkbox', { name: 'Integrated circuits' })).not.toBeChecked();
  await expect(page.getByRole('checkbox', { name: 'Artificial intelligence' })).not.toBeChecked();
  await page.goBack();
  await expect.poll(() => query(page)).toBe(first);
});

test('a tab clicked right after a filter click shows the tab, under the tab\'s link', async ({ page }) => {
  await page.goto('./?view=trends&indicator=cluster_scale_threshold');
  await expect.poll(() => seriesNames(page, 'trend')).toContain('Integrated circuits');
  await openSectors(page);
  const ai = await page.getByRole('checkbox', { name: 'Artificial intelligence' }).elementHandle();
  const tab = await page.getByRole('link', { name: 'Sectors' }).elementHandle();
  const href = await page.evaluate(([box, link]) => {
    (box as HTMLInputElement).click();
    const target = (link as HTMLAnchorElement).href;
    (link as HTMLAnchorElement).click();
    return target;
  }, [ai, tab]);
  await expect(page).toHaveURL(href);
  await afterLateWrite(page);
  await expect(page).toHaveURL(href);
  expect(query(page)).toMatch(/^view=sectors/);
  await expect(page.getByRole('link', { name: 'Sectors' })).toHaveAttribute('aria-current', 'page');
});

test('the title changes with the history entry, not before it: the entry left keeps its own title', async ({ page }) => {
  await page.goto('./?view=trends&sector=integrated_circuits&time=2022');
  const before = 'Integrated circuits · Trends · 2022 · Beijing High-Tech Atlas';
  await expect(page).toHaveTitle(before);
  await openSectors(page);
  const ai = await page.getByRole('checkbox', { name: 'Artificial intelligence' }).elementHandle();
  // In the frame after the click the view has changed but the entry is not yet written.
  const inFrame = await page.evaluate((box) => new Promise<[string, string]>((resolve) => {
    const href = location.href;
    (box as HTMLInputElement).click();
    requestAnimationFrame(() => resolve([document.title, location.href === href ? 'same entry' : 'new entry']));
  }), ai);
  expect(inFrame).toEqual([before, 'same entry']);
  await expect(page).toHaveURL(/artificial_intelligence/);
  await expect(page).toHaveTitle('Trends · 2022 · Beijing High-Tech Atlas'); // two sectors: none named
});

test('the document title names the view in the page language', async ({ page }) => {
  await page.goto('./?view=trends&sector=integrated_circuits&time=2022');
  await expect(page).toHaveTitle('Integrated circuits · Trends · 2022 · Beijing High-Tech Atlas');
  await page.goto('./?view=trends&sector=integrated_circuits&time=2022&lang=zh');
  await expect(page).toHaveTitle('集成电路 · 趋势 · 2022 · 北京高精尖产业图集');
  // Issue 23, C6.3: the map and the table of one place have different titles.
  await page.goto('./?view=map&region=haidian');
  await expect(page).toHaveTitle('Haidian · Map · Beijing High-Tech Atlas');
});

const badLinks: [string, RegExp, string][] = [
  ['view=trends&sector=space_elevators', /Ignored sector “space_elevators”/, 'view=trends'],
  ['view=trends&time=1999', /Ignored time “1999”: outside the years/, 'view=trends'],
  ['view=%%%&&==garbage', /Ignored view “%%%”: there is no such view\. Showing the overview instead\./, ''],
  ['view=table&region=atlantis', /Ignored region “atlantis”/, 'view=table'],
  ['view=map&lang=fr', /Ignored language “fr”/, 'view=map'],
];
for (const [link, message, canonical] of badLinks) {
  test(`a bad link (${link}) shows a notice and a valid view`, async ({ page }) => {
    await page.goto(`./?${link}`);
    await expect(page.getByRole('status').filter({ hasText: message })).toBeVisible();
    await expect.poll(() => query(page)).toBe(canonical);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    await expectNoExtraEntry(page);
  });
}

// Issue 23, C6.3: a view's link keeps only the keys the view reads.
test('a filter the view does not read leaves its link and its title', async ({ page }) => {
  await page.goto('./?view=sources&sector=integrated_circuits&region=haidian&time=2020');
  await expect.poll(() => query(page)).toBe('view=sources');
  await expect(page).toHaveTitle('Sources · Beijing High-Tech Atlas');
  await expect(app(page).locator('.notices li')).toHaveCount(0);
});

// Issue 23, §6 S2: a link of thousands of unknown keys shows five notices and counts the rest.
test('a link of 3,000 unknown keys shows five notices and "and 2,995 more"', async ({ page }) => {
  const keys = Array.from({ length: 3000 }, (_, i) => `k${i}=v`).join('&');
  await page.goto(`./?view=trends&${keys}`);
  const items = app(page).locator('.notices li');
  await expect(items).toHaveCount(6);
  await expect(items.nth(0)).toHaveText('Ignored “k0=v”: it is not part of an Atlas link.');
  await expect(items.nth(5)).toHaveText('… and 2,995 more ignored parts of the link.');
  await expect.poll(() => query(page)).toBe('view=trends');
});

test('markup in a link is shown as text and never runs', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (dialog) => { dialogs += 1; return dialog.dismiss(); });
  await page.goto('./?view=<script>alert(1)</script>&sector=<img src=x onerror=alert(2)>');
  const notice = page.getByRole('status').filter({ hasText: 'Ignored view' });
  await expect(notice).toContainText('<script>alert(1)</script>');
  await expect(app(page).locator('.notices script, .notices img')).toHaveCount(0);
  expect(dialogs).toBe(0);
  await expect(page).toHaveURL(/\/$/);
});

test('a 100 KB parameter is cut short in the notice and the page stays usable', async ({ page }) => {
  await page.goto(`./?view=trends&indicator=${'x'.repeat(100_000)}`);
  const notice = page.getByRole('status').filter({ hasText: 'Ignored indicator' });
  await expect(notice).toBeVisible();
  expect((await notice.innerText()).length).toBeLessThan(400);
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  expect(query(page)).toBe('view=trends');
});

test('embed mode hides the chrome and links to the full view', async ({ page }) => {
  await page.goto('./?view=trends&embed=1');
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Views' })).toHaveCount(0);
  const full = page.getByRole('link', { name: /Open the full view/ });
  await expect(full).toHaveAttribute('href', /\?view=trends$/);
});

test('share gives a copyable link and an embed snippet', async ({ page, context, baseURL }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?view=map&time=2022');
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(app(page).getByText('Link copied')).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(new URL('./?view=map&time=2022', baseURL).href);
  await expect(page.getByRole('textbox', { name: 'Embed code' })).toHaveValue(new RegExp(`<iframe src="${baseURL!.replace(/[.\/]/g, '\\$&')}\\?view=map&amp;time=2022&amp;embed=1"`));
});
