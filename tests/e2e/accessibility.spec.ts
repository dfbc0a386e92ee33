import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createResult, encodeResultLink } from '../../src/features/assessments/result-format.ts';
import { parseAssessmentFile } from '../../src/loaders/assessment-file.ts';
import { formatProblems } from '../../src/common/problems.ts';
import { axeViolations, expect, open, test } from './fixtures.ts';
import { contentRoot, readChapters, readSections, wordOnlyInOneBody } from './content.ts';

const chapter = readChapters()[0]!;
const section = readSections()[0]!;
const pathId = readdirSync(join(contentRoot, 'paths'))
  .find((f) => /\.ya?ml$/.test(f))!
  .replace(/\.ya?ml$/, '');
const assessmentsDir = join(contentRoot, 'assessments');
const assessmentId = existsSync(assessmentsDir)
  ? readdirSync(assessmentsDir)
      .find((f) => /\.ya?ml$/.test(f))
      ?.replace(/\.ya?ml$/, '')
  : undefined;

/** One page of every type the site builds. */
const pages: [string, string][] = [
  ['home', ''],
  ['playbook index', 'sections/'],
  ['section', `sections/${section.id}/`],
  ['chapter', `chapters/${chapter.id}/`],
  ['glossary', 'glossary/'],
  ['objection library', 'objections/'],
  ['search', `search/?q=${wordOnlyInOneBody().word}`],
  ['not found', '404.html'],
  ['paths index', 'paths/'],
  ['path', `paths/${pathId}/`],
  ['progress', 'progress/'],
  ['path booklet', `paths/${pathId}/print/`],
  ['team readiness', 'readiness/'],
  ['assessments index', 'assessments/'],
  ['team roll-up', 'assessments/team/'],
  ['calculator', 'calculator/'],
  ['calculator methodology', 'calculator/methodology/'],
  ...(assessmentId ? [['assessment', `assessments/${assessmentId}/`] as [string, string]] : []),
];

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
    for (const [name, path] of pages) {
      test(`${name} page has no WCAG 2.2 A/AA violations`, async ({ page }) => {
        await open(page, path);
        if (path.startsWith('search')) await expect(page.locator('[data-search-results] li').first()).toBeVisible();
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

    test('the calculator showing an input error has no WCAG 2.2 A/AA violations', async ({ page }) => {
      await open(page, 'calculator/');
      const target = page.getByRole('group', { name: 'Shared inputs' }).getByLabel(/^Target opportunities per month/);
      await target.fill('-5');
      await expect(page.locator('#e-shared-targetOpportunitiesPerMonth')).toHaveText(/^Too low\./);
      await expect(page.locator('[data-stale]')).toBeVisible();
      expect(await axeViolations(page)).toEqual([]);
    });
  });
}
