import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { PathPage, ProgressPage } from './pages/index.ts';
import { contentRoot, readChapters } from './content.ts';

interface PathFile {
  id: string;
  title: string;
  order: number;
  steps: { kind: string; ref?: string; title?: string }[];
}

/** The onboarding paths of the content under test, in order. */
function readPaths(): PathFile[] {
  const dir = join(contentRoot, 'paths');
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .map((f) => ({ id: f.replace(/\.ya?ml$/, ''), ...(parse(readFileSync(join(dir, f), 'utf8')) as Omit<PathFile, 'id'>) }))
    .sort((a, b) => a.order - b.order);
}

const path = readPaths()[0]!;
const total = path.steps.length;
const chapterStep = path.steps.find((s) => s.kind === 'chapter')!;
const chapter = readChapters().find((c) => c.id === chapterStep.ref)!;
const task = path.steps.find((s) => s.kind === 'task')!;
/** Where the site keeps progress: one key per base path. */
const storageKey = (baseURL: string | undefined) => `pb-progress:${new URL(baseURL ?? 'http://x/').pathname}`;

/** Collects console errors and policy violations of a page the fixture does not watch (another tab or browser). */
async function watch(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (msg) => msg.type() === 'error' && errors.push(msg.text()));
  page.on('pageerror', (err) => errors.push(err.message));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`));
  });
  return errors;
}

test('steps marked done on a path are kept after a reload and show on the chapter and home pages @subpath', async ({
  page,
  pathPage,
  chapterPage,
  homePage,
}) => {
  await pathPage.goto(path.id);
  await expect(pathPage.heading(path.title)).toBeVisible();
  await expect(pathPage.stepsDone(0, total)).toBeVisible();
  await pathPage.markDone(chapter.title);
  await pathPage.markDone(task.title!);
  await expect(pathPage.stepsDone(2, total)).toBeVisible();
  await expect(pathPage.progressBar(path.title)).toHaveAttribute('value', '2');

  await page.reload();
  await expect(pathPage.doneBox(chapter.title)).toBeChecked();
  await expect(pathPage.doneBox(task.title!)).toBeChecked();
  await expect(pathPage.stepsDone(2, total)).toBeVisible();

  // A chapter step is its chapter: the chapter page shows it done, and undoing it there counts on the path.
  await page.getByRole('link', { name: chapter.title, exact: true }).first().click();
  await expect(chapterPage.doneBox).toBeChecked();
  await chapterPage.markNotDone();
  await homePage.goto();
  await expect(homePage.progress).toBeVisible();
  await expect(homePage.progress.getByText(`1 of ${total} steps done`)).toBeVisible();
  // The chapter was opened from the path, so "Continue" follows the path: its first unfinished step is that chapter.
  await homePage.continuePath.click();
  await expect(chapterPage.heading(chapter.title)).toBeVisible();
});

test('the home page shows no progress block before anything is done', async ({ homePage }) => {
  await homePage.goto();
  await expect(homePage.heading).toBeVisible();
  await expect(homePage.progress).toBeHidden();
  await expect(homePage.continueReading).toBeHidden();
});

test('two tabs share progress without reloading', async ({ pathPage, context }) => {
  const otherPage = await context.newPage();
  const errors = await watch(otherPage);
  const other = new PathPage(otherPage);
  await pathPage.goto(path.id);
  await other.goto(path.id);
  await pathPage.markDone(task.title!);
  await expect(other.doneBox(task.title!)).toBeChecked();
  await expect(other.stepsDone(1, total)).toBeVisible();
  await other.doneBox(task.title!).uncheck();
  await expect(pathPage.doneBox(task.title!)).not.toBeChecked();
  await expect(pathPage.stepsDone(0, total)).toBeVisible();
  expect(errors).toEqual([]);
});

test('progress exported to a file imports into a fresh browser', async ({ browser, baseURL, chapterPage, pathPage, progressPage }) => {
  await chapterPage.goto(chapter.id);
  await chapterPage.markDone();
  await pathPage.goto(path.id);
  await pathPage.markDone(task.title!);
  await progressPage.goto();
  await expect(progressPage.heading).toBeVisible();
  await expect(progressPage.chaptersDone.getByRole('link', { name: chapter.title })).toBeVisible();

  const download = await progressPage.exportProgress();
  expect(download.suggestedFilename()).toMatch(/^playbook-progress-\d{4}-\d{2}-\d{2}\.json$/);
  const file = test.info().outputPath('progress.json');
  await download.saveAs(file);
  const exported: unknown = JSON.parse(readFileSync(file, 'utf8'));
  expect(exported).toMatchObject({ format: 'pb-progress', version: 1, chapters: { [chapter.id]: expect.any(String) } });
  expect(Object.keys((exported as { steps: object }).steps)).toHaveLength(1);

  const fresh = await browser.newContext({ baseURL: baseURL! });
  try {
    const elsewhere = await fresh.newPage();
    const errors = await watch(elsewhere);
    const path2 = new PathPage(elsewhere);
    const progress2 = new ProgressPage(elsewhere);
    await path2.goto(path.id);
    await expect(path2.stepsDone(0, total)).toBeVisible();
    await progress2.goto();
    await progress2.importFile(file);
    await expect(progress2.status('Imported “progress.json”')).toContainText('1 more chapter and 1 more step');
    await path2.goto(path.id);
    await expect(path2.stepsDone(2, total)).toBeVisible();
    await expect(path2.doneBox(chapter.title)).toBeChecked();

    // Anything that is not a progress file is refused, naming the file, and changes nothing.
    await progress2.goto();
    await progress2.importFile({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"Q3 plan"}') });
    await expect(progress2.status('notes.json')).toContainText('is not a progress file from this playbook');
    await progress2.importFile({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    await expect(progress2.status('photo.png')).toContainText('it is not valid JSON');
    await path2.goto(path.id);
    await expect(path2.stepsDone(2, total)).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await fresh.close();
  }
});

test('reset asks first, and cancelling keeps everything', async ({ pathPage, progressPage }) => {
  await pathPage.goto(path.id);
  await pathPage.markDone(task.title!);
  await progressPage.goto();
  const dialog = progressPage.resetDialog;
  await progressPage.askToReset();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(progressPage.stepsDone(1, total)).toBeVisible();
  await progressPage.askToReset();
  await dialog.getByRole('button', { name: 'Yes, reset my progress' }).click();
  await expect(progressPage.status('has been reset')).toBeVisible();
  await expect(progressPage.stepsDone(0, total)).toBeVisible();
  await pathPage.goto(path.id);
  await expect(pathPage.doneBox(task.title!)).not.toBeChecked();
});

const unreadable: [string, string][] = [
  ['damaged JSON', '{"format":"pb-progress","chapters":'],
  ['another application’s data', '{"theme":"dark","items":[1,2,3]}'],
  ['a newer format version', '{"format":"pb-progress","version":9,"chapters":{},"steps":{}}'],
  ['a __proto__ key', '{"format":"pb-progress","version":1,"chapters":{"__proto__":"2026-03-01T09:30:00.000Z"},"steps":{}}'],
  ['a huge string', 'x'.repeat(600_000)],
];

for (const [name, stored] of unreadable) {
  test(`stored progress with ${name} is ignored with a notice and the pages keep working`, async ({
    page,
    baseURL,
    homePage,
    chapterPage,
    pathPage,
    siteHeader,
  }) => {
    const key = storageKey(baseURL);
    // Stored once, before the first page of the visit loads, as if left behind by something else.
    await page.addInitScript(
      ([k, v]) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem(k!, v!);
          sessionStorage.setItem('seeded', 'yes');
        }
      },
      [key, stored],
    );
    await homePage.goto();
    // "The progress saved …", or "One entry of the progress saved …" where the rest could be salvaged.
    const notice = page.getByRole('status').filter({ hasText: /progress saved in this browser could not be read/ });
    await expect(notice).toBeVisible();
    await expect(homePage.progress).toBeHidden();

    // Reading a chapter shows the notice too, and the stored data is kept apart for the reader to decide on.
    await chapterPage.goto(chapter.id);
    await expect(notice).toBeVisible();
    expect(await page.evaluate((k) => localStorage.getItem(`pb-set-aside:${k}`), key)).toBe(stored);

    // Further pages keep offering the set-aside copy (download or discard) until the reader decides.
    await pathPage.goto(path.id);
    await expect(siteHeader.setAsideNotice).toContainText('could not be read and was set aside');
    await pathPage.markDone(task.title!);
    await expect(pathPage.stepsDone(1, total)).toBeVisible();
    await expect(notice).toBeHidden();
    await page.reload();
    await expect(pathPage.doneBox(task.title!)).toBeChecked();
    await expect(notice).toBeHidden();
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a path still lists its steps with their links; progress controls stay out of the way', async ({ page, pathPage, chapterPage }) => {
    await pathPage.goto(path.id);
    await expect(page.getByRole('heading', { level: 2, name: chapter.title, exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: chapter.title, exact: true }).first()).toBeVisible();
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await chapterPage.goto(chapter.id);
    await expect(chapterPage.doneBox).toHaveCount(0);
  });
});
