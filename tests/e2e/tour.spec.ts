// Issue 9: the guided tour, walked as a reader walks it: every step's link, its chart with the
// cited figures marked, its figures' sources, the keys, "Explore from here", and the timeline.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, app, chartOption, query, openSectors, nextFrames } from './fixtures';

const words = {
  en: { steps: 'Tour steps', progress: (n: number, total: number) => `Step ${n} of ${total}`, explore: 'Explore from here', tour: 'Tour', milestones: 'Milestones', source: 'Source' },
  zh: { steps: '导览步骤', progress: (n: number, total: number) => `第${n}步，共${total}步`, explore: '从这里开始探索', tour: '导览', milestones: '大事记', source: '来源' },
};

/** The one chart the page shows: its name and its option, once drawn. */
async function shownChart(page: Page): Promise<{ name: string; option: any }> {
  const chart = page.locator('[data-chart="trend"], [data-chart="sectors"], [data-chart="map"]');
  await expect(chart).toHaveCount(1);
  const name = (await chart.getAttribute('data-chart'))!;
  await expect.poll(async () => (await chartOption(page, name))?.series?.length ?? 0).toBeGreaterThan(0);
  return { name, option: await chartOption(page, name) };
}

/** Fails if the page reloaded since the step set `window.sameDocument`: the tour's own controls
 *  move within the page. */
async function expectSameDocument(page: Page, what: string) {
  expect(await page.evaluate(() => (window as any).sameDocument), `${what} reloaded the page`).toBe(true);
}

function markedItems(option: any): any[] {
  return option.series.flatMap((s: any) => s.data ?? []).filter((d: any) => d && d.marked);
}

/** What a chart shows, without the styling a tour step adds: titles, series names and values. */
function shownData(option: any) {
  return {
    titles: option.title.map((t: any) => t.text),
    series: option.series.map((s: any) => ({
      name: s.name,
      values: (s.data ?? []).map((d: any) => (d !== null && typeof d === 'object' ? d.value : d)),
    })),
  };
}

// The three walks below (the tour in each language, "Explore from here") load the tour and then
// each of its STEPS steps in one page, whose cache keeps a load near 1.5 s; on a loaded 2-core CI
// machine a step took 3 s and a walk overran the default 30 s. Each load gets this much (one test
// per step, in fresh contexts, doubled the file's time).
const STEP_BUDGET = 8_000;
const STEPS = 11;

