// Issue 25: take the data away (the dataset's zip, a chart's own CSV), link to one figure, cite it;
// and code review P1: a CSV download that waits for the quotes survives a change of view.
import { readFileSync } from 'node:fs';
import { test, expect, app, chartOption } from './fixtures';

/** RFC 4180 records: quoted cells may hold commas, quotes ("") and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { record.push(cell); cell = ''; }
    else if (c === '\n') { record.push(cell); records.push(record); record = []; cell = ''; }
    else if (c !== '\r') cell += c;
  }
  if (cell || record.length) { record.push(cell); records.push(record); }
  return records;
}

/** The observation ids the chart's data items name. */
async function drawnIds(page: any, name: string): Promise<string[]> {
  const option = await chartOption(page, name);
  const ids = option.series.flatMap((s: any) => (s.data ?? []).map((d: any) => d?.obs).filter(Boolean));
  return [...new Set<string>(ids)].sort();
}

test('the Sources view links to the whole dataset: the zip downloads, and says how to open it', async ({ page }) => {
  await page.goto('./?view=sources');
  const section = page.getByRole('region', { name: 'Take the data with you' });
  await expect(section).toContainText('pandas.read_csv');
  const [download] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: /The whole dataset \(ZIP/ }).click()]);
  expect(download.suggestedFilename()).toBe('atlas-data.zip');
  const bytes = readFileSync((await download.path())!);
  expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(bytes.toString('latin1')).toContain('atlas-data/observations.csv');
  const packageHref = await section.getByRole('link', { name: /datapackage\.json/ }).getAttribute('href');
  const descriptor = await (await page.request.get(new URL(packageHref!, page.url()).href)).json();
  expect(descriptor.resources.map((r: any) => r.path)).toEqual(
    ['observations.csv', 'sources.csv', 'sectors.csv', 'regions.csv', 'facts.csv', 'README.md']);
  // The footer links to it from every view, in Chinese too.
  await page.goto('./?view=map&lang=zh');
  await expect(app(page).locator('footer').getByRole('link', { name: '下载数据（ZIP）' })).toHaveAttribute('href', 'data/atlas-data.zip');
});

test('a figure link opens its source panel on the view that draws it, in English', async ({ page }) => {
  await page.goto('./?view=trends&indicator=gdp&figure=beijing-gdp-2022');
  const panel = page.getByRole('dialog', { name: 'Source of this figure' });
  await expect(panel).toBeVisible();
  await expect(panel.locator('.source-value')).toContainText('4.16 trillion yuan');
  await expect(panel.locator('.source-value')).toContainText('preliminary');
  await expect(panel.locator('blockquote')).toContainText('41610.9');
  await expect(page).toHaveURL(/\?view=trends&indicator=gdp&figure=beijing-gdp-2022$/);
  await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  // Closing the panel takes the figure out of the link.
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(page).toHaveURL(/\?view=trends&indicator=gdp$/);
});

test('a figure link to a view that does not draw it opens the table filtered to it, in Chinese', async ({ page }) => {
  await page.goto('./?view=sectors&figure=geo-haidian-gdp-2022&lang=zh');
  await expect(page).toHaveURL(/\?view=table&indicator=gdp&region=haidian&time=2022&figure=geo-haidian-gdp-2022&lang=zh$/);
  const panel = page.getByRole('dialog', { name: '数据来源' });
  await expect(panel).toBeVisible();
  await expect(panel.locator('blockquote')).toContainText('据初步统计');
  await expect(panel.locator('.source-value')).toContainText('初步');
  await expect(app(page).locator('tbody tr').first()).toContainText('海淀区');
  // A bad id is named in a notice; the view still shows.
  await page.goto('./?view=trends&figure=no-such-figure');
  await expect(page.getByRole('status').filter({ hasText: 'no-such-figure' })).toContainText('Ignored figure');
  await expect(page).toHaveURL(/\?view=trends$/);
});

test('Cite copies the original source, the Atlas with the figure link, and BibTeX; and the figure link copies', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('./?view=map&time=2022&figure=geo-haidian-gdp-2022-table');
  const panel = page.getByRole('dialog', { name: 'Source of this figure' });
  await expect(panel).toBeVisible();
  const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
  await panel.getByRole('button', { name: 'Copy link to this figure' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Link to this figure copied' })).toBeVisible();
  const link = await clipboard();
  expect(link).toBe(new URL('./?view=map&time=2022&figure=geo-haidian-gdp-2022-table', page.url()).href);
  await panel.getByText('Cite', { exact: true }).click();
  const texts = await panel.locator('.citation-text').allInnerTexts();
  expect(texts).toHaveLength(3);
  for (const [i, name] of ['The original source', 'The Atlas, with the link to this figure', 'BibTeX'].entries()) {
    await panel.getByRole('button', { name: `Copy: ${name}` }).click();
    await expect.poll(clipboard).toBe(texts[i]);
  }
  expect(texts[0]).toMatch(/^hbzqbyyxgs\.com .*\(accessed \d{4}-\d{2}-\d{2}\)\.$/);
  expect(texts[1]).toContain(link);
  expect(texts[2]).toMatch(/^@misc\{geo-haidian-gdp-2022-table,/);
  expect(texts[2]).toContain(`\\url{${link}}`);
});

test('a chart\'s CSV holds exactly the figures the chart draws, with their sources', async ({ page }) => {
  for (const [url, name] of [['./?view=trends&indicator=gdp&region=haidian,chaoyang', 'trend'], ['./?view=map&time=2019', 'map']]) {
    await page.goto(url);
    await expect.poll(async () => (await chartOption(page, name))?.series?.length ?? 0).toBeGreaterThan(0);
    const drawn = await drawnIds(page, name);
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download the figures this chart draws (CSV)' }).click()]);
    expect(download.suggestedFilename()).toBe(`beijing-atlas-${name}.csv`);
    const [header, ...rows] = parseCsv(readFileSync((await download.path())!, 'utf8').replace(/^\ufeff/, ''));
    expect(header.slice(0, 3)).toEqual(['id', 'indicator', 'indicator_en']);
    for (const column of ['value', 'unit', 'base_value', 'quote', 'source_url', 'publisher']) expect(header).toContain(column);
    expect(rows.map((r) => r[0]).sort()).toEqual(drawn);
    const quote = header.indexOf('quote');
    expect(rows.every((r) => r[quote].length > 0)).toBe(true);
  }
});

test.describe('without a service worker (so the test holds the quotes\' request)', () => {
  test.use({ serviceWorkers: 'block' });

  // Code review P1: the download read the table's rows after waiting for the quotes; a reader who
  // switched views meanwhile killed the page.
  test('a CSV download waiting for the quotes survives switching to another view', async ({ page }) => {
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => { release = resolve; });
    await page.route(/texts-[0-9a-f]{16}\.bin$/, async (route) => { await held; await route.continue(); });
    await page.goto('./?view=table&indicator=gdp');
    await expect(app(page).locator('tbody tr').first()).toBeVisible();
    await page.getByRole('button', { name: 'Download CSV' }).click();
    await page.getByRole('link', { name: 'Trends', exact: true }).first().click();
    await expect(page).toHaveURL(/view=trends/);
    const download = page.waitForEvent('download');
    release();
    expect((await download).suggestedFilename()).toBe('beijing-atlas-figures.csv');
    await expect(page.locator('#crash')).toBeHidden();
    await expect.poll(async () => (await chartOption(page, 'trend'))?.series?.length ?? 0).toBeGreaterThan(0);
  });
});
