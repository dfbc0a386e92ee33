import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { axeViolations, expect, open, test } from './fixtures.ts';
import { AssessmentPage } from './pages/index.ts';
import { contentRoot, readChapters } from './content.ts';

const ID = 'prospecting-habits';
const file = join(contentRoot, 'assessments', `${ID}.yaml`);
test.skip(!existsSync(file), `the content under test has no ${ID} assessment`);

const yaml = existsSync(file) ? (parse(readFileSync(file, 'utf8')) as { title: string; questions: unknown[] }) : { title: '', questions: [] };
const TOTAL = yaml.questions.length;
const title = (id: string) => readChapters().find((c) => c.id === id)?.title ?? id;

/**
 * A fixed set of answers (option index per question, in the order asked) and its result, worked
 * out by hand from src/content/assessments/prospecting-habits.yaml. Points = weight × option score;
 * agreement items score 0-4 (4-0 when reverse).
 *
 *   routine    weekly-time (w2) "An hour or two" 1×2=2/8; blocked-time Disagree 1/4;
 *              first-to-go (reverse) Agree 1/4                        →  4/16 = 25
 *   ownership  pipeline-source (w2) "About half" 2×2=4/8; thin-pipeline (reverse) Disagree 3/4;
 *              shortfall-plan "Work out…" 4/4; cold-calls Neither 2/4  → 13/20 = 65
 *   targeting  target-list "written list, rarely" 2/4; several-contacts Agree 3/4;
 *              research "something specific" 3/4                      →  8/12 = 66.7 → 67
 *   outcomes   good-week "meetings and opportunities" 4/4; second-meetings Agree 3/4;
 *              change-approach Strongly agree 4/4                     → 11/12 = 91.7 → 92
 *   overall    36/60 = 60 → band 40-64 "Prospecting when there is time"
 *
 * Gap: routine (below 50); strength: outcomes (70 or more). Read next: the band's three chapters
 * (the routine gap's weekly-prospecting-routine is already among them).
 */
const FIXED = [1, 1, 3, 2, 1, 3, 2, 2, 3, 2, 3, 3, 4];
const FIXED_RESULT = {
  overall: '60',
  band: 'Prospecting when there is time',
  dimensions: { 'Routine and rhythm': '25', 'Ownership of your pipeline': '65', 'Targets and lists': '67', 'Effort that turns into outcomes': '92' },
  readNext: ['weekly-prospecting-routine', 'working-a-target-list', 'efficiency-versus-effectiveness'],
};
type Question = { kind: string; reverse?: boolean; options?: { score: number }[] };
/** The option index worth the most (best) or least points for each question, read from the file. */
const extreme = (best: boolean): number[] =>
  (yaml.questions as Question[]).map((q) => {
    if (q.kind === 'agreement') return best === (q.reverse === true) ? 0 : 4;
    const scores = (q.options ?? []).map((o) => o.score);
    return scores.indexOf(best ? Math.max(...scores) : Math.min(...scores));
  });
/** Every answer worth full points (reverse statements: strongly disagree) → 100 everywhere. */
const BEST = extreme(true);
/** Every answer worth nothing (reverse statements: strongly agree) → 0 everywhere. */
const WORST = extreme(false);

async function expectFixedResult(assessment: AssessmentPage): Promise<void> {
  await expect(assessment.overall).toHaveText(FIXED_RESULT.overall);
  await expect(assessment.band).toHaveText(FIXED_RESULT.band);
  for (const [name, score] of Object.entries(FIXED_RESULT.dimensions)) {
    await expect(assessment.meter(name)).toHaveAttribute('value', score);
  }
  await expect(assessment.readNext).toHaveText(FIXED_RESULT.readNext.map(title));
  for (const [i, id] of FIXED_RESULT.readNext.entries()) await expect(assessment.readNext.nth(i)).toHaveAttribute('href', new RegExp(`chapters/${id}/$`));
  await expect(assessment.gaps).toContainText('Routine and rhythm: 25');
  await expect(assessment.strengths).toContainText('Effort that turns into outcomes: 92');
}

