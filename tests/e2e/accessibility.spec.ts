import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, open, test } from './fixtures.ts';
import { contentRoot, readChapters, readSections, wordOnlyInOneBody } from './content.ts';

const chapter = readChapters()[0]!;
const section = readSections()[0]!;
const pathId = readdirSync(join(contentRoot, 'paths')).find((f) => /\.ya?ml$/.test(f))!.replace(/\.ya?ml$/, '');
const assessmentsDir = join(contentRoot, 'assessments');
const assessmentId = existsSync(assessmentsDir) ? readdirSync(assessmentsDir).find((f) => /\.ya?ml$/.test(f))?.replace(/\.ya?ml$/, '') : undefined;

/** One page of every type the site builds. */
const pages: [string, string][] = [
  ['home', ''],
  ['playbook index', 'sections/'],
  ['section', `sections/${section.id}/`],
  ['chapter', `chapters/${chapter.id}/`],
  ['glossary', 'glossary/'],
  ['search', `search/?q=${wordOnlyInOneBody().word}`],
  ['not found', '404.html'],
  ['paths index', 'paths/'],
  ['path', `paths/${pathId}/`],
  ['progress', 'progress/'],
  ['assessments index', 'assessments/'],
  ['team roll-up', 'assessments/team/'],
  ['calculator', 'calculator/'],
  ['calculator methodology', 'calculator/methodology/'],
  ...(assessmentId ? [['assessment', `assessments/${assessmentId}/`] as [string, string]] : []),
];

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} theme`, () => {
    test.use({ colorScheme: scheme });
    for (const [name, path] of pages) {
      test(`${name} page has no WCAG 2.2 A/AA violations`, async ({ page }) => {
        await open(page, path);
        if (path.startsWith('search')) await expect(page.locator('[data-search-results] li').first()).toBeVisible();
        const results = await new AxeBuilder({ page })
          .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
          .analyze();
        const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
        expect(summary).toEqual([]);
      });
    }
  });
}
