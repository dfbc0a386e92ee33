import type { Locator, Page } from '@playwright/test';
import { axeViolations, expect, open, test } from './fixtures.ts';

/**
 * The calculator's analysis: the range chart of cost per opportunity, the "how sure are you?"
 * spreads, and comparing two saved scenarios side by side.
 */

const rangeChart = (page: Page): Locator => page.locator('[data-chart="ranges"] [data-svg] svg');
const bar = (page: Page, model: string): Locator => rangeChart(page).locator(`[data-model="${model}"] .range__bar`);
const salary = (page: Page): Locator => page.locator('#f-inHouse-baseSalary');
const status = (page: Page): Locator => page.locator('[data-status]');
/** Waits until the analysis shown is for the inputs shown (it follows typing after a pause). */
const settled = (page: Page) => expect(page.locator('[data-analysis]')).toHaveAttribute('aria-busy', 'false');

test('the range chart shows every option’s P10–P90 with its base value, and follows the inputs @subpath', async ({ page }) => {
  await open(page, 'calculator/');
  await expect(rangeChart(page)).toBeVisible();
  await expect(rangeChart(page).locator('.range__bar')).toHaveCount(4);
  await expect(rangeChart(page).locator('.range__base')).toHaveCount(4);
  // The chart names the table as its text alternative, and the table has the same options.
  await expect(rangeChart(page)).toHaveAccessibleName(/The table below has the same figures/);
  await expect(page.locator('.calc__range-table tbody tr')).toHaveCount(4);
  const before = Number(await bar(page, 'inHouse').getAttribute('data-low'));
  expect(before).toBeGreaterThan(0);

  await salary(page).fill('110000');
  await expect(status(page)).toHaveText('Up to date');
  await expect.poll(async () => Number(await bar(page, 'inHouse').getAttribute('data-low'))).toBeGreaterThan(before);
  await settled(page);
  // Bars are cheapest first: the in-house team at twice the salary is no longer first.
  await expect(rangeChart(page).locator('.range__row').first()).not.toHaveAttribute('data-model', 'inHouse');
  const box = await rangeChart(page).boundingBox();
  const holder = await page.locator('[data-chart="ranges"]').boundingBox();
  expect(box && holder && box.width <= holder.width + 1).toBe(true);
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity/);
});

test('without JavaScript the range chart of the defaults is there', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('calculator/');
  await expect(rangeChart(page)).toBeVisible();
  await expect(rangeChart(page).locator('.range__bar')).toHaveCount(4);
  await context.close();
});

test('the range chart fits a 360 px phone and prints', async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 800 });
  await open(page, 'calculator/');
  await settled(page);
  const box = await rangeChart(page).boundingBox();
  expect(box?.width ?? 0).toBeGreaterThan(200);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(360);
  // Drawn for its holder's width: the text keeps its size instead of shrinking with the picture.
  const viewBox = (await rangeChart(page).getAttribute('viewBox')) ?? '';
  expect(Number(viewBox.split(' ')[2])).toBeLessThanOrEqual(360);
  await page.emulateMedia({ media: 'print' });
  await expect(rangeChart(page)).toBeVisible();
  expect(await axeViolations(page, '[data-analysis]')).toEqual([]);
});