test.beforeEach(async ({ assessmentPage, javaScriptEnabled }) => {
  if (javaScriptEnabled === false) return;
  await assessmentPage.goto(ID);
});

test('taking an assessment by keyboard gives the expected result @subpath', async ({ page, assessmentPage, chapterPage }) => {
  const firstRadio = assessmentPage.question(1, TOTAL).getByRole('radio').first();
  // From the top of the page, Tab to the first question's first option.
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    if (await firstRadio.evaluate((el) => el === document.activeElement)) break;
  }
  await expect(firstRadio).toBeFocused();
  for (const [i, index] of FIXED.entries()) {
    if (i > 0) await page.keyboard.press('Tab');
    await page.keyboard.press('Space');
    for (let k = 0; k < index; k++) await page.keyboard.press('ArrowDown');
    await expect(
      assessmentPage
        .question(i + 1, TOTAL)
        .getByRole('radio')
        .nth(index),
    ).toBeChecked();
  }
  await expect(assessmentPage.answered(TOTAL, TOTAL)).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(assessmentPage.submitButton).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(assessmentPage.resultHeading).toBeFocused();
  await expect(assessmentPage.form).toBeHidden();
  await expectFixedResult(assessmentPage);
  // The result is in the dated history, and comes back on reload.
  await expect(assessmentPage.history).toHaveCount(1);
  await expect(assessmentPage.historyTimes).toHaveAttribute('datetime', /^\d{4}-\d{2}-\d{2}T/);
  await page.reload();
  await expectFixedResult(assessmentPage);
  // Following a "read next" link lands on the chapter, under any base path.
  await assessmentPage.readNext.first().click();
  await expect(chapterPage.heading(title(FIXED_RESULT.readNext[0]!))).toBeVisible();
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('the questions can be read, and the page says scoring needs JavaScript', async ({ page, assessmentPage }) => {
    await open(page, 'assessments/');
    await page.getByRole('link', { name: yaml.title }).click();
    await expect(page.getByRole('heading', { level: 1, name: yaml.title })).toBeVisible();
    // Playwright's text locators skip <noscript> content, so the note is found by its element.
    await expect(page.locator('main noscript p')).toBeVisible();
    await expect(page.locator('main noscript p')).toContainText('Scoring needs JavaScript.');
    await expect(assessmentPage.questions).toHaveCount(TOTAL);
    await expect(assessmentPage.submitButton).toBeDisabled();
  });
});

test('unanswered questions are named and the first one gets focus', async ({ page, assessmentPage }) => {
  await assessmentPage.answer(FIXED, 1, 2);
  await assessmentPage.submit();
  await expect(page.getByRole('alert')).toContainText(
    `Answer every question to see your result: ${TOTAL - 2} left (questions 3, 4, 5, 6, 7, 8 and ${TOTAL - 8} more)`,
  );
  await expect(assessmentPage.question(3, TOTAL).getByRole('radio').first()).toBeFocused();
});

