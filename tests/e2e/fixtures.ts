// Every test runs as a reader would, and fails on what a reader would suffer: a console error, an
// uncaught exception, a failed request, or any request leaving loopback (those are also blocked).
import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

type Watch = { problems: string[] };

export const test = base.extend<{ watch: Watch }>({
  watch: [async ({ page }, use) => {
    const watch: Watch = { problems: [] };
    await page.route(/^(?!https?:\/\/(127\.0\.0\.1|localhost)[:/]|data:|blob:)/, (route) => {
      watch.problems.push(`request left loopback: ${route.request().url()}`);
      return route.abort();
    });
    page.on('console', (message) => {
      if (message.type() === 'error') watch.problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => watch.problems.push(`page error: ${error.message}`));
    page.on('requestfailed', (request) => {
      // A download the test triggered ends as "failed" in Chromium's eyes; it is not a broken asset.
      if (!request.url().startsWith('blob:') && !request.url().startsWith('data:')) {
        watch.problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`);
      }
    });
    await use(watch);
    expect(watch.problems, 'console errors, page errors or failed requests').toEqual([]);
  }, { auto: true }],
});

export { expect };

/** The chart's current ECharts option, read from the instance on the element with `data-chart`. */
export function chartOption(page: Page, name: string): Promise<any> {
  return page.locator(`[data-chart="${name}"]`).evaluate((el) => {
    const chart = (window as any).echarts?.getInstanceByDom(el);
    return chart ? chart.getOption() : null;
  });
}

/** Names of the chart's series, once it is drawn. */
export async function seriesNames(page: Page, name: string): Promise<string[]> {
  const option = await chartOption(page, name);
  return option ? option.series.map((s: any) => s.name) : [];
}

/** The query string of the page's URL, without `?`. */
export function query(page: Page): string {
  return new URL(page.url()).search.replace(/^\?/, '');
}

/** axe's WCAG 2.1 A/AA violations of any impact (minor and moderate too: none is accepted) on
 *  the page as it is now, labelled. */
export async function wcagViolations(page: Page, label: string): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${label}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

/** Opens the filter bar's sector picker (on wide screens the sectors are in a panel its button opens). */
export async function openSectors(page: Page) {
  const toggle = page.locator('.sector-picker .picker-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}
