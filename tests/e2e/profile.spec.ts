// Issue 14: a profile for every sector, district and zone, the index a bad profile link lands on,
// and the header's search, driven as a reader would.
import { readFileSync } from 'node:fs';
import { test, expect, app, chartOption, query, wcagViolations, openSectors } from './fixtures';
import type { Page } from '@playwright/test';

/** Goes to a link inside the running page, as the Back button would: no reload. */
async function visit(page: Page, href: string) {
  await page.evaluate((url) => {
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, href);
}

test('every one of the 51 profiles shows its figures with their sources', async ({ page }) => {
  // 51 pages, each with a source panel opened: well past the default 30 s on two cores.
  test.setTimeout(240_000);
  await page.goto('./?view=profile');
  const links = app(page).locator('.profile-index-list a');
  await expect(links).toHaveCount(51);
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const withoutFigures: string[] = [];
  for (const href of hrefs) {
    await visit(page, href);
    const profile = app(page).locator('article.profile');
    await expect(profile, href).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`\\${href.slice(href.indexOf('?'))}$`));
    const figures = profile.locator('.profile-figure');
    if ((await figures.count()) === 0) {
      // A zone the data has no figure for says so, and still gives its own source and quote.
      withoutFigures.push(href);
      await expect(profile.locator('.profile-empty')).toBeVisible();
      await expect(profile.locator('.profile-about .quote')).not.toBeEmpty();
      await expect(profile.locator('.profile-about a[target=_blank], .profile-about .source-note').first()).toBeVisible();
      expect(href, 'only zones may lack figures').toMatch(/region=/);
      continue;
    }
    await figures.first().locator('.figure-source').first().click();
    const panel = page.getByRole('dialog');
    await expect(panel).toBeVisible();
    await expect(panel.locator('.quote')).not.toBeEmpty();
    await page.keyboard.press('Escape');
    await expect(panel).toBeHidden();
  }
  // The zones with no published figure of their own, as the host test of the real data knows.
  expect(withoutFigures.length).toBe(13);
});

test('a sector profile: definition, figures, lines, zones on a map, milestones and explorer links', async ({ page }) => {
  await page.goto('./?view=profile&sector=integrated_circuits');
  await expect(page.getByRole('heading', { level: 2 })).toContainText('Integrated circuits');
  await expect(page.getByRole('heading', { level: 2 })).toContainText('集成电路');
  await expect(app(page).locator('.profile-about .quote')).toContainText('集成电路');
  await expect(app(page).locator('.profile-figure').first()).toBeVisible();
  await expect.poll(async () => (await chartOption(page, 'profile-map'))?.series?.[1]?.data?.length ?? 0).toBeGreaterThan(0);
  await expect(app(page).locator('.profile-zones a').first()).toHaveAttribute('href', /view=profile&region=/);
  const explore = page.getByRole('navigation', { name: 'Explore further' });
  await expect(explore.getByRole('link', { name: /Table/ })).toHaveAttribute('href', /view=table&sector=integrated_circuits$/);
  // The way out to trends opens on a chart with figures.
  const trends = explore.getByRole('link', { name: /Trends/ });
  await trends.click();
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
});

test('a district profile: GDP over the years with sources, the rank question answered, its zones', async ({ page }) => {
  await page.goto('./?view=profile&region=haidian&lang=zh');
  await expect(page.getByRole('heading', { level: 2 })).toContainText('海淀区');
  await expect(page.getByRole('heading', { name: 'GDP在16个区中的排名' })).toBeVisible();
  // 2019 is the one year with a published GDP for every district (as the host test knows).
  await expect(app(page).locator('.profile-ranks li')).toHaveCount(1);
  await expect(app(page).locator('.profile-ranks li')).toContainText('2019年：16个区中第1');
  await expect.poll(async () => (await chartOption(page, 'profile-gdp'))?.series?.length ?? 0).toBeGreaterThan(0);
  // Haidian, and only Haidian, is outlined.
  await expect.poll(async () => ((await chartOption(page, 'profile-map'))?.geo?.[0]?.regions ?? [])
    .filter((r: any) => (r.itemStyle?.borderWidth ?? 0) >= 2.5).map((r: any) => r.name)).toEqual(['海淀区']);
  await expect(app(page).locator('.profile-zones a', { hasText: '中关村科学城' })).toBeVisible();
  // A click on a chart point opens its source, like everywhere else.
  await app(page).locator('.profile-figure').first().locator('.figure-source').first().click();
  await expect(page.getByRole('dialog').locator('.quote')).not.toBeEmpty();
});