test('reloading mid-way resumes with the answers given so far', async ({ page, assessmentPage }) => {
  await assessmentPage.answer(FIXED, 1, 5);
  await expect(assessmentPage.answered(5, TOTAL)).toBeVisible();
  await page.reload();
  await expect(assessmentPage.answered(5, TOTAL)).toBeVisible();
  for (let n = 1; n <= 5; n++)
    await expect(
      assessmentPage
        .question(n, TOTAL)
        .getByRole('radio')
        .nth(FIXED[n - 1]!),
    ).toBeChecked();
  await expect(assessmentPage.question(6, TOTAL).getByRole('radio', { checked: true })).toHaveCount(0);
  await page.getByRole('link', { name: 'Continue with question 6' }).click();
  await expect(page).toHaveURL(/#q-/);
  await assessmentPage.answer(FIXED, 6);
  await assessmentPage.submit();
  await expectFixedResult(assessmentPage);
});

test.describe('before the assessment’s code has started', () => {
  /** The assessment's own code, which the page loads on the reader's first act. */
  const CODE = /\/pb-assessment\.[^/]*\.js$/;

  test('the page loads none of it until the reader acts; a form sent meanwhile is answered once it has started', async ({ browser }) => {
    const context = await browser.newContext();
    const page = new AssessmentPage(await context.newPage());
    const scripts: string[] = [];
    page.page.on('request', (request) => {
      if (CODE.test(request.url())) scripts.push(request.url());
    });
    await page.goto(ID, '', { ready: false });
    await page.page.waitForLoadState('networkidle');
    await page.page.waitForTimeout(1000);
    expect(scripts, 'the assessment’s code was not loaded').toEqual([]);
    await expect(page.answered(0, TOTAL)).toBeVisible();
    // Sending the form is the reader's first act: the code loads, then names what is left to answer.
    await page.submit();
    await expect(page.page.getByRole('alert')).toContainText(`Answer every question to see your result: ${TOTAL} left`);
    expect(scripts).toHaveLength(1);
    await context.close();
  });

  test('an answer given before the code could load is kept, through a reload', async ({ browser }) => {
    const context = await browser.newContext();
    const page = new AssessmentPage(await context.newPage());
    // As when the file is missing for a moment (a partial upload): the fault shows as a 404.
    await page.page.route(CODE, (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(ID, '', { ready: false });
    await page.answer(FIXED, 1, 1);
    await expect(page.notice).toContainText('part of the page did not load');
    await page.page.unroute(CODE);
    await page.page.reload();
    await page.started();
    await expect(page.answered(1, TOTAL)).toBeVisible();
    await expect(page.question(1, TOTAL).getByRole('radio').nth(FIXED[0]!)).toBeChecked();
    await context.close();
  });
});

test('retake clears the answers and keeps the history', async ({ page, assessmentPage }) => {
  await assessmentPage.finish(FIXED);
  await assessmentPage.retake();
  await expect(assessmentPage.form).toBeVisible();
  await expect(assessmentPage.answered(0, TOTAL)).toBeVisible();
  await expect(page.getByRole('radio', { checked: true })).toHaveCount(0);
  await assessmentPage.finish(BEST);
  await expect(assessmentPage.overall).toHaveText('100');
  const { history } = assessmentPage;
  await expect(history).toHaveCount(2);
  await expect(history.first()).toContainText('100 out of 100');
  await expect(history.last()).toContainText(`60 out of 100, ${FIXED_RESULT.band}`);
});

test('the result link reproduces the result, read-only @subpath', async ({ assessmentPage, browser }) => {
  await assessmentPage.finish(FIXED);
  const link = await assessmentPage.copyResultLink('Ana');
  // Another browser profile: nothing saved, only the link.
  const context = await browser.newContext();
  const otherPage = await context.newPage();
  const other = new AssessmentPage(otherPage);
  await otherPage.goto(link);
  await expect(other.sharedHeading).toBeVisible();
  await expect(other.sharedBanner).toContainText('by Ana');
  await expect(other.sharedBanner).toContainText('read-only');
  await expectFixedResult(other);
  await expect(other.form).toBeHidden();
  await expect(other.retakeButton).toBeHidden();
  await expect(other.historyHeading).toBeHidden();
  // Nothing was saved by looking at it.
  expect(await otherPage.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('pb-assessment:')))).toEqual([]);
  await otherPage.getByRole('link', { name: 'Take this self-assessment yourself' }).click();
  await expect(other.form).toBeVisible();
  await expect(other.answered(0, TOTAL)).toBeVisible();
  await context.close();
});

test('a tampered result link is refused with its reason and the questionnaire shown', async ({ page, assessmentPage }) => {
  await assessmentPage.finish(FIXED);
  const link = await assessmentPage.copyResultLink();
  await assessmentPage.retake();
  // A better answer to the first question, without a matching check code.
  const tampered = link.replace('weekly-time.1', 'weekly-time.3');
  expect(tampered).not.toBe(link);
  await page.goto(tampered);
  await expect(page.getByRole('alert')).toContainText('This result link has been changed or cut short since it was made');
  await expect(assessmentPage.form).toBeVisible();
  await expect(assessmentPage.results).toBeHidden();
  // Markup in a link is never rendered as markup.
  await page.goto(`${link.split('#')[0]}#pb-result=1&a=%3Cimg%20src%3Dx%3E&q=&t=x&c=0`);
  await expect(page.getByRole('alert')).toBeVisible();
  await expect(page.locator('pb-assessment img')).toHaveCount(0);
});

test('corrupt saved answers are dropped with a notice', async ({ page, assessmentPage }) => {
  // Saved answers are kept per base path: pb-assessment:<base><id>.
  await page.evaluate(
    (id) =>
      localStorage.setItem(`pb-assessment:${document.documentElement.dataset['base']}${id}`, '{"version":1,"answers":{"weekly-time":"lots"},"history":[]}'),
    ID,
  );
  await page.reload();
  await expect(assessmentPage.notice.filter({ hasText: 'could not be read' }).first()).toBeVisible();
  await expect(assessmentPage.answered(0, TOTAL)).toBeVisible();
  await assessmentPage.finish(FIXED);
  await expectFixedResult(assessmentPage);
});

test('a result downloads as a JSON file', async ({ assessmentPage }) => {
  await assessmentPage.finish(FIXED);
  const download = await assessmentPage.downloadResult('Ana');
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${ID}-result-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const saved = JSON.parse(readFileSync(await download.path(), 'utf8')) as Record<string, unknown>;
  expect(saved).toMatchObject({ format: 'pb-assessment-result', version: 1, assessment: ID, name: 'Ana' });
  expect(Object.values(saved['answers'] as Record<string, number>)).toEqual(FIXED);
});

test('printing a result shows the result only', async ({ page, assessmentPage, siteHeader }) => {
  await assessmentPage.finish(FIXED);
  await page.emulateMedia({ media: 'print' });
  await expect(siteHeader.banner).toBeHidden();
  await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
  await expect(assessmentPage.historyHeading).toBeHidden();
  await expect(page.locator('.assessment-intro')).toBeHidden();
  await expect(assessmentPage.resultHeading).toBeVisible();
  await expect(assessmentPage.readNext).toHaveCount(3);
});

test('a team roll-up of three exported results shows the right averages @subpath', async ({ page, assessmentPage, teamRollUpPage: team }) => {
  await assessmentPage.finish(FIXED);
  const ana = await assessmentPage.resultFile('Ana.json', 'Ana');
  await assessmentPage.retake();
  await assessmentPage.finish(BEST);
  const benLink = await assessmentPage.copyResultLink('Ben');
  await assessmentPage.retake();
  await assessmentPage.finish(WORST);
  await expect(assessmentPage.overall).toHaveText('0');
  const anonymous = await assessmentPage.resultFile('anonymous.json', '');

  await open(page, 'assessments/');
  await page.getByRole('link', { name: 'Open the team roll-up' }).click();
  await expect(page.getByText('Nothing is uploaded.')).toBeVisible();
  await team.rollUp({ files: [ana, anonymous], links: `${benLink}\n` });

  await expect(team.status).toContainText('3 results read. Nothing was uploaded.');
  // Overall 60, 100 and 0: mean 160/3 = 53.3, median 60.
  await expect(team.summary).toHaveText('3 people. Overall mean 53.3 out of 100 (median 60, from 0 to 100).');
  await expect(team.people).toHaveText([/^Ana \(file/, /^Person 2 \(file/, /^Ben \(link on line 1\)/]);
  // Per area: lowest, median, mean, highest, then the 0-24 / 25-49 / 50-74 / 75-100 counts.
  const expected: [string, string[]][] = [
    ['Overall', ['0', '60', '53.3', '100', '1', '0', '1', '1']],
    ['Routine and rhythm', ['0', '25', '41.7', '100', '1', '1', '0', '1']], // (0+25+100)/3
    ['Ownership of your pipeline', ['0', '65', '55', '100', '1', '0', '1', '1']], // (0+65+100)/3
    ['Targets and lists', ['0', '67', '55.7', '100', '1', '0', '1', '1']], // (0+67+100)/3
    ['Effort that turns into outcomes', ['0', '92', '64', '100', '1', '0', '0', '2']], // (0+92+100)/3
  ];
  for (const [area, cells] of expected) {
    await expect(team.area(area)).toHaveText(cells);
  }
  // weekly-prospecting-routine: recommended for the fixed set and the worst (read next for both);
  // then the two others recommended twice, in the order first seen.
  const { chapters } = team;
  await expect(chapters.locator('a').first()).toHaveText(title('weekly-prospecting-routine'));
  await expect(chapters.first()).toContainText('recommended for 2 of 3; among the three to read next for 2');
  await expect(chapters.locator('a').nth(1)).toHaveText(title('working-a-target-list'));
  await expect(chapters.locator('a').nth(2)).toHaveText(title('efficiency-versus-effectiveness'));
  await expect(chapters.locator('a').first()).toHaveAttribute('href', /chapters\/weekly-prospecting-routine\/$/);
});

test('the team roll-up refuses files and links that are not results, as text', async ({ page, assessmentPage, teamRollUpPage: team }) => {
  await assessmentPage.finish(FIXED);
  const good = await assessmentPage.copyResultLink();
  await team.goto();
  const markup = JSON.stringify({
    format: 'pb-assessment-result',
    version: 1,
    assessment: ID,
    takenAt: '2025-03-04T09:30:00.000Z',
    answers: Object.fromEntries(FIXED.map((index, i) => [(yaml.questions[i] as { id: string }).id, index])),
    name: '<img src=x onerror=alert(1)>',
  });
  await team.rollUp({
    files: [
      { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": "world"}') },
      { name: 'photo.json', mimeType: 'application/json', buffer: Buffer.from('not json at all') },
      { name: 'markup.json', mimeType: 'application/json', buffer: Buffer.from(markup) },
    ],
    links: `${good.replace('weekly-time.1', 'weekly-time.3')}\nhttps://example.com/\n`,
  });
  await expect(team.refused).toHaveText([
    /^File "notes\.json": This file is not a self-assessment result: it has no "format"/,
    /^File "photo\.json": This file is not a self-assessment result: it is not JSON text/,
    /^Link on line 1: This result link has been changed or cut short/,
    /^Link on line 2: This is not a result link/,
  ]);
  await expect(team.status).toContainText('1 result read, 4 not included');
  await expect(team.people).toHaveText(['<img src=x onerror=alert(1)> (file "markup.json")']);
  await expect(page.locator('pb-team-roll-up img')).toHaveCount(0);
});

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    test('the results, a shared result and a team roll-up have no WCAG 2.2 A/AA violations', async ({ page, assessmentPage, teamRollUpPage: team }) => {
      const axe = () => axeViolations(page);
      await assessmentPage.finish(FIXED);
      const link = await assessmentPage.copyResultLink('Ana');
      expect(await axe()).toEqual([]);
      await page.goto(link);
      await expect(assessmentPage.sharedHeading).toBeVisible();
      expect(await axe()).toEqual([]);
      await team.goto();
      await team.rollUp({ links: `${link}\nnot a link` });
      await expect(team.summary).toContainText('1 person');
      expect(await axe()).toEqual([]);
    });
  });
}
