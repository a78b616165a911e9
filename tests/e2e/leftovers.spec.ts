// Issue 23, what its review-page reviewer found left on main: a dismissal, the tour's ends, the
// source panel's Escape, navigation and opener, a chart error that clears, the texts refusing to
// decode, and Escape inside the places panel of an embedded view. Each failed on main before its
// fix (see the commit that adds it).
import type { Page } from '@playwright/test';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { test, expect, app, chartOption, expectCaused, wrapEcharts, nextFrames } from './fixtures';

const tab = (page: Page, name: string) => page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name, exact: true });
const noticeRegion = (page: Page) => app(page).locator('div.notices');
const panel = (page: Page) => page.getByRole('dialog', { name: 'Source of this figure' });

/** The dataset's bytes build.rs compiled into the wasm (one per build directory of the crate). */
function bundledDatasets(builds: string): Buffer[] {
  return readdirSync(builds).filter((dir) => dir.startsWith('atlas-'))
    .map((dir) => `${builds}/${dir}/out/dataset.postcard`).filter((file) => existsSync(file)).map((file) => readFileSync(file));
}

test('a dismissed notice stays dismissed while the same notices stand: another district on the map does not bring it back', async ({ page }) => {
  await page.goto('./?view=map&indicator=rd_intensity');
  await expect(noticeRegion(page)).toContainText('No district figures for indicator “rd_intensity”');
  await noticeRegion(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(noticeRegion(page)).toBeEmpty();
  // A new link of the same map, with the same notice behind it.
  await page.getByRole('navigation', { name: 'Districts of Beijing' }).getByRole('button', { name: 'Haidian', exact: true }).click();
  await expect(page).toHaveURL(/view=map&indicator=rd_intensity&region=haidian/);
  await expect(app(page).locator('.zone-card')).toContainText('Haidian');
  await expect(noticeRegion(page)).toBeEmpty();
});

test('a dismissed notice shows again once it went (another view) and came back', async ({ page }) => {
  await page.goto('./?view=map&indicator=rd_intensity');
  await expect(noticeRegion(page)).toContainText('No district figures for indicator “rd_intensity”');
  await noticeRegion(page).getByRole('button', { name: 'Dismiss' }).click();
  await expect(noticeRegion(page)).toBeEmpty();
  // Away to Trends, where the notice goes; back to the same map, where it stands again.
  await tab(page, 'Trends').click();
  await expect(page.locator('#view-title')).toHaveText('Trends');
  await expect(noticeRegion(page)).toBeEmpty();
  await page.goBack();
  await expect(page).toHaveURL(/view=map&indicator=rd_intensity/);
  await expect(noticeRegion(page)).toContainText('No district figures for indicator “rd_intensity”');
});

test('at the tour\'s ends the keyboard keeps its place: the other end\'s control takes the focus', async ({ page }) => {
  await page.goto('./?view=tour&step=2');
  const nav = app(page).locator('.tour-nav');
  await nav.getByRole('link', { name: '← Previous' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/view=tour$/);
  await expect(nav.getByRole('button', { name: '← Previous' })).toBeDisabled();
  await expect(nav.getByRole('link', { name: 'Next →' })).toBeFocused();
  // Enter goes on from there.
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/step=2$/);
  const last = await page.getByRole('navigation', { name: 'Tour steps' }).getByRole('link').count();
  await page.goto(`./?view=tour&step=${last - 1}`);
  await nav.getByRole('link', { name: 'Next →' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`step=${last}$`));
  await expect(nav.getByRole('button', { name: 'Next →' })).toBeDisabled();
  await expect(nav.getByRole('link', { name: '← Previous' })).toBeFocused();
  // The → key at an end, with the focus on the link, does the same.
  await page.goto(`./?view=tour&step=${last - 1}`);
  await nav.getByRole('link', { name: 'Next →' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(new RegExp(`step=${last}$`));
  await expect(nav.getByRole('link', { name: '← Previous' })).toBeFocused();
  // A click with the mouse on the link that goes does the same, at either end.
  await nav.getByRole('link', { name: '← Previous' }).click();
  await expect(page).toHaveURL(new RegExp(`step=${last - 1}$`));
  await nav.getByRole('link', { name: 'Next →' }).click();
  await expect(page).toHaveURL(new RegExp(`step=${last}$`));
  await expect(nav.getByRole('button', { name: 'Next →' })).toBeDisabled();
  await expect(nav.getByRole('link', { name: '← Previous' })).toBeFocused();
  await page.goto('./?view=tour&step=2');
  await nav.getByRole('link', { name: '← Previous' }).click();
  await expect(page).toHaveURL(/view=tour$/);
  await expect(nav.getByRole('link', { name: 'Next →' })).toBeFocused();
});

test('← and → with the focus on another control of the tour leave the focus there, even at an end', async ({ page }) => {
  await page.goto('./?view=tour&step=2');
  const explore = app(page).locator('.tour-nav').getByRole('button', { name: 'Explore from here' });
  await explore.focus();
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/view=tour$/);
  await expect(app(page).locator('.tour-nav').getByRole('button', { name: '← Previous' })).toBeDisabled();
  // Past the next paint, when a lost focus would have been moved.
  await nextFrames(page);
  await expect(explore).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/step=2$/);
  await nextFrames(page);
  await expect(explore).toBeFocused();
});

test('Back to the tour\'s first step with nothing focused leaves nothing focused', async ({ page }) => {
  await page.goto('./?view=tour');
  const nav = app(page).locator('.tour-nav');
  await expect(nav.getByRole('button', { name: '← Previous' })).toBeDisabled();
  // → with nothing focused, then Back: the link the first step swaps away never had the focus.
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/step=2$/);
  await page.goBack();
  await expect(page).toHaveURL(/view=tour$/);
  await expect(nav.getByRole('button', { name: '← Previous' })).toBeDisabled();
  // No event says that the focus was not moved; this waits past the moment it would have been:
  // the tour checks a frame and then a task after the step changed (bridge::after_next_paint,
  // asked for when the step changed, so before this wait's), and this waits two frames and then
  // a task. The tests above see the focus moved at that moment when it went with the link.
  await nextFrames(page, { andTask: true });
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
  // Nor when Previous had the focus and let it go (as a click on nothing does) before ← swapped it.
  await page.goto('./?view=tour&step=2');
  await nav.getByRole('link', { name: '← Previous' }).focus();
  await page.evaluate(() => (document.activeElement as HTMLElement).blur());
  await page.keyboard.press('ArrowLeft');
  await expect(page).toHaveURL(/view=tour$/);
  await expect(nav.getByRole('button', { name: '← Previous' })).toBeDisabled();
  // Past the moment the focus would have been moved, as above.
  await nextFrames(page, { andTask: true });
  expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BODY');
});

