import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { axeViolations, expect, test } from './fixtures.ts';
import { contentRoot, readChapters } from './content.ts';

interface PathFile {
  title: string;
  steps: { kind: string; ref?: string; title?: string }[];
}
interface CheckFile {
  questions: { prompt: string; options: { text: string; explanation: string }[] }[];
}
const PATH_ID = 'new-rep-first-30-days';
const pathFile = parse(readFileSync(join(contentRoot, 'paths', `${PATH_ID}.yaml`), 'utf8')) as PathFile;
const titles = new Map(readChapters().map((c) => [c.id, c.title]));
const chapterIds = [...new Set(pathFile.steps.filter((s) => s.kind === 'chapter').map((s) => s.ref!))];
const firstCheck = pathFile.steps.find((s) => s.kind === 'check')!.ref!;
const check = parse(readFileSync(join(contentRoot, 'checks', `${firstCheck}.yaml`), 'utf8')) as CheckFile;

test('a path prints as one booklet: cover, contents, every chapter in order and the checks without answers @subpath', async ({
  page,
  pathPage,
  siteHeader,
}) => {
  test.slow(); // two PDFs of the whole path
  await pathPage.goto(PATH_ID);
  await page.getByRole('link', { name: 'Print the whole path as one booklet' }).click();
  await expect(page.getByRole('heading', { level: 1, name: pathFile.title })).toBeVisible();

  const contents = page.getByRole('navigation', { name: 'Contents' }).getByRole('listitem');
  await expect(contents).toHaveCount(pathFile.steps.length);
  // Chapter sections carry the chapter's own text, in the path's order.
  const chapterSections = page.locator('.booklet__step--chapter > h2');
  await expect(chapterSections).toHaveText(chapterIds.map((id) => titles.get(id)!));
  for (const id of chapterIds) {
    const body = readChapters().find((c) => c.id === id)!.body;
    // A heading without quotes or symbols, which typography may change on the way to the page.
    const firstHeading = [...body.matchAll(/^## ([\w ,.-]+)$/gm)][0]?.[1];
    if (firstHeading)
      await expect(
        page
          .locator('.booklet__step--chapter')
          .filter({ hasText: titles.get(id)! })
          .getByRole('heading', { name: firstHeading, exact: true })
          .first(),
      ).toBeAttached();
  }
  // The check's questions and options are there; the explanations (the answers) are not.
  const booklet = page.locator('article.booklet');
  await expect(booklet.getByText(check.questions[0]!.prompt)).toBeVisible();
  await expect(booklet.getByText(check.questions[0]!.options[0]!.text, { exact: true }).first()).toBeVisible();
  const text = (await booklet.textContent()) ?? '';
  for (const q of check.questions) for (const o of q.options) expect(text).not.toContain(o.explanation);

  // Printed: no site chrome, each chapter starts a page, and it paginates for both paper sizes.
  await page.emulateMedia({ media: 'print' });
  await expect(siteHeader.banner).toBeHidden();
  expect(await chapterSections.first().evaluate((h) => getComputedStyle(h.closest('section')!).breakBefore)).toBe('page');
  const pages = async (format: 'A4' | 'Letter') => ((await page.pdf({ format })).toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  const a4 = await pages('A4');
  const letter = await pages('Letter');
  test.info().annotations.push({ type: 'booklet', description: `${pathFile.title}: ${a4} A4 pages, ${letter} Letter pages` });
  // A cover, the contents, then at least a page per chapter.
  expect(a4).toBeGreaterThanOrEqual(chapterIds.length + 2);
  expect(letter).toBeGreaterThanOrEqual(chapterIds.length + 2);

  await page.emulateMedia({ media: 'screen' });
  expect(await axeViolations(page)).toEqual([]);
});
