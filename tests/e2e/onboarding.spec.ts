import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { expect, open, test } from './fixtures.ts';
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

/** axe with the WCAG 2.2 A/AA rules the accessibility spec uses, on the whole page or one part. */
const axe = (page: Page, include?: string) => {
  const builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa']);
  return (include ? builder.include(include) : builder).analyze();
};

/** Answers every question of the check on the page, rightly or wrongly, and submits. */
async function answer(page: Page, right: boolean): Promise<void> {
  const form = page.locator('#check');
  for (const q of check.questions) {
    const group = form.getByRole('group', { name: q.prompt });
    const pick = q.options.filter((o) => (right ? o.correct : !o.correct));
    for (const o of q.kind === 'single' ? pick.slice(0, 1) : pick) {
      await group.getByLabel(o.text, { exact: true }).check();
    }
  }
  await form.getByRole('button', { name: 'Check my answers' }).click();
}

test.describe('a rep follows a path through a chapter and its knowledge check', () => {
  // A whole walk through several pages on a shared machine; each expectation keeps its own timeout.
  test.describe.configure({ timeout: 120_000 });
  test('step navigation, a check failed then passed, kept across reloads, the check step ticked', async ({ page }) => {
    await open(page, `paths/${PATH_ID}/`);
    await page.locator('.path-step').first().getByRole('link').click();
    await expect(page).toHaveURL(new RegExp(`chapters/${chapter}/\\?path=${PATH_ID}$`));
    await expect(page.getByText(`Step 1 of ${pathFile.steps.length} — ${pathFile.title}`)).toBeVisible();
    await expect(page.getByRole('navigation', { name: `Path: ${pathFile.title}` }).getByRole('link', { name: /Next step/ })).toHaveAttribute(
      'href',
      /\?path=new-rep-first-30-days#check$/,
    );

    // Submitting with nothing chosen explains it beside the first question instead of scoring.
    await page.locator('#check').getByRole('button', { name: 'Check my answers' }).click();
    await expect(page.getByText('Choose an answer to this question before checking.').first()).toBeVisible();

    await answer(page, false);
    await expect(page.getByText(`Not passed yet: 0 of ${check.questions.length} correct`)).toBeVisible();
    await expect(page.getByText('Not correct, though you chose it.').first()).toBeVisible();
    await expect(page.getByText('Missed: this one is correct.').first()).toBeVisible();

    await page.reload();
    await expect(page.getByText(`Your attempts: 1; best 0 of ${check.questions.length}; not passed yet.`)).toBeVisible();
    await answer(page, true);
    await expect(page.getByText(`Passed: ${check.questions.length} of ${check.questions.length} correct.`)).toBeVisible();

    await page.reload();
    await expect(
      page.getByText(new RegExp(`Your attempts: 2; best ${check.questions.length} of ${check.questions.length}; passed on \\d{4}-\\d{2}-\\d{2}\\.`)),
    ).toBeVisible();
    await open(page, `paths/${PATH_ID}/`);
    await expect(page.locator(`#step-${checkStep}`).getByRole('checkbox')).toBeChecked();
  });

  test('with JavaScript off the step links and the answers are still there', async ({ browser, baseURL }) => {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      baseURL,
    });
    const page = await context.newPage();
    await page.goto(`chapters/${chapter}/?path=${PATH_ID}`);
    await expect(page.getByText(`Step 1 of ${pathFile.steps.length} — ${pathFile.title}`)).toBeVisible();
    await page.locator('#check details').first().locator('summary').click();
    await expect(page.locator('#check details').first().getByText('Correct:').first()).toBeVisible();
    await context.close();
  });

  test('the chapter page with its check is axe-clean, before and after submitting', async ({ page }) => {
    await open(page, `chapters/${chapter}/?path=${PATH_ID}`);
    expect((await axe(page, '#check')).violations).toEqual([]);
    await answer(page, false);
    expect((await axe(page)).violations).toEqual([]);
  });
});