test('an Escape the search box handled (closing its list) leaves the source panel open', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: /Source of R&D expenditure/ }).click();
  await expect(panel(page)).toBeVisible();
  const search = page.getByRole('combobox', { name: /Search/ });
  await search.fill('haidian');
  await expect(page.getByRole('listbox')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('listbox')).toBeHidden();
  await expect(search).toHaveValue('haidian');
  await expect(panel(page)).toBeVisible();
  // An Escape nothing else takes closes it.
  await page.getByRole('heading', { level: 1 }).click();
  await page.keyboard.press('Escape');
  await expect(panel(page)).toHaveCount(0);
});

test('the source panel belongs to the page it was opened on: a tab, then Back, close it', async ({ page }) => {
  await page.goto('./');
  const opener = page.getByRole('button', { name: /Source of R&D expenditure/ });
  await opener.click();
  await expect(panel(page)).toBeVisible();
  await tab(page, 'Trends').click();
  await expect(page.locator('#view-title')).toHaveText('Trends');
  await expect(panel(page)).toHaveCount(0);
  await page.goBack();
  await expect(page.locator('#view-title')).toHaveText('Overview');
  await expect(panel(page)).toHaveCount(0);
  // Forward again, with a panel opened on the overview: it closes too.
  await opener.click();
  await expect(panel(page)).toBeVisible();
  await page.goForward();
  await expect(page.locator('#view-title')).toHaveText('Trends');
  await expect(panel(page)).toHaveCount(0);
});

test('switching from one source to another while the panel is open: closing gives focus to the latest opener', async ({ page }) => {
  await page.goto('./');
  const sources = app(page).locator('.card .source-button');
  const [first, second] = [sources.nth(0), sources.nth(1)];
  await first.click();
  await expect(panel(page)).toBeVisible();
  const firstFigure = await panel(page).locator('.source-figure').innerText();
  await second.click();
  await expect(panel(page).locator('.source-figure')).not.toHaveText(firstFigure);
  await page.keyboard.press('Escape');
  await expect(panel(page)).toHaveCount(0);
  await expect(second).toBeFocused();
});

