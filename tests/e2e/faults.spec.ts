/**
 * The fault suite: the browser refusing storage, storage full, damaged stored data, two tabs, old
 * exports, content at its limits. Each test injects the fault and checks what the reader sees and that
 * nothing they did is lost or misreported.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { expect, test } from './fixtures.ts';
import { ChapterPage } from './pages/index.ts';
import { contentRoot, readChapters } from './content.ts';

const chapter = readChapters()[0]!;
const ASSESSMENT = 'prospecting-habits';

const faults = {
  /** Site data blocked: reading `localStorage` throws, as in Chromium with cookies blocked. */
  blocked: () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  },
  /** Firefox with storage disabled: `localStorage` is null. */
  null: () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      value: null,
    });
  },
} as const;

for (const [name, fault] of Object.entries(faults)) {
  test.describe(`storage ${name}`, () => {
    test.beforeEach(async ({ page }) => {
      await page.addInitScript(fault);
    });

    test('every page says nothing is saved, and chapters and assessments keep working for the visit', async ({ chapterPage, assessmentPage, siteHeader }) => {
      test.setTimeout(90_000);
      await chapterPage.goto(chapter.id);
      await expect(siteHeader.storageNotice).toBeVisible();
      await expect(siteHeader.storageNotice).toContainText('not letting this site save anything');
      // Ticking cannot be kept: the box says so rather than pretending.
      await chapterPage.doneBox.check({ force: true }).catch(() => undefined);
      await expect(chapterPage.doneBox).not.toBeChecked();
      await expect(chapterPage.progressNotice).toContainText('could not be saved');

      await assessmentPage.goto(ASSESSMENT, '', { ready: false });
      await expect(siteHeader.storageNotice).toBeVisible();
      await expect(assessmentPage.submitButton).toBeEnabled();
      await assessmentPage.answerAll();
      await assessmentPage.submit();
      await expect(assessmentPage.resultHeading).toBeVisible();
      await expect(assessmentPage.notice.first()).toContainText('cannot be saved');
    });
  });
}

test.describe('storage full', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => {
      Storage.prototype.setItem = function () {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
  });

  test('"done" is not left ticked when nothing was saved, and the page says why', async ({ chapterPage, siteHeader }) => {
    await chapterPage.goto(chapter.id);
    await expect(siteHeader.storageNotice).toContainText('storage for this site is full');
    await chapterPage.doneBox.click();
    await expect(chapterPage.doneBox).not.toBeChecked();
    await expect(chapterPage.progressNotice).toContainText('could not be saved');
  });
});

test('with storage working, no storage notice is shown and "done" is kept', async ({ page, chapterPage, siteHeader }) => {
  await chapterPage.goto(chapter.id);
  await chapterPage.markDone();
  await page.reload();
  await expect(chapterPage.doneBox).toBeChecked();
  await expect(siteHeader.storageNotice).toBeHidden();
});

/** Writes `value` under `name + <site base>` in this page's storage, as an earlier visit (or damage) left it. */
async function store(page: Page, prefix: string, suffix: string, value: string): Promise<string> {
  return page.evaluate(
    ([p, s, v]) => {
      const key = `${p}${document.documentElement.dataset['base'] ?? '/'}${s}`;
      localStorage.setItem(key, v);
      return key;
    },
    [prefix, suffix, value] as const,
  );
}

const stored = (page: Page, key: string) => page.evaluate((k) => localStorage.getItem(k), key);
const T = (day: number) => `2026-03-0${day}T09:30:00.000Z`;

