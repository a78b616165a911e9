// Issue 22's leftovers (resolved issue, open review points): the page behind the filter sheet, and
// the sheet's "›" profile links. Runs in the `phone` and `phone-360` projects only. Each failed on
// main before its fix (see the commit that adds it).
import { test, expect, app, chartOption, nextFrames } from './fixtures';

test('while the filter sheet is open the page behind it is inert and does not scroll; closing restores both', async ({ page }) => {
  await page.goto('./?view=trends');
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBe(1);
  const open = page.getByRole('button', { name: 'Filters' });
  await open.tap();
  const sheet = page.getByRole('dialog', { name: 'Filters' });
  await expect(sheet).toBeVisible();
  for (const behind of ['header.site-header', 'nav.tabs', 'main', 'footer']) {
    await expect(app(page).locator(behind).first(), behind).toHaveAttribute('inert', '');
  }
  await expect(sheet).not.toHaveAttribute('inert', '');
  // A swipe on the backdrop (the screen's top strip, above the sheet) leaves the page where it was.
  const cdp = await page.context().newCDPSession(page);
  const touch = (type: string, points: { x: number; y: number }[]) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: points.map((p, id) => ({ ...p, id })) });
  const swipeUp = async (x: number, y: number) => {
    await touch('touchStart', [{ x, y }]);
    for (let i = 1; i <= 15; i++) { await touch('touchMove', [{ x, y: y - 6 * i }]); await page.waitForTimeout(16); }
    await touch('touchEnd', []);
  };
  await swipeUp(page.viewportSize()!.width / 2, 100);
  await page.mouse.wheel(0, 600);
  // The lock itself (a script could still scroll the root: only the reader's scrolling is
  // locked), then the frames after the wheel: still at the top.
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe('hidden');
  await nextFrames(page);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(open).toBeFocused();
  for (const behind of ['header.site-header', 'nav.tabs', 'main', 'footer']) {
    await expect(app(page).locator(behind).first(), behind).not.toHaveAttribute('inert', '');
  }
  // The page scrolls again.
  await swipeUp(page.viewportSize()!.width / 2, 600);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
});

test('in the sheet each sector\'s "›" profile link is 40 px high, like its checkbox row and "Only"', async ({ page }) => {
  await page.goto('./?view=trends');
  await page.getByRole('button', { name: 'Filters' }).tap();
  const sheet = page.getByRole('dialog', { name: 'Filters' });
  await expect(sheet).toBeVisible();
  const heights = await sheet.locator('.sector-chip .profile-link').evaluateAll((links) => links.map((a) => a.getBoundingClientRect().height));
  expect(heights).toEqual(Array(10).fill(40));
  const only = await sheet.locator('.sector-chip .only-button').evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height));
  expect(only).toEqual(Array(10).fill(40));
});

// Review of review/usab: the notices behind the sheet are inert, so a notice a change in the
// sheet caused went unheard. The sheet says it in a live region of its own.
test('a notice caused by a change in the filter sheet is said inside the sheet', async ({ page }) => {
  await page.goto('./?view=trends');
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBe(1);
  await page.getByRole('button', { name: 'Filters' }).tap();
  const sheet = page.getByRole('dialog', { name: 'Filters' });
  await expect(sheet).toBeVisible();
  const said = sheet.locator('.sheet-notices[role=status]');
  await expect(said).toHaveText('');
  await sheet.getByRole('checkbox', { name: 'Artificial intelligence' }).tap();
  // The same sentence as the trends view's notice behind the sheet.
  await expect(said).toHaveText(/^Showing .+: .+ has no figures for the 9 sectors chosen\.$/);
  await expect(said).toHaveText(await app(page).locator('.measure-switch').textContent() ?? 'the notice behind');
  expect(await app(page).locator('.trend-notices').evaluate((el) => !!el.closest('[inert]'))).toBe(true);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(app(page).locator('.sheet-notices')).toHaveText('');
});