test('switching to another source from inside the panel keeps the first opener: Escape gives it the focus', async ({ page }) => {
  await page.goto('./');
  const sources = app(page).locator('.card .source-button');
  const others = panel(page).locator('.sources-agree button, .conflict button, .sources-floors button');
  // The first card whose figure has another source in its panel (counted once the app's cards are
  // there: a count does not wait).
  await expect(sources.first()).toBeVisible();
  let opener = sources.first();
  for (let i = 0; i < await sources.count(); i++) {
    opener = sources.nth(i);
    await opener.click();
    await expect(panel(page)).toBeVisible();
    if (await others.count() > 0) break;
    await page.keyboard.press('Escape');
    await expect(panel(page)).toHaveCount(0);
  }
  expect(await others.count(), 'a card whose figure has another source').toBeGreaterThan(0);
  const firstSource = await panel(page).locator('.source-meta').innerText();
  await others.first().click();
  await expect(panel(page).locator('.source-meta')).not.toHaveText(firstSource);
  await page.keyboard.press('Escape');
  await expect(panel(page)).toHaveCount(0);
  await expect(opener).toBeFocused();
});

test('a chart whose drawing failed clears its error when it redraws', async ({ page }) => {
  // ECharts' namespace as the page gets it, with an instance whose first setOption throws.
  await wrapEcharts(page, (real) => {
    let failures = 1;
    const init = (...args: any[]) => {
      const chart = real.init(...args);
      const setOption = chart.setOption.bind(chart);
      chart.setOption = (...options: any[]) => {
        if (failures > 0) { failures -= 1; throw new Error('injected setOption failure'); }
        return setOption(...options);
      };
      return chart;
    };
    return new Proxy(real, { get: (target, key) => (key === 'init' ? init : target[key]) });
  });
  await page.goto('./?view=trends&indicator=gdp');
  const error = app(page).locator('figure').getByRole('status');
  await expect(error).toHaveText('Chart unavailable');
  await expect(error).toHaveAttribute('data-error', 'injected setOption failure');
  // The next drawing of the same chart (the index of the same line) works: the error goes.
  await page.getByRole('radio', { name: /Indexed growth/ }).check();
  await expect(page).toHaveURL(/scale=index/);
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBe(1);
  await expect(error).toHaveCount(0);
});

test('a chart that could not be drawn says so in its name too, and offers no blank or stale file', async ({ page }) => {
  // ECharts' namespace as the page gets it, with instances whose drawing of figures throws
  // while window.failDrawing is set (clearing, an option without series, still works).
  await wrapEcharts(page, (real) => {
    const init = (...args: any[]) => {
      const chart = real.init(...args);
      const setOption = chart.setOption.bind(chart);
      chart.setOption = (...options: any[]) => {
        const figures = (options[0]?.series ?? []).length > 0;
        if ((window as any).failDrawing && figures) throw new Error('injected setOption failure');
        return setOption(...options);
      };
      return chart;
    };
    return new Proxy(real, { get: (target, key) => (key === 'init' ? init : target[key]) });
  });
  await page.goto('./?view=trends&indicator=gdp');
  const chart = page.locator('[data-chart="trend"]');
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBe(1);
  // ECharts names the drawn chart by what it draws.
  await expect(chart).toHaveAttribute('aria-label', /Gross domestic product/);
  const png = page.getByRole('button', { name: 'Download this chart as PNG' });
  const csv = page.getByRole('button', { name: 'Download the figures this chart draws (CSV)' });
  await expect(png).toBeEnabled();
  await expect(csv).toBeEnabled();
  // The next drawing fails: the notice, and the chart's name says the same; the old drawing goes.
  await page.evaluate(() => { (window as any).failDrawing = true; });
  await page.getByRole('radio', { name: /Indexed growth/ }).check();
  await expect(app(page).locator('figure').getByRole('status')).toHaveText('Chart unavailable');
  await expect(chart).toHaveAccessibleName('Chart unavailable');
  expect((await chartOption(page, 'trend'))?.series ?? []).toEqual([]);
  // Its downloads are off, and say why; a click saves nothing: every file is offered through a
  // link with `download` that is clicked (bridge::download_url), and none is.
  await page.evaluate(() => {
    (window as any).offered = 0;
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      if (this.hasAttribute('download')) (window as any).offered += 1;
      return click.call(this);
    };
  });
  for (const button of [png, csv]) {
    await expect(button).toBeDisabled();
    await expect(button).toHaveAccessibleDescription('Chart unavailable');
    await button.click({ force: true });
  }
  expect(await page.evaluate(() => (window as any).offered)).toBe(0);
  // In Chinese, in Chinese.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(chart).toHaveAccessibleName('图表无法显示');
  await expect(page.getByRole('button', { name: '下载图表（PNG）' })).toBeDisabled();
  // A drawing that works brings back its description and its downloads.
  await page.evaluate(() => { (window as any).failDrawing = false; });
  await page.getByRole('button', { name: 'EN' }).click();
  await expect(app(page).locator('figure').getByRole('status')).toHaveCount(0);
  await expect(chart).toHaveAttribute('aria-label', /Gross domestic product/);
  await expect(png).toBeEnabled();
  await expect(csv).toBeEnabled();
  // The count above counts: a click now offers the file.
  const download = page.waitForEvent('download');
  await png.click();
  await download;
  expect(await page.evaluate(() => (window as any).offered)).toBe(1);
});