test.describe('one bad entry among good ones @subpath', () => {
  test('assessment history: the good results stay, the page counts what was set aside, and the raw copy survives answering', async ({
    page,
    assessmentPage,
    chapterPage,
    siteHeader,
  }) => {
    await assessmentPage.goto(ASSESSMENT, '', { ready: false });
    const entry = (overall: number, band: string) => ({ takenAt: T(overall % 9 || 1), answers: {}, overall, band });
    const raw = JSON.stringify({ version: 1, answers: {}, history: [entry(40, 'Early days'), entry(60, 'x'.repeat(5000)), entry(70, 'Building')] });
    const key = await store(page, 'pb-assessment:', ASSESSMENT, raw);
    await page.reload();
    await expect(assessmentPage.history).toHaveCount(2);
    await expect(assessmentPage.notice.first()).toContainText('One saved entry for this self-assessment could not be read and was set aside');
    await expect(siteHeader.setAsideNotice).toContainText('could not be read and was set aside');
    // Answering (and browsing on) writes the salvaged state; the unreadable original is kept apart.
    await assessmentPage.question(1).getByRole('radio').first().check();
    await chapterPage.goto(chapter.id);
    expect(await stored(page, `pb-set-aside:${key}`)).toBe(raw);
    await expect(siteHeader.setAsideNotice).toBeVisible();
    const download = await siteHeader.downloadSetAside();
    const file = test.info().outputPath('set-aside.json');
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ format: 'pb-set-aside', copies: [{ key, text: raw }] });
    await siteHeader.discardSetAside();
    await expect(siteHeader.setAsideNotice).toContainText('Discarded the set-aside copy.');
    expect(await stored(page, `pb-set-aside:${key}`)).toBeNull();
    await page.reload();
    await expect(siteHeader.setAsideNotice).toBeHidden();
  });

  test('progress: one bad date hides nothing else, and "Export progress" writes what was kept', async ({ page, chapterPage, progressPage }) => {
    await chapterPage.goto(chapter.id);
    const raw = JSON.stringify({ format: 'pb-progress', version: 1, chapters: { [chapter.id]: T(1), 'some-other-chapter': 'yesterday' }, steps: {} });
    const key = await store(page, 'pb-progress:', '', raw);
    await page.reload();
    await expect(chapterPage.doneBox).toBeChecked();
    await expect(chapterPage.progressNotice).toContainText('One entry of the progress saved in this browser could not be read and was set aside');
    await progressPage.goto();
    const download = await progressPage.exportProgress();
    const file = test.info().outputPath('progress.json');
    await download.saveAs(file);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ chapters: { [chapter.id]: T(1) } });
    expect(await stored(page, `pb-set-aside:${key}`)).toBe(raw);
  });

  test('knowledge-check results: one damaged entry is set aside, the others still count, and the raw text is offered back', async ({
    page,
    chapterPage,
    siteHeader,
  }) => {
    const checked = readdirSync(join(contentRoot, 'checks'))
      .find((f) => f.endsWith('.yaml'))
      ?.replace(/\.yaml$/, '');
    test.skip(!checked, 'the content under test has no knowledge check');
    await chapterPage.goto(checked!);
    const good = { attempts: 2, best: 4, total: 5, lastAt: T(2), passedAt: T(2) };
    const raw = JSON.stringify({ format: 'pb-checks', version: 1, checks: { [checked!]: good, 'another-chapter': { attempts: 'many' } }, review: {} });
    const key = await store(page, 'pb-checks:', '', raw);
    await page.reload();
    await chapterPage.scrollToCheck();
    await expect(chapterPage.check.getByRole('status').first()).toContainText('1 saved knowledge-check entry could not be read and was set aside');
    await expect(chapterPage.check).toContainText('Your attempts: 2; best 4 of 5; passed on 2026-03-02.');
    expect(await stored(page, `pb-set-aside:${key}`)).toBe(raw);
    await expect(siteHeader.setAsideNotice).toContainText('could not be read and was set aside');
  });
});

