import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { axeViolations, expect, test } from './fixtures.ts';
import { ChapterPage } from './pages/index.ts';
import { contentRoot } from './content.ts';

interface CheckFile {
  questions: {
    id: string;
    kind: string;
    prompt: string;
    options: { text: string; correct: boolean }[];
  }[];
}
interface PathFile {
  title: string;
  steps: { kind: string; ref?: string }[];
}

const PATH_ID = 'new-rep-first-30-days';
const pathFile = parse(readFileSync(join(contentRoot, 'paths', `${PATH_ID}.yaml`), 'utf8')) as PathFile;
const chapter = pathFile.steps[0]!.ref!;
const check = parse(readFileSync(join(contentRoot, 'checks', `${chapter}.yaml`), 'utf8')) as CheckFile;
const checkStep = pathFile.steps.findIndex((s) => s.kind === 'check' && s.ref === chapter) + 1;

/** Answers every question of the chapter's check, rightly or wrongly (except `missed`, answered wrongly), and submits. */
async function answer(chapterPage: ChapterPage, right: boolean, missed?: string): Promise<void> {
  for (const q of check.questions) {
    const group = chapterPage.check.getByRole('group', { name: q.prompt });
    const pick = q.options.filter((o) => (right && q.id !== missed ? o.correct : !o.correct));
    for (const o of q.kind === 'single' ? pick.slice(0, 1) : pick) {
      await group.getByLabel(o.text, { exact: true }).check();
    }
  }
  await chapterPage.submitCheck();
}

test.describe('a rep follows a path through a chapter and its knowledge check', () => {
  // A whole walk through several pages on a shared machine; each expectation keeps its own timeout.
  test.describe.configure({ timeout: 120_000 });
  test('step navigation, a check failed then passed, kept across reloads, the check step ticked', async ({ page, pathPage, chapterPage }) => {
    await pathPage.goto(PATH_ID);
    await pathPage.openFirstStep();
    await expect(page).toHaveURL(new RegExp(`chapters/${chapter}/\\?path=${PATH_ID}$`));
    await expect(page.getByText(`Step 1 of ${pathFile.steps.length} — ${pathFile.title}`)).toBeVisible();
    await expect(page.getByRole('navigation', { name: `Path: ${pathFile.title}` }).getByRole('link', { name: /Next step/ })).toHaveAttribute(
      'href',
      /\?path=new-rep-first-30-days#check$/,
    );

    // Submitting with nothing chosen explains it beside the first question instead of scoring.
    await chapterPage.submitCheck();
    await expect(page.getByText('Choose an answer to this question before checking.').first()).toBeVisible();

    await answer(chapterPage, false);
    await expect(page.getByText(`Not passed yet: 0 of ${check.questions.length} correct`)).toBeVisible();
    await expect(page.getByText('Not correct, though you chose it.').first()).toBeVisible();
    await expect(page.getByText('Missed: this one is correct.').first()).toBeVisible();

    await page.reload();
    // The check's code loads as the reader reaches the check.
    await chapterPage.scrollToCheck();
    await expect(page.getByText(`Your attempts: 1; best 0 of ${check.questions.length}; not passed yet.`)).toBeVisible();
    await answer(chapterPage, true);
    await expect(page.getByText(`Passed: ${check.questions.length} of ${check.questions.length} correct.`)).toBeVisible();

    await page.reload();
    await chapterPage.scrollToCheck();
    await expect(
      page.getByText(new RegExp(`Your attempts: 2; best ${check.questions.length} of ${check.questions.length}; passed on \\d{4}-\\d{2}-\\d{2}\\.`)),
    ).toBeVisible();
    await pathPage.goto(PATH_ID);
    await expect(pathPage.stepDoneBox(checkStep)).toBeChecked();
  });

  test('with JavaScript off the step links and the answers are still there', async ({ browser, baseURL }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      ...(baseURL ? { baseURL } : {}),
    });
    const page = await context.newPage();
    const chapterPage = new ChapterPage(page);
    await chapterPage.goto(chapter, { path: PATH_ID });
    await expect(page.getByText(`Step 1 of ${pathFile.steps.length} — ${pathFile.title}`)).toBeVisible();
    const answers = chapterPage.check.locator('details').first();
    await answers.locator('summary').click();
    await expect(answers.getByText('Correct:').first()).toBeVisible();
    await context.close();
  });

  test('the chapter page with its check is axe-clean, before and after submitting', async ({ page, chapterPage }) => {
    await chapterPage.goto(chapter, { path: PATH_ID });
    expect(await axeViolations(page, '#check')).toEqual([]);
    await answer(chapterPage, false);
    expect(await axeViolations(page)).toEqual([]);
  });
});

interface CertifiedPath {
  steps: { kind: string; ref?: string }[];
  certification: { title: string; assessments: { id: string; minScore?: number }[] };
}