test.describe('without a service worker (so the route sees the texts\' fetch)', () => {
  test.use({ serviceWorkers: 'block' });

  test('texts that refuse to decode (another build\'s bytes) say so beside the figure, and Try again recovers', async ({ page }) => {
    let garbage = true;
    await page.route(/texts-[0-9a-f]{16}\.bin$/, (route) => (garbage
      ? route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from('not the texts of this build') })
      : route.continue()));
    await page.goto('./');
    await page.getByRole('button', { name: /Source of R&D expenditure/ }).click();
    // The figure and its publisher stand; the words say they could not be loaded.
    await expect(panel(page).locator('.source-value')).toContainText('6.58');
    // Under the figure (the quote) and under "Cite": each says so, with its Try again.
    await expect(panel(page).locator('.texts-state')).toHaveText(Array(2).fill('The source’s words could not be loaded. Try again'));
    await expect(panel(page).locator('blockquote')).toHaveCount(0);
    // The page still works: another view draws its chart.
    await tab(page, 'Trends').click();
    await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBe(1);
    await tab(page, 'Overview').click();
    await page.getByRole('button', { name: /Source of R&D expenditure/ }).click();
    garbage = false;
    await panel(page).getByRole('button', { name: 'Try again' }).first().click();
    await expect(panel(page).locator('blockquote')).not.toBeEmpty();
    await expect(panel(page).locator('.texts-state')).toHaveCount(0);
  });
});

test.describe('without a service worker (so the route serves the wasm)', () => {
  test.use({ serviceWorkers: 'block' });

  test('figures that refuse to decode (a damaged build) give a clear notice, and the page still works', async ({ page, watch }) => {
    // Where the dataset's bytes sit in the served wasm, found here (an expect inside the route
    // would not end the test): from the release build's own files.
    const builds = 'target/wasm32-unknown-unknown/release/build';
    expect(existsSync(builds), `${builds} holds build.rs's output: build the release bundle first (scripts/lib.sh build_release)`).toBe(true);
    const wasmFile = readdirSync('dist').find((file) => file.endsWith('_bg.wasm'));
    expect(wasmFile, 'dist/ holds the release bundle\'s wasm').toBeTruthy();
    const built = readFileSync(`dist/${wasmFile}`);
    const at = bundledDatasets(builds).map((bytes) => built.indexOf(bytes)).find((index) => index >= 0) ?? -1;
    expect(at, 'the dataset\'s bytes (build.rs\'s dataset.postcard) are in dist\'s wasm').toBeGreaterThan(0);
    await page.route(/_bg\.wasm$/, async (route) => {
      const wasm = Buffer.from(await (await route.fetch()).body());
      // The first count (the figures) made far larger than the bytes hold: the decoder runs out.
      wasm[at] = 0xff;
      wasm[at + 1] = 0x7f;
      await route.fulfill({ status: 200, contentType: 'application/wasm', body: wasm });
    });
    await page.goto('./?view=trends');
    await expect(page.getByRole('alert').filter({ hasText: 'could not be read' })).toHaveText(
      'The figures of this page could not be read (a damaged or mismatched build). Reload the page; if this stays, the site is being updated.');
    await expect(page.locator('#crash')).toBeHidden();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Beijing High-Tech Atlas');
    await tab(page, 'Sources').click();
    await expect(page.locator('#view-title')).toHaveText('Sources');
    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '无法读取' })).toHaveText('无法读取本页的数字（版本损坏或不一致）。请刷新页面；若仍如此，网站可能正在更新。');
    expectCaused(watch, [/^console error: the bundled dataset cannot be read/]);
  });
});

test('embedded: Escape inside the places panel folds it, and only it; the next Escape closes the source panel', async ({ page }) => {
  await page.goto('./?view=trends&embed=1&figure=beijing-gdp-2024');
  await expect(panel(page)).toBeVisible();
  const summary = app(page).locator('.regions > summary');
  await summary.click();
  const haidian = page.getByRole('checkbox', { name: 'Haidian', exact: true });
  await haidian.focus();
  await page.keyboard.press('Escape');
  await expect(app(page).locator('details.regions')).not.toHaveAttribute('open', '');
  await expect(summary).toBeFocused();
  await expect(panel(page)).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel(page)).toHaveCount(0);
});
