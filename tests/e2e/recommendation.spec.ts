// A leader answers the build, buy or full-cycle assessment and is told which way of staffing
// prospecting fits, by how much, and why; the link and the calculator work from there.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { axeViolations, expect, open, test } from './fixtures.ts';
import { contentRoot } from './content.ts';

const ID = 'build-buy-or-full-cycle';
const file = join(contentRoot, 'assessments', `${ID}.yaml`);
type Question = { id: string; prompt: string; options: { label: string }[] };
const yaml = existsSync(file) ? (parse(readFileSync(file, 'utf8')) as { kind?: string; questions: Question[] }) : { questions: [] };
test.skip(yaml.kind !== 'recommendation', `the content under test has no ${ID} recommendation assessment`);

/** Answers every question: the option whose label starts with `picks[id]`, else the middle one. */
async function answer(page: Page, picks: Record<string, string>): Promise<void> {
  for (const question of yaml.questions) {
    const start = picks[question.id];
    const index = start === undefined ? Math.floor((question.options.length - 1) / 2) : question.options.findIndex((o) => o.label.startsWith(start));
    expect(index, `${question.id}: an option starting "${start}"`).toBeGreaterThanOrEqual(0);
    await page.getByRole('radio', { name: question.options[index]!.label, exact: true }).check();
  }
  await page.getByRole('button', { name: 'See my result' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Your result' })).toBeFocused();
}

const AGENCY_CASE = {
  'ae-calendars': 'Full;',
  hiring: 'We have no recruiting',
  coaching: 'Nobody',
  'replacing-people': 'Each departure',
  seasonality: 'Very seasonal',
};

test('busy sellers, no way to hire or coach and seasonal demand: an agency, with the answers that decided it @subpath', async ({ page }) => {
  await open(page, `assessments/${ID}/`);
  await expect(page.getByRole('button', { name: 'See my result' })).toBeEnabled();
  await answer(page, AGENCY_CASE);
  const results = page.locator('[data-results]');
  await expect(results.locator('[data-band-label]')).toHaveText('Best fit: An outsourced agency');
  await expect(results.locator('[data-recommendation-lead]')).toHaveText(/^It fits \d+ out of 100, \d+ points ahead of the next best, /);
  await expect(results.locator('[data-reasons-for] li').first()).toBeVisible();
  await expect(results.locator('[data-reasons-for]')).toContainText('Very seasonal');
  // Every option's fit is shown, best first.
  await expect(results.getByRole('meter')).toHaveCount(4);
  await expect(results.getByRole('meter').first()).toHaveAccessibleName('An outsourced agency');
  // Each answer in the review says which options it favours, never points.
  await expect(results.locator('[data-review] [data-points]').first()).toHaveText(/^\(favours /);
  await expect(results.getByRole('heading', { name: 'Strengths' })).toHaveCount(0);
  // The shared link shows the same recommendation in another browser.
  await page.getByRole('button', { name: 'Copy result link' }).click();
  const link = await page.getByRole('textbox', { name: 'Result link' }).inputValue();
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 2, name: 'Shared result' })).toBeVisible();
  await expect(page.locator('[data-band-label]')).toHaveText('Best fit: An outsourced agency');
  await page.getByRole('link', { name: 'Put your own numbers on the choice in the pipeline cost calculator' }).click();
  await expect(page).toHaveURL(/calculator\/$/);
});

test('sellers with room in their weeks: full-cycle reps, even with a hiring process and a coach', async ({ page }) => {
  await open(page, `assessments/${ID}/`);
  await expect(page.getByRole('button', { name: 'See my result' })).toBeEnabled();
  await answer(page, {
    'ae-calendars': 'Far from full',
    hiring: 'We have a recruiting process',
    coaching: 'An experienced manager',
    'replacing-people': 'Well;',
    seasonality: 'Steady all year',
  });
  await expect(page.locator('[data-band-label]')).toHaveText('Best fit: Full-cycle account executives');
  await expect(page.locator('[data-reasons-for] li').first()).toContainText('Far from full');
  // The history keeps the recommendation.
  await expect(page.locator('[data-history-list] li')).toContainText('Best fit: Full-cycle account executives');
});

for (const theme of ['light', 'dark'] as const) {
  test(`${theme} theme: a recommendation has no WCAG 2.2 A/AA violations`, async ({ page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await open(page, `assessments/${ID}/`);
    await expect(page.getByRole('button', { name: 'See my result' })).toBeEnabled();
    await answer(page, AGENCY_CASE);
    expect(await axeViolations(page)).toEqual([]);
  });
}