test('a zone profile: description, kind, district, sectors, figures and its point', async ({ page }) => {
  await page.goto('./?view=profile&region=bda');
  await expect(page.getByRole('heading', { level: 2 })).toContainText('E-Town');
  await expect(app(page).locator('.profile-facts')).toContainText('Daxing');
  await expect(app(page).locator('.profile-facts a', { hasText: 'Integrated circuits' })).toHaveAttribute('href', /sector=integrated_circuits/);
  expect(await app(page).locator('.profile-figure').count()).toBeGreaterThan(3);
  await expect.poll(async () => (await chartOption(page, 'profile-map'))?.series?.[1]?.data?.[0]?.zone).toBe('bda');
});

// Issue 23, C6: the index's own link shows it without a notice; Beijing beside a district is that
// district's profile, with its one link.
test('the index link shows no notice, and Beijing beside a district is the district', async ({ page }) => {
  await page.goto('./?view=profile');
  await expect(page.getByRole('heading', { level: 2, name: 'Profiles' })).toBeVisible();
  await expect(app(page).locator('.profile-index-list').nth(1).locator('a')).toHaveCount(16);
  await expect(app(page).locator('.notices li')).toHaveCount(0);
  await page.goto('./?view=profile&region=beijing,haidian');
  await expect(app(page).locator('article.profile')).toBeVisible();
  await expect.poll(() => query(page)).toBe('view=profile&region=haidian');
  await expect(app(page).locator('.notices li')).toHaveCount(0);
});

test('a profile link naming something without one profile shows the notice and the index', async ({ page }) => {
  for (const link of ['view=profile&sector=integrated_circuits,new_materials', 'view=profile&region=beijing',
    'view=profile&sector=integrated_circuits&region=haidian', 'view=profile&region=three_cities_one_zone']) {
    await page.goto(`./?${link}`);
    await expect(page.getByRole('status').filter({ hasText: 'index of all profiles' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: 'Profiles' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: 'The ten industries' })).toBeVisible();
    await expect(app(page).locator('.profile-index-list').nth(0).locator('a')).toHaveCount(10);
    await expect(app(page).locator('.profile-index-list').nth(1).locator('a')).toHaveCount(16);
    await expect(app(page).locator('.profile-index-list').nth(2).locator('a')).toHaveCount(25);
    expect(query(page)).toBe('view=profile');
  }
  await page.getByRole('link', { name: 'Haidian' }).click();
  await expect(page).toHaveURL(/\?view=profile&region=haidian$/);
});

test('the search box is a combobox the keyboard drives to every kind of result', async ({ page }) => {
  await page.goto('./');
  const box = page.getByRole('combobox', { name: 'Search' });
  const cases: [string, RegExp][] = [
    ['jicheng', /view=profile&sector=integrated_circuits$/],
    ['集成电路', /view=profile&sector=integrated_circuits$/],
    ['IC', /view=profile&sector=integrated_circuits$/],
    ['haidian', /view=profile&region=haidian$/],
    ['海淀', /view=profile&region=haidian$/],
    ['E-Town', /view=profile&region=bda$/],
    ['亦庄', /view=profile&region=bda$/],
    ['Yizhuang', /view=profile&region=bda$/],
  ];
  for (const [typed, url] of cases) {
    await box.focus();
    await box.fill(typed);
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    const list = page.getByRole('listbox', { name: 'Search results' });
    await expect(list.getByRole('option').first()).toBeVisible();
    await page.keyboard.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(active, typed).toBeTruthy();
    await expect(page.locator(`#${active}`)).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator(`#${active} .search-kind`)).not.toBeEmpty();
    await page.keyboard.press('Enter');
    await expect(page, typed).toHaveURL(url);
    await expect(app(page).locator('article.profile')).toBeVisible();
  }
  // Down then Up comes back; Escape closes the list.
  await box.fill('hai');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(box).toHaveAttribute('aria-activedescendant', 'search-option-0');
  await page.keyboard.press('Escape');
  await expect(box).toHaveAttribute('aria-expanded', 'false');
  // An indicator opens the trends view on it, drawn.
  await box.fill('R&D expenditure');
  await expect(page.getByRole('option').first()).toContainText('Indicator');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/view=trends&indicator=/);
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  // No match is said, not silent.
  await box.fill('xyzzy');
  await expect(app(page).getByText('No match', { exact: true }).first()).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: 'No match' })).toHaveCount(1);
});