test.describe('a new rep walks a path to its certificate, then reviews a missed question the next day', () => {
  test.describe.configure({ timeout: 300_000 });

  test('chapter, a check failed then passed, an assessment, the certificate; the missed question is due the next day @subpath', async ({
    page,
    baseURL,
    homePage,
    pathPage,
    chapterPage,
    assessmentPage,
    certificatePage,
    progressPage,
  }) => {
    const certified = pathFile as unknown as CertifiedPath;
    const start = new Date('2026-03-02T10:00:00');
    await page.clock.install({ time: start });
    const base = new URL(baseURL ?? 'http://x/').pathname;
    const at = '2026-03-01T09:00:00.000Z';
    const chapters = [...new Set(certified.steps.filter((s) => s.kind === 'chapter').map((s) => s.ref!))];
    const checks = chapters.filter((c) => existsSync(join(contentRoot, 'checks', `${c}.yaml`)));
    const [walked, ...otherAssessments] = certified.certification.assessments;
    // Everything but the first chapter, its check and one assessment was done earlier in this browser.
    await homePage.goto();
    await page.evaluate(
      ({ base, at, chapters, checks, chapter, others }) => {
        const done = Object.fromEntries(chapters.filter((c) => c !== chapter).map((c) => [c, at]));
        localStorage.setItem(`pb-progress:${base}`, JSON.stringify({ format: 'pb-progress', version: 1, chapters: done, steps: {} }));
        const passed = Object.fromEntries(checks.filter((c) => c !== chapter).map((c) => [c, { attempts: 1, best: 5, total: 5, lastAt: at, passedAt: at }]));
        localStorage.setItem(`pb-checks:${base}`, JSON.stringify({ format: 'pb-checks', version: 1, checks: passed, review: {} }));
        for (const a of others) {
          localStorage.setItem(
            `pb-assessment:${base}${a.id}`,
            JSON.stringify({ version: 1, answers: {}, history: [{ takenAt: at, answers: {}, overall: Math.max(a.minScore ?? 0, 70), band: 'Seeded' }] }),
          );
        }
      },
      { base, at, chapters, checks, chapter, others: otherAssessments },
    );

    await certificatePage.goto(PATH_ID);
    await expect(page.getByText(/self-issued/i).first()).toBeVisible();
    await expect(page.getByText('Your certificate appears here when every requirement is met.')).toBeVisible();

    // The chapter, opened from the path, marked done.
    await pathPage.goto(PATH_ID);
    await pathPage.openFirstStep();
    await chapterPage.markDone();
    await page.reload();
    await expect(chapterPage.doneBox).toBeChecked();

    // The check: failed, then passed with one question missed.
    const missed = check.questions[check.questions.length - 1]!;
    await answer(chapterPage, false);
    await expect(page.getByText(/^Not passed yet/)).toBeVisible();
    await page.reload();
    // As a reader would: the check shows the first attempt once its code has loaded, then the second begins.
    await chapterPage.scrollToCheck();
    await expect(chapterPage.check).toContainText('Your attempts: 1;');
    await answer(chapterPage, true, missed.id);
    await expect(page.getByText(`Passed: ${check.questions.length - 1} of ${check.questions.length} correct.`)).toBeVisible();

    // The assessment, finished with every answer worth full points.
    await assessmentPage.goto(walked!.id, '', { ready: false });
    await assessmentPage.answerAll('last');
    await assessmentPage.submit();
    await expect(assessmentPage.resultHeading).toBeVisible();
    await pathPage.goto(PATH_ID);
    const assessmentStep = certified.steps.findIndex((s) => s.kind === 'assessment' && s.ref === walked!.id) + 1;
    await expect(pathPage.stepDoneBox(assessmentStep)).toBeChecked();

    // The certificate: every requirement met; the name is the rep's own, kept across a reload.
    await certificatePage.goto(PATH_ID);
    await expect(page.getByText('Every requirement is met. Enter your name above to see your certificate.')).toBeVisible();
    await certificatePage.saveName();
    await expect(page.getByText('Enter your name as it should appear, 1 to 80 characters.')).toBeVisible();
    await certificatePage.saveName('Ana Ruiz');
    await page.reload();
    const certificate = certificatePage.certificate(certified.certification.title);
    await expect(certificate.getByText('Ana Ruiz')).toBeVisible();
    await expect(certificate.getByText(`completed the path ${pathFile.title} on March 2, 2026.`)).toBeVisible();
    await expect(
      certificate.getByRole('row', { name: new RegExp(`Knowledge check: .* ${check.questions.length - 1} of ${check.questions.length}`) }).first(),
    ).toBeVisible();
    await expect(certificate.getByText(/No server recorded or verified it/)).toBeVisible();
    expect(await axeViolations(page)).toEqual([]);

    // Today: nothing due. Tomorrow: the missed question is in Today's review, on the home and progress pages.
    await homePage.goto();
    await expect(page.getByRole('heading', { name: 'Today’s review' })).toBeHidden();
    await page.clock.setSystemTime(new Date('2026-03-03T08:00:00'));
    await page.reload();
    const review = homePage.todayReview;
    await expect(review.getByRole('link', { name: missed.prompt })).toBeVisible();
    await expect(review.getByRole('listitem')).toHaveCount(1);
    await progressPage.goto();
    await expect(progressPage.todayReview.getByRole('link', { name: missed.prompt })).toBeVisible();
    const download = await progressPage.downloadReminder();
    expect(download.suggestedFilename()).toBe('playbook-review.ics');
    expect(await axeViolations(page)).toEqual([]);
  });
});