for (const lang of ['en', 'zh'] as const) {
  const w = words[lang];
  const suffix = lang === 'zh' ? '&lang=zh' : '';

  test(`the whole tour in ${lang}: each step's link opens it, its chart marks its figures, → moves on`, async ({ page }) => {
    test.setTimeout(STEP_BUDGET * (STEPS + 1));
    await page.goto(`./?view=tour${suffix}`);
    await expect(page.getByRole('link', { name: w.tour, exact: true })).toHaveAttribute('aria-current', 'page');
    const stepLinks = app(page).getByRole('navigation', { name: w.steps }).getByRole('link');
    // Waits for the app's step list (a count does not: the served shell has none).
    await expect(stepLinks, `a step more or less: change STEPS, which sets the walks' time`).toHaveCount(STEPS);
    const total = STEPS;
    const hrefs = await stepLinks.evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
    const titles = new Set<string>();
    for (let n = 1; n <= total; n++) {
      // The step's own link, opened fresh, is that step.
      expect(hrefs[n - 1]).toMatch(n === 1 ? new RegExp(`\\?view=tour${suffix}$`) : new RegExp(`\\?view=tour&step=${n}${suffix}$`));
      await page.goto(hrefs[n - 1]);
      // A reload would drop this mark: the source panel, → and ← must all stay in the page.
      await page.evaluate(() => ((window as any).sameDocument = true));
      await expect(app(page).getByText(w.progress(n, total), { exact: true })).toBeVisible();
      await expect(stepLinks.nth(n - 1)).toHaveAttribute('aria-current', 'step');
      const title = (await page.locator('#step-title').textContent())!.trim();
      expect(title.length).toBeGreaterThan(3);
      expect(titles.has(title), `step ${n} repeats a title`).toBe(false);
      titles.add(title);
      await expect(page).toHaveTitle(new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · `));

      // The chart is a real view's chart, with the figures the step cites marked.
      const { option } = await shownChart(page);
      const marked = markedItems(option);
      expect(marked.length, `step ${n} marks nothing`).toBeGreaterThan(0);
      expect(marked.every((d: any) => d.itemStyle?.borderWidth === 3)).toBe(true);

      // Every figure in the text is a button with a value; the first opens its source and quote.
      const figures = app(page).locator('.tour-text button.figure');
      expect(await figures.count(), `step ${n} names no figure`).toBeGreaterThan(0);
      for (const text of await figures.allTextContents()) expect(text).toMatch(/\d/);
      await figures.first().click();
      const panel = page.getByRole('dialog');
      await expect(panel.locator('blockquote')).not.toBeEmpty();
      await expect(panel.locator('.source-meta')).toContainText(/\S/);
      await page.keyboard.press('Escape');
      await expect(panel).toHaveCount(0);
      await expectSameDocument(page, `step ${n}: the source panel`);

      // → goes on (and ← comes back) without reloading the page.
      await page.locator('#step-title').click();
      await page.keyboard.press('ArrowRight');
      if (n < total) {
        await expect(page).toHaveURL(new RegExp(`step=${n + 1}`));
        await expect(app(page).getByText(w.progress(n + 1, total), { exact: true })).toBeVisible();
        await expectSameDocument(page, `step ${n}: →`);
        await page.keyboard.press('ArrowLeft');
        await expect(app(page).getByText(w.progress(n, total), { exact: true })).toBeVisible();
        // The link is written a frame after the view: wait for it, as for →, before the check.
        await expect.poll(() => query(page)).toBe(n === 1 ? `view=tour${suffix}` : `view=tour&step=${n}${suffix}`);
        await expectSameDocument(page, `step ${n + 1}: ←`);
      } else {
        // The last step stays the last, past the frame and task in which a link would be written.
        await nextFrames(page, { andTask: true });
        await expect(app(page).getByText(w.progress(total, total), { exact: true })).toBeVisible();
        expect(query(page)).toBe(`view=tour&step=${total}${suffix}`);
        await expectSameDocument(page, `step ${n}: → on the last step`);
      }
    }
  });
}

test('"Explore from here" opens the step\'s view with its filters and the same figures', async ({ page }) => {
  test.setTimeout(STEP_BUDGET * (STEPS + 1));
  await page.goto('./?view=tour');
  // Waits for the app's step list (a count does not: the served shell has none; CI read 0).
  const stepLinks = app(page).getByRole('navigation', { name: 'Tour steps' }).getByRole('link');
  await expect(stepLinks, `a step more or less: change STEPS, which sets the walks' time`).toHaveCount(STEPS);
  const total = STEPS;
  for (let n = 1; n <= total; n++) {
    await page.goto(n === 1 ? './?view=tour' : `./?view=tour&step=${n}`);
    const tour = await shownChart(page);
    await page.getByRole('button', { name: 'Explore from here' }).click();
    await expect(page).not.toHaveURL(/view=tour/);
    const view = new URL(page.url()).searchParams.get('view');
    expect(view).toBe(tour.name === 'trend' ? 'trends' : tour.name);
    // The explorer's controls carry the step's state, and its chart draws the same figures.
    if (tour.name !== 'map') await expect(page.getByRole('combobox', { name: 'Indicator' })).toBeVisible();
    await expect.poll(async () => shownData(await chartOption(page, tour.name)), { message: `step ${n}` }).toEqual(shownData(tour.option));
    // Back returns to the same step.
    await page.goBack();
    await expect(page).toHaveURL(new RegExp(n === 1 ? 'view=tour$' : `view=tour&step=${n}$`));
  }
});

test('"Explore from here" keeps the language and the embed mode', async ({ page }) => {
  await page.goto('./?view=tour&step=2&lang=zh&embed=1');
  await page.getByRole('button', { name: '从这里开始探索' }).click();
  // The step's indicator is the reader's now: it stays in the link.
  await expect(page).toHaveURL(/\?view=sectors&indicator=cluster_scale_threshold&time=2022&lang=zh&embed=1$/);
  await openSectors(page);
  await expect(page.getByRole('checkbox', { name: '集成电路' })).toBeChecked();
});

test('bad tour links get a notice and a valid step', async ({ page }) => {
  const cases: [string, RegExp, string][] = [
    ['view=tour&step=99', /Ignored step “99”/, 'view=tour'],
    ['view=tour&step=%3Cb%3E1%3C/b%3E', /Ignored step “<b>1<\/b>”/, 'view=tour'],
    ['view=tour&step=3&sector=integrated_circuits', /Ignored sector “integrated_circuits”: each step of the tour sets its own filters/, 'view=tour&step=3'],
    ['view=map&step=3', /Ignored step “3”: steps belong to the tour/, 'view=map'],
  ];
  for (const [link, message, canonical] of cases) {
    await page.goto(`./?${link}`);
    await expect(page.getByRole('status').filter({ hasText: message })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`\\?${canonical.replace(/[?]/g, '\\?')}$`));
    await expect(app(page).locator('b')).toHaveCount(0);
  }
});

test('the overview starts the tour and shows the latest milestones, then all, oldest first, with their sources', async ({ page }) => {
  await page.goto('./?lang=zh');
  await page.getByRole('link', { name: /用两分钟了解全貌/ }).click();
  await expect(page).toHaveURL(/\?view=tour&lang=zh$/);
  await page.goto('./');
  const timeline = app(page).locator('section.timeline').filter({ has: page.getByRole('heading', { name: 'Milestones' }) });
  const dates = () => timeline.locator('time').allTextContents();
  const all = readFileSync('data/facts.jsonl', 'utf8').trim().split('\n').map((line) => JSON.parse(line).date as string).sort();
  // Folded to the newest six, so the overview stays a summary.
  await expect(timeline.locator('time')).toHaveCount(6);
  expect(await dates()).toEqual(all.slice(-6));
  const toggle = timeline.getByRole('button', { name: `Show all ${all.length} milestones` });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  await expect(timeline.locator('time')).toHaveCount(all.length);
  expect(await dates()).toEqual(all);
  await expect(timeline.getByRole('button', { name: 'Show only the latest' })).toHaveAttribute('aria-expanded', 'true');
  await timeline.getByRole('button', { name: /Source of 2020-09-24/ }).click();
  const panel = page.getByRole('dialog');
  await expect(panel.locator('blockquote')).toContainText(/\S/);
  await expect(panel.getByRole('link', { name: /Open the source/ })).toHaveAttribute('href', /^https?:\/\//);
  // In Chinese the milestones read in Chinese.
  await page.goto('./?lang=zh');
  await expect(app(page).locator('section.timeline li').first()).toContainText(/[\u4e00-\u9fff]/);
});

test('the milestones follow the years chosen', async ({ page }) => {
  await page.goto('./?time=2021..2022');
  const timeline = app(page).locator('section.timeline');
  const inSpan = readFileSync('data/facts.jsonl', 'utf8').trim().split('\n').map((line) => JSON.parse(line).date as string)
    .filter((date) => date.startsWith('2021') || date.startsWith('2022')).sort();
  expect(inSpan.length).toBeGreaterThan(6);
  await timeline.getByRole('button', { name: `Show all ${inSpan.length} milestones` }).click();
  await expect(timeline.locator('time')).toHaveText(inSpan);
});
