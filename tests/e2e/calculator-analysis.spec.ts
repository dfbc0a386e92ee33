import type { Locator, Page } from '@playwright/test';
import { decodeLink } from '../../src/features/calculator/codec.ts';
import type { Scenario, Spread } from '../../src/features/calculator/fields.ts';
import { builtCalculatorDefaults } from './content.ts';
import { axeViolations, expect, open, test } from './fixtures.ts';

/**
 * The calculator's analysis: the range chart of cost per opportunity, the "how sure are you?"
 * spreads, and comparing two saved scenarios side by side.
 */

// The defaults the site was built with.
const DEFAULTS: Scenario = builtCalculatorDefaults().defaults;

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

const spreadInput = (page: Page, name: RegExp): Locator => page.locator('[data-spread-form]').getByLabel(name);
/** The scenario's spreads as the page's address carries them. */
const linkedSpread = (page: Page): Spread => decodeLink(new URL(page.url()).search, DEFAULTS).scenario.uncertainty.spread;
const spanOf = async (page: Page, model: string): Promise<number> => {
  const rect = bar(page, model);
  return Number(await rect.getAttribute('data-high')) - Number(await rect.getAttribute('data-low'));
};

const spreadsBlock = (page: Page): Locator => page.getByText('How sure are you? Change how far each input may be off');
const agencyMeetings = (page: Page): Locator => spreadInput(page, /^Meetings per rep per month/);

test('how sure are you: a wider spread widens the range and goes into the link; a value that is not a number is explained', async ({ page }) => {
  await open(page, 'calculator/');
  await settled(page);
  const before = await spanOf(page, 'outsourced');
  await spreadsBlock(page).click();
  await expect(agencyMeetings(page)).toHaveValue(String(DEFAULTS.uncertainty.spread['outsourced.meetingsPerSeatPerMonth']! * 100));
  await agencyMeetings(page).fill('80');
  await expect.poll(() => linkedSpread(page)['outsourced.meetingsPerSeatPerMonth']).toBe(0.8);
  await settled(page);
  await expect.poll(() => spanOf(page, 'outsourced')).toBeGreaterThan(before * 1.5);
  await expect(page.locator('[data-spread="outsourced.meetingsPerSeatPerMonth"] [data-spread-hint]')).toHaveText(/^Very unsure: drawn between/);

  // Not a number: explained next to the field; the link and the ranges keep the last valid spread.
  await agencyMeetings(page).fill('lots');
  await expect(agencyMeetings(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('[data-spread="outsourced.meetingsPerSeatPerMonth"] [data-spread-error]')).toHaveText(/Given: “lots”\.$/);
  expect(linkedSpread(page)['outsourced.meetingsPerSeatPerMonth']).toBe(0.8);
  await expect(page.locator('main')).not.toContainText(/NaN|Infinity/);
});

test('how sure are you: a link with spreads opens with them set; reset puts the defaults back', async ({ page }) => {
  await open(page, 'calculator/');
  await settled(page);
  const before = await spanOf(page, 'outsourced');
  await spreadsBlock(page).click();
  await agencyMeetings(page).fill('80');
  await expect.poll(() => linkedSpread(page)['outsourced.meetingsPerSeatPerMonth']).toBe(0.8);

  await page.goto(page.url());
  await spreadsBlock(page).click();
  await expect(agencyMeetings(page)).toHaveValue('80');
  await settled(page);
  expect(await spanOf(page, 'outsourced')).toBeGreaterThan(before * 1.5);

  await page.getByRole('button', { name: 'Reset the spreads to defaults' }).click();
  await expect(agencyMeetings(page)).toHaveValue('30');
  await expect.poll(() => new URL(page.url()).search).toBe('');
  await settled(page);
  await expect.poll(() => spanOf(page, 'outsourced')).toBeCloseTo(before, 6);
  expect(await axeViolations(page, '[data-spreads]')).toEqual([]);
});

test('compare two saved scenarios: the salary that differs and the results it changes, marked in words, by keyboard, printable', async ({ page }) => {
  await open(page, 'calculator/');
  const box = page.locator('[data-sc-box]');
  await expect(box).toContainText('Save two scenarios');
  const save = async (name: string, pay: string) => {
    await salary(page).fill(pay);
    await expect(status(page)).toHaveText('Up to date');
    await page.getByLabel('Name this scenario').fill(name);
    await page.getByRole('button', { name: 'Save in this browser' }).click();
    await expect(page.locator('[data-saved-status]')).toHaveText(`Saved “${name}” in this browser.`);
  };
  await save('Lean', '50000');
  await save('Generous', '80000');

  // By keyboard: the choices start at the two newest (older first); Enter on the button compares.
  await expect(page.getByLabel('First scenario')).toHaveValue('1');
  await expect(page.getByLabel('Second scenario')).toHaveValue('0');
  await page.getByLabel('Second scenario').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Compare' })).toBeFocused();
  await page.keyboard.press('Enter');

  const result = page.locator('[data-sc-result]');
  await expect(result.getByRole('heading', { name: '“Lean” and “Generous” side by side' })).toBeVisible();
  await expect(result).toContainText('1 input differs; the rest are the same.');
  const inputs = result.getByRole('table', { name: /Inputs that differ/ });
  await expect(inputs.getByRole('row')).toHaveCount(2);
  await expect(inputs.getByRole('row').nth(1)).toHaveText(/Base salary \(in-house\)\s*\$50,000\s*\$80,000\s*\+\$30,000 \(\+60%\)/);
  const results = result.getByRole('table', { name: /Results of/ });
  const inHouseCost = results.getByRole('row').filter({ hasText: 'Cost per opportunity' }).first();
  await expect(inHouseCost).toHaveClass(/is-diff/);
  await expect(inHouseCost.locator('.calc__sc-change')).toHaveText(/^\+\$[\d,]+ \(\+\d+(\.\d)?%\)$/);
  // The agency's rows do not depend on the SDR salary: "Same", in words.
  const agency = results.locator('tbody').nth(1);
  await expect(agency.getByRole('rowheader').first()).toHaveText('Outsourced agency');
  for (const change of await agency.locator('.calc__sc-change').all()) await expect(change).toHaveText('Same');
  await expect(results).toContainText('Cheapest per opportunity');
  expect(await axeViolations(page, '[data-sc-box]')).toEqual([]);

  await page.emulateMedia({ media: 'print' });
  await expect(result.getByRole('table', { name: /Results of/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Compare' })).toBeHidden();
});
