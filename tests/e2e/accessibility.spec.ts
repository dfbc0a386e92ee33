import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createResult, encodeResultLink } from '../../src/features/assessments/result-format.ts';
import { parseAssessmentFile } from '../../src/loaders/assessment-file.ts';
import { formatProblems } from '../../src/common/problems.ts';
import { axeViolations, expect, open, test } from './fixtures.ts';
import { contentRoot } from './content.ts';
import { assessmentId, isSearchPage, pageTypes } from './page-types.ts';
import { SearchPage } from './pages/index.ts';

const assessmentsDir = join(contentRoot, 'assessments');

/** A result link for the first assessment with every question answered with its first option. */
function resultLink(): string | undefined {
  if (!assessmentId) return undefined;
  const parsed = parseAssessmentFile(`${assessmentId}.yaml`, readFileSync(join(assessmentsDir, `${assessmentId}.yaml`), 'utf8'));
  if (!parsed.ok) throw new Error(formatProblems(`${assessmentId}.yaml`, parsed.problems));
  const answers = Object.fromEntries(parsed.value.questions.map((q) => [q.id, 0]));
  return `assessments/${assessmentId}/${encodeResultLink(createResult(parsed.value, answers, { name: 'Sam' }))}`;
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const [name, path] of pageTypes) {
      test(`${name} page has no WCAG 2.2 A/AA violations`, async ({ page }) => {
        await open(page, path);
        if (isSearchPage(path)) await expect(new SearchPage(page).results.first()).toBeVisible();
        expect(await axeViolations(page)).toEqual([]);
      });
    }

    test('a shared assessment result has no WCAG 2.2 A/AA violations', async ({ page }) => {
      const link = resultLink();
      test.skip(!link, 'the content under test has no assessment');
      await open(page, link!);
      await expect(page.getByText(/Taken on/)).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });

    test('the calculator showing an input error has no WCAG 2.2 A/AA violations', async ({ page, calculatorPage }) => {
      await calculatorPage.goto();
      const target = calculatorPage.sharedInputs.getByLabel(/^Target opportunities per month/);
      await target.fill('-5');
      await expect(calculatorPage.sharedFieldMessage('targetOpportunitiesPerMonth')).toHaveText(/^Too low\./);
      await expect(calculatorPage.staleNotice).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}

test('the accessibility check reports a WCAG violation with its element, and only WCAG rules', async ({ page }) => {
  // An unlabelled field breaks WCAG 1.3.1/4.1.2; text outside any landmark only breaks axe's best-practice "region" rule.
  await page.setContent('<html lang="en"><head><title>Check</title></head><body><main><h1>Check</h1><input type="text"></main><p>Outside</p></body></html>');
  const violations = await axeViolations(page);
  expect(violations).toHaveLength(1);
  expect(violations[0]).toMatch(/^label: .*\(input\)$/);
});
