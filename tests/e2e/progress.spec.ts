import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';
import { expect, open, test } from './fixtures.ts';
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
const doneBox = (page: Page, title: string) => page.getByRole('checkbox', { name: `Done: ${title}` });
const stepsDone = (page: Page, n: number) => page.getByText(`${n} of ${total} steps done`).first();
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

test('steps marked done on a path are kept after a reload and show on the chapter and home pages @subpath', async ({ page }) => {
  await open(page, `paths/${path.id}/`);
  await expect(page.getByRole('heading', { level: 1, name: path.title })).toBeVisible();
  await expect(stepsDone(page, 0)).toBeVisible();
  await doneBox(page, chapter.title).check();
  await doneBox(page, task.title!).check();
  await expect(stepsDone(page, 2)).toBeVisible();
  await expect(page.getByRole('progressbar', { name: `Steps done: ${path.title}` })).toHaveAttribute('value', '2');

  await page.reload();
  await expect(doneBox(page, chapter.title)).toBeChecked();
  await expect(doneBox(page, task.title!)).toBeChecked();
  await expect(stepsDone(page, 2)).toBeVisible();

  // A chapter step is its chapter: the chapter page shows it done, and undoing it there counts on the path.
  await page.getByRole('link', { name: chapter.title, exact: true }).first().click();
  const toggle = page.getByRole('checkbox', { name: 'Mark this chapter as done' });
  await expect(toggle).toBeChecked();
  await toggle.uncheck();
  await open(page);
  const panel = page.getByRole('region', { name: 'Your progress' });
  await expect(panel).toBeVisible();
  await expect(panel.getByText(`1 of ${total} steps done`)).toBeVisible();
  // The chapter was opened from the path, so "Continue" follows the path: its first unfinished step is that chapter.
  await page
    .getByRole('link', { name: /^Continue your path/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: chapter.title })).toBeVisible();
});

test('the home page shows no progress block before anything is done', async ({ page }) => {
  await open(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your progress' })).toBeHidden();
  await expect(page.getByRole('link', { name: /Continue where you left off/ })).toBeHidden();
});

test('two tabs share progress without reloading', async ({ page, context }) => {
  const other = await context.newPage();
  const errors = await watch(other);
  await open(page, `paths/${path.id}/`);
  await open(other, `paths/${path.id}/`);
  await doneBox(page, task.title!).check();
  await expect(doneBox(other, task.title!)).toBeChecked();
  await expect(stepsDone(other, 1)).toBeVisible();
  await doneBox(other, task.title!).uncheck();
  await expect(doneBox(page, task.title!)).not.toBeChecked();
  await expect(stepsDone(page, 0)).toBeVisible();
  expect(errors).toEqual([]);
});

test('progress exported to a file imports into a fresh browser', async ({ page, browser, baseURL }) => {
  await open(page, `chapters/${chapter.id}/`);
  await page.getByRole('checkbox', { name: 'Mark this chapter as done' }).check();
  await open(page, `paths/${path.id}/`);
  await doneBox(page, task.title!).check();
  await open(page, 'progress/');
  await expect(page.getByRole('heading', { level: 1, name: 'Your progress' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Chapters done' }).getByRole('link', { name: chapter.title })).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
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
    await open(elsewhere, `paths/${path.id}/`);
    await expect(stepsDone(elsewhere, 0)).toBeVisible();
    await open(elsewhere, 'progress/');
    await elsewhere.getByLabel('Import a progress file').setInputFiles(file);
    await expect(elsewhere.getByRole('status').filter({ hasText: 'Imported “progress.json”' })).toContainText('1 more chapter and 1 more step');
    await open(elsewhere, `paths/${path.id}/`);
    await expect(stepsDone(elsewhere, 2)).toBeVisible();
    await expect(doneBox(elsewhere, chapter.title)).toBeChecked();

    // Anything that is not a progress file is refused, naming the file, and changes nothing.
    await open(elsewhere, 'progress/');
    await elsewhere
      .getByLabel('Import a progress file')
      .setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"name":"Q3 plan"}') });
    await expect(elsewhere.getByRole('status').filter({ hasText: 'notes.json' })).toContainText('is not a progress file from this playbook');
    await elsewhere
      .getByLabel('Import a progress file')
      .setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) });
    await expect(elsewhere.getByRole('status').filter({ hasText: 'photo.png' })).toContainText('it is not valid JSON');
    await open(elsewhere, `paths/${path.id}/`);
    await expect(stepsDone(elsewhere, 2)).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await fresh.close();
  }
});