test('the search speaks Chinese in the Chinese page', async ({ page }) => {
  await page.goto('./?lang=zh');
  const box = page.getByRole('combobox', { name: '搜索' });
  await box.fill('haidian');
  await expect(page.getByRole('option').first().locator('.search-name')).toHaveText('海淀区');
  await expect(page.getByRole('option').first().locator('.search-kind')).toHaveText('区');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/view=profile&region=haidian&lang=zh$/);
});

test('ways in: the map card, the table and the sector chips link to profiles', async ({ page }) => {
  await page.goto('./?view=map&region=bda');
  await page.getByRole('link', { name: /Profile →/ }).click();
  await expect(page).toHaveURL(/view=profile&region=bda$/);
  await page.goto('./?view=table&indicator=gdp&region=haidian');
  await app(page).locator('table tbody tr').first().getByRole('link', { name: 'Haidian' }).click();
  await expect(page).toHaveURL(/view=profile&region=haidian$/);
  await page.goto('./?view=trends');
  await openSectors(page);
  await page.getByRole('link', { name: 'Profile of New materials' }).click();
  await expect(page).toHaveURL(/view=profile&sector=new_materials$/);
});

test('profiles embed, save as PNG and fit 360 px like the other views', async ({ page }) => {
  await page.goto('./?view=profile&region=haidian&embed=1');
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(0);
  await expect(page.getByRole('combobox')).toHaveCount(0);
  await expect.poll(async () => (await chartOption(page, 'profile-gdp'))?.title?.length ?? 0).toBe(2);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    app(page).locator('.chart-figure', { has: page.locator('[data-chart="profile-gdp"]') }).getByRole('button', { name: 'Download this chart as PNG' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('beijing-atlas-profile-gdp.png');
  expect(readFileSync((await download.path())!).subarray(1, 4).toString()).toBe('PNG');
  await page.setViewportSize({ width: 360, height: 740 });
  for (const link of ['view=profile&sector=integrated_circuits', 'view=profile&region=haidian&lang=zh', 'view=profile&region=bda', 'view=profile']) {
    await page.goto(`./?${link}`);
    await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${link} scrolls sideways`).toBeLessThanOrEqual(0);
  }
});

for (const lang of ['en', 'zh']) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`profiles have no accessibility violations (${lang}, ${scheme})`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      for (const link of ['sector=integrated_circuits', 'region=haidian', 'region=bda', '']) {
        await page.goto(`./?view=profile${link ? `&${link}` : ''}${lang === 'zh' ? '&lang=zh' : ''}`);
        await expect(page.getByRole('heading', { level: 2 }).first()).toBeVisible();
        await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
        if (link) await expect.poll(async () => (await chartOption(page, 'profile-map'))?.series?.length ?? 0).toBeGreaterThan(0);
        // The search list open, too.
        await page.getByRole('combobox').fill('hai');
        expect(await wcagViolations(page, link)).toEqual([]);
      }
    });
  }
}


test('the sectors a chart draws link to their profiles, under the trends and the sectors chart', async ({ page }) => {
  await page.goto('./?view=trends&indicator=cluster_scale_threshold');
  const links = page.getByRole('navigation', { name: 'Profiles of the sectors shown' });
  await expect(links.getByRole('link').first()).toBeVisible();
  await page.goto('./?view=sectors');
  await links.getByRole('link', { name: 'Integrated circuits' }).click();
  await expect(page).toHaveURL(/view=profile&sector=integrated_circuits$/);
  await expect(page.getByRole('heading', { level: 2 })).toContainText('Integrated circuits');
});