test.describe('import of an older export @subpath', () => {
  test('what was un-marked since stays un-marked, unknown chapters are kept aside, and "Continue" never leads to a missing page', async ({
    page,
    chapterPage,
    progressPage,
  }) => {
    await chapterPage.goto(chapter.id);
    await chapterPage.markDone();
    await chapterPage.markNotDone();
    const older = {
      format: 'pb-progress',
      version: 1,
      chapters: { [chapter.id]: '2026-01-05T09:30:00.000Z', 'a-chapter-this-playbook-lacks': '2026-01-05T09:30:00.000Z' },
      steps: {},
      lastVisited: { chapter: 'a-chapter-this-playbook-lacks', at: '2099-01-01T00:00:00.000Z', title: 'Gone' },
    };
    await progressPage.goto();
    await progressPage.importFile({ name: 'older.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(older)) });
    await expect(progressPage.transferStatus).toContainText('One chapter in the file is not in this playbook: kept aside, not counted.');
    await expect(progressPage.transferStatus).toContainText('nothing new to mark done here');
    await expect(progressPage.chaptersDone.getByRole('link')).toHaveCount(0);
    await expect(progressPage.continueLink).toHaveAttribute('href', new RegExp(`chapters/${chapter.id}/$`));
    await chapterPage.goto(chapter.id);
    await expect(chapterPage.doneBox).not.toBeChecked();

    // A chapter read last that the playbook no longer has (stored by an older version of the site) gets no link.
    // Stored from the progress page: a chapter page records the visit once it is idle, which could land after it.
    await progressPage.goto();
    await store(page, 'pb-progress:', '', JSON.stringify({ ...older, chapters: {} }));
    await page.reload();
    await expect(progressPage.continueBlock).toBeHidden();
  });
});

test('checklist ticks follow the chapter, whatever address it was opened under', async ({ chapterPage }) => {
  const withChecklist = readChapters().find((c) => c.body.includes('<Checklist'));
  test.skip(!withChecklist, 'the content under test has no chapter with a checklist');
  await chapterPage.goto(withChecklist!.id);
  const first = chapterPage.checklistBoxes.first();
  await first.check();
  await chapterPage.goto(withChecklist!.id, { file: true });
  await expect(first).toBeChecked();
});

test('under nginx, redirects and errors carry the security policy, and a 403 or 404 shows the site’s own page @subpath-only', async ({ request, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const base = new URL(baseURL!).pathname;
  const cases: [string, number[]][] = [
    [`${origin}/`, [302]], // the server root leads to the site
    [`${origin}${base.slice(0, -1)}`, [301]], // the bare base path
    [`${baseURL}chapters`, [301]], // a folder without its slash
    [`${origin}/elsewhere/`, [404]], // outside the site
    [`${baseURL}no-such-page/`, [404]],
    [`${baseURL}_astro/`, [403, 404]], // a folder without an index page
  ];
  for (const [url, statuses] of cases) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect.soft(statuses, url).toContain(response.status());
    expect.soft(response.headers()['content-security-policy'], url).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect.soft(response.headers()['x-content-type-options'], url).toBe('nosniff');
    if (response.status() >= 400) expect.soft(await response.text(), url).toContain('Page not found');
  }
});

test('the team roll-up reads a result added three times once, refuses a huge file as too large, and keeps a right-to-left override in a file name to itself', async ({
  assessmentPage,
  teamRollUpPage: team,
}) => {
  await assessmentPage.goto(ASSESSMENT, '', { ready: false });
  await assessmentPage.answerAll();
  await assessmentPage.submit();
  const { buffer } = await assessmentPage.resultFile('ana.json', 'Ana');
  const copy = (name: string) => ({ name, mimeType: 'application/json', buffer });

  await team.goto();
  const huge = { name: '\u202Enosj.exe', mimeType: 'application/json', buffer: Buffer.alloc(300_000, 0x20) };
  await team.rollUp({ files: [copy('ana.json'), copy('ana-again.json'), copy('ana-copy.json'), huge] });
  await expect(team.status.filter({ hasText: 'Nothing was uploaded' })).toHaveText(
    '1 result read (2 duplicates counted once), 1 not included (see below). Nothing was uploaded.',
  );
  await expect(team.people).toHaveCount(1);
  await expect(team.summary).toContainText('1 person.');
  const refusal = team.refused.first();
  await expect(refusal).toContainText('The file is too large (293 KB) to be a result file');
  // The override stays inside its isolate: the sentence after the name reads left to right.
  await expect(refusal).toContainText('File "\u2068\u202Enosj.exe\u2069": The file is too large');
});

test('marking a chapter done after answering its knowledge check keeps the mark at once', async ({ chapterPage, progressPage }) => {
  const checked = readdirSync(join(contentRoot, 'checks'))
    .find((f) => f.endsWith('.yaml'))
    ?.replace(/\.yaml$/, '');
  test.skip(!checked, 'the content under test has no knowledge check');
  const chapter = readChapters().find((c) => c.id === checked)!;
  await chapterPage.goto(chapter.id);
  // The check's code, and the progress code under it, load as the reader reaches the check: answered
  // and scored, it has loaded.
  const { questions } = parse(readFileSync(join(contentRoot, 'checks', `${checked}.yaml`), 'utf8')) as {
    questions: { prompt: string; options: { text: string; correct: boolean }[] }[];
  };
  for (const q of questions) {
    const right = q.options.filter((o) => o.correct);
    for (const o of right) await chapterPage.check.getByRole('group', { name: q.prompt }).getByLabel(o.text, { exact: true }).check();
  }
  await chapterPage.submitCheck();
  await expect(chapterPage.check.getByRole('status').filter({ hasText: /^Passed: / })).toBeVisible();
  await chapterPage.markDone();
  await expect(chapterPage.doneBox).toBeChecked();
  await progressPage.goto();
  await expect(progressPage.chaptersDone.getByRole('link', { name: chapter.title })).toBeVisible();
});

test('two tabs marking chapters at once keep both marks', async ({ chapterPage, progressPage, context }) => {
  const [one, two] = readChapters();
  await chapterPage.goto(one!.id);
  const other = await context.newPage();
  const otherChapter = new ChapterPage(other);
  await otherChapter.goto(two!.id);
  await chapterPage.markDone();
  // The second tab hears of the first tab's change before it writes its own.
  await otherChapter.markDone();
  await progressPage.goto();
  const done = progressPage.chaptersDone;
  await expect(done.getByRole('link', { name: one!.title })).toBeVisible();
  await expect(done.getByRole('link', { name: two!.title })).toBeVisible();
  await other.close();
});