test('reset asks first, and cancelling keeps everything', async ({ page }) => {
  await open(page, `paths/${path.id}/`);
  await doneBox(page, task.title!).check();
  await open(page, 'progress/');
  const dialog = page.getByRole('dialog', { name: 'Reset all progress?' });
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(stepsDone(page, 1)).toBeVisible();
  await page.getByRole('button', { name: 'Reset progress…' }).click();
  await dialog.getByRole('button', { name: 'Yes, reset my progress' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'has been reset' })).toBeVisible();
  await expect(stepsDone(page, 0)).toBeVisible();
  await open(page, `paths/${path.id}/`);
  await expect(doneBox(page, task.title!)).not.toBeChecked();
});

const unreadable: [string, string][] = [
  ['damaged JSON', '{"format":"pb-progress","chapters":'],
  ['another application’s data', '{"theme":"dark","items":[1,2,3]}'],
  ['a newer format version', '{"format":"pb-progress","version":9,"chapters":{},"steps":{}}'],
  ['a __proto__ key', '{"format":"pb-progress","version":1,"chapters":{"__proto__":"2026-03-01T09:30:00.000Z"},"steps":{}}'],
  ['a huge string', 'x'.repeat(600_000)],
];

for (const [name, stored] of unreadable) {
  test(`stored progress with ${name} is ignored with a notice and the pages keep working`, async ({ page, baseURL }) => {
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
    await open(page);
    // "The progress saved …", or "One entry of the progress saved …" where the rest could be salvaged.
    const notice = page.getByRole('status').filter({ hasText: /progress saved in this browser could not be read/ });
    await expect(notice).toBeVisible();
    await expect(page.getByRole('region', { name: 'Your progress' })).toBeHidden();

    // Reading a chapter shows the notice too, and the stored data is kept apart for the reader to decide on.
    await open(page, `chapters/${chapter.id}/`);
    await expect(notice).toBeVisible();
    expect(await page.evaluate((k) => localStorage.getItem(`pb-set-aside:${k}`), key)).toBe(stored);

    // Further pages keep offering the set-aside copy (download or discard) until the reader decides.
    await open(page, `paths/${path.id}/`);
    await expect(page.locator('[data-set-aside]')).toContainText('could not be read and was set aside');
    await doneBox(page, task.title!).check();
    await expect(stepsDone(page, 1)).toBeVisible();
    await expect(notice).toBeHidden();
    await page.reload();
    await expect(doneBox(page, task.title!)).toBeChecked();
    await expect(notice).toBeHidden();
  });
}

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });
  test('a path still lists its steps with their links; progress controls stay out of the way', async ({ page }) => {
    await open(page, `paths/${path.id}/`);
    await expect(page.getByRole('heading', { level: 2, name: chapter.title, exact: true })).toBeVisible();
    await expect(page.getByRole('link', { name: chapter.title, exact: true }).first()).toBeVisible();
    await expect(page.getByRole('checkbox')).toHaveCount(0);
    await expect(page.getByRole('progressbar')).toHaveCount(0);
    await open(page, `chapters/${chapter.id}/`);
    await expect(page.getByRole('checkbox', { name: 'Mark this chapter as done' })).toHaveCount(0);
  });
});
