import type { Browser, Locator, Page } from '@playwright/test';
import { expect, open, test } from './fixtures.ts';

/**
 * How the calculator page opens: on the defaults it keeps what the server computed and drew (the
 * uncertainty run and "what would have to be true" are not run again in the browser), and other
 * inputs are analysed in a worker, or in the page where no worker can start, with the same numbers.
 */

/** The parts of the page that carry the results, the answer and the analysis. */
const RESULT_PARTS = ['[data-verdict]', '[data-figures]', '[data-comparison] tbody', '[data-sure]', '.calc__range-table tbody', '[data-whatif]'];

async function resultTexts(page: Page): Promise<string[]> {
  return Promise.all(RESULT_PARTS.map(async (selector) => ((await page.locator(selector).first().textContent()) ?? '').replace(/\s+/g, ' ').trim()));
}

const salary = (page: Page): Locator => page.locator('#f-inHouse-baseSalary');
const analysis = (page: Page): Locator => page.locator('section[data-analysis]');
const sure = (page: Page): Locator => page.locator('[data-sure]');

/** The page as the server wrote it: the same address without JavaScript. */
async function serverTexts(browser: Browser, path: string): Promise<string[]> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(path);
  const texts = await resultTexts(page);
  await context.close();
  return texts;
}

test('opened on the defaults, the page shows the numbers the server computed without computing the analysis again @subpath', async ({ page, browser }) => {
  const workers: string[] = [];
  const scripts: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await open(page, 'calculator/');
  await expect(page.locator('[data-status]')).toHaveText('Up to date');
  // Past the pause after which the analysis would run, and past the loads the page leaves until it is idle.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1500);
  await expect(analysis(page)).toHaveAttribute('aria-busy', 'false');
  expect(workers, 'no worker was started').toEqual([]);
  expect(
    scripts.filter((path) => /analysis-(runner|worker)|uncertainty/.test(path)),
    'the analysis code was not loaded',
  ).toEqual([]);
  expect(await resultTexts(page)).toEqual(await serverTexts(browser, 'calculator/'));
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity|undefined/);
});

test('other inputs are analysed in a worker; where none can start, the page computes the same numbers itself @subpath', async ({ page, browser }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(new URL(worker.url()).pathname));
  await open(page, 'calculator/');
  const before = (await sure(page).textContent()) ?? '';
  await salary(page).fill('90000');
  await expect(page.locator('[data-status]')).toHaveText('Up to date');
  await expect(analysis(page)).toHaveAttribute('aria-busy', 'false');
  await expect(sure(page)).not.toHaveText(before);
  expect(workers.some((path) => path.includes('analysis-worker'))).toBe(true);
  const inWorker = await resultTexts(page);
  const link = page.url();

  // The same link in a browser without workers.
  const context = await browser.newContext();
  const other = await context.newPage();
  const errors: string[] = [];
  other.on('pageerror', (error) => errors.push(error.message));
  await other.addInitScript(() => Object.defineProperty(window, 'Worker', { value: undefined }));
  await other.goto(link);
  await expect(analysis(other)).toHaveAttribute('aria-busy', 'false');
  await expect(sure(other)).not.toHaveText(/Working out/);
  expect(await resultTexts(other)).toEqual(inWorker);
  expect(errors).toEqual([]);
  await context.close();
});

test('typing several changes in a row shows the analysis of the last one, never an older answer', async ({ page }) => {
  await open(page, 'calculator/');
  for (const value of ['60000', '75000', '90000']) {
    await salary(page).fill(value);
    await page.waitForTimeout(450);
  }
  await expect(analysis(page)).toHaveAttribute('aria-busy', 'false');
  const last = await resultTexts(page);

  await page.goto(page.url());
  await expect(analysis(page)).toHaveAttribute('aria-busy', 'false');
  await expect(sure(page)).not.toHaveText(/Working out/);
  expect(await resultTexts(page)).toEqual(last);
});
