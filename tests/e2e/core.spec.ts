// Issue 17: bugs found while moving every decision into the core. Each test failed on the build
// before its fix (see the commit that adds it).
import { test, expect, app } from './fixtures';

test('switching the overview to Chinese turns its cards Chinese too', async ({ page }) => {
  await page.goto('./');
  const firstCard = app(page).locator('.card').first();
  await expect(firstCard.getByRole('heading')).toHaveText(/[A-Za-z]/);
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/北京/);
  // Every card heading and its source button speak Chinese, not only the header and the tabs.
  await expect(firstCard.getByRole('heading')).toHaveText('高精尖产业占GDP比重');
  await expect(firstCard.locator('.source-button')).toHaveText('来源');
  await expect(firstCard.locator('.source-button')).toHaveAccessibleName('来源：高精尖产业占GDP比重');
});

test('the table announces no sort until a header is clicked', async ({ page }) => {
  await page.goto('./?view=table');
  const headers = page.getByRole('columnheader');
  await expect(headers.first()).toBeVisible();
  const states = async () => headers.evaluateAll((els) => els.map((el) => el.getAttribute('aria-sort')));
  expect(await states()).toEqual(Array(await headers.count()).fill('none'));
  await page.getByRole('button', { name: 'Year', exact: true }).click();
  await expect(page.getByRole('columnheader', { name: 'Year' })).toHaveAttribute('aria-sort', 'ascending');
  await expect(page.getByRole('columnheader', { name: 'Indicator' })).toHaveAttribute('aria-sort', 'none');
});

test('a download the browser refuses says so and the page keeps working', async ({ page }) => {
  await page.addInitScript(() => {
    URL.createObjectURL = () => { throw new Error('blocked by policy'); };
  });
  await page.goto('./?view=table');
  await page.getByRole('button', { name: 'Download CSV' }).click();
  // The reader reads the failure in the page's language; the browser's own words go to data-error.
  await expect(page.getByRole('status').filter({ hasText: 'The download failed' })).toHaveAttribute('data-error', /blocked by policy/);
  await expect(page.locator('#crash')).toBeHidden();
  await page.getByRole('link', { name: 'Trends' }).click();
  await expect(page).toHaveURL(/view=trends/);
});
