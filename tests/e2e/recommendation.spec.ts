// A leader answers the build, buy or full-cycle assessment and is told which way of staffing
// prospecting fits, by how much, and why; the link and the calculator work from there.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { axeViolations, expect, test } from './fixtures.ts';
import type { AssessmentPage } from './pages/index.ts';
import { contentRoot } from './content.ts';

const ID = 'build-buy-or-full-cycle';
const file = join(contentRoot, 'assessments', `${ID}.yaml`);
type Question = { id: string; prompt: string; options: { label: string }[] };
const yaml = existsSync(file) ? (parse(readFileSync(file, 'utf8')) as { kind?: string; questions: Question[] }) : { questions: [] };
test.skip(yaml.kind !== 'recommendation', `the content under test has no ${ID} recommendation assessment`);

/** Answers every question: the option whose label starts with `picks[id]`, else the middle one; then asks for the result. */
async function answer(assessmentPage: AssessmentPage, picks: Record<string, string>): Promise<void> {
  const labels = yaml.questions.map((question) => {
    const start = picks[question.id];
    const index = start === undefined ? Math.floor((question.options.length - 1) / 2) : question.options.findIndex((o) => o.label.startsWith(start));
    expect(index, `${question.id}: an option starting "${start}"`).toBeGreaterThanOrEqual(0);
    return question.options[index]!.label;
  });
  await assessmentPage.answerByLabel(labels);
  await assessmentPage.submit();
  await expect(assessmentPage.resultHeading).toBeFocused();
}

const AGENCY_CASE = {
  'ae-calendars': 'Full;',
  hiring: 'We have no recruiting',
  coaching: 'Nobody',
  'replacing-people': 'Each departure',
  seasonality: 'Very seasonal',
};

test('busy sellers, no way to hire or coach and seasonal demand: an agency, with the answers that decided it @subpath', async ({ page, assessmentPage }) => {
  await assessmentPage.goto(ID);
  await answer(assessmentPage, AGENCY_CASE);
  const { results } = assessmentPage;
  await expect(assessmentPage.band).toHaveText('Best fit: An outsourced agency');
  await expect(assessmentPage.recommendationLead).toHaveText(/^It fits \d+ out of 100, \d+ points ahead of the next best, /);
  await expect(assessmentPage.reasonsFor.getByRole('listitem').first()).toBeVisible();
  await expect(assessmentPage.reasonsFor).toContainText('Very seasonal');
  // Every option's fit is shown, best first.
  await expect(assessmentPage.meter()).toHaveCount(4);
  await expect(assessmentPage.meter().first()).toHaveAccessibleName('An outsourced agency');
  // Each answer in the review says which options it favours, never points.
  await expect(assessmentPage.reviewPoints.first()).toHaveText(/^\(favours /);
  await expect(results.getByRole('heading', { name: 'Strengths' })).toHaveCount(0);
  // The shared link shows the same recommendation in another browser.
  const link = await assessmentPage.copyResultLink();
  await page.goto(link);
  await expect(assessmentPage.sharedHeading).toBeVisible();
  await expect(assessmentPage.band).toHaveText('Best fit: An outsourced agency');
  await page.getByRole('link', { name: 'Put your own numbers on the choice in the pipeline cost calculator' }).click();
  await expect(page).toHaveURL(/calculator\/$/);
});

test('sellers with room in their weeks: full-cycle reps, even with a hiring process and a coach', async ({ assessmentPage }) => {
  await assessmentPage.goto(ID);
  await answer(assessmentPage, {
    'ae-calendars': 'Far from full',
    hiring: 'We have a recruiting process',
    coaching: 'An experienced manager',
    'replacing-people': 'Well;',
    seasonality: 'Steady all year',
  });
  await expect(assessmentPage.band).toHaveText('Best fit: Full-cycle account executives');
  await expect(assessmentPage.reasonsFor.getByRole('listitem').first()).toContainText('Far from full');
  // The history keeps the recommendation.
  await expect(assessmentPage.history).toContainText('Best fit: Full-cycle account executives');
});

for (const theme of ['light', 'dark'] as const) {
  test(`${theme} theme: a recommendation has no WCAG 2.2 A/AA violations`, async ({ page, assessmentPage }) => {
    await page.emulateMedia({ colorScheme: theme });
    await assessmentPage.goto(ID);
    await answer(assessmentPage, AGENCY_CASE);
    expect(await axeViolations(page)).toEqual([]);
  });
}
