import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { contentRoot, readChapters, readSections, wordOnlyInOneBody } from './content.ts';

const chapter = readChapters()[0]!;
const section = readSections()[0]!;
const pathId = readdirSync(join(contentRoot, 'paths'))
  .find((f) => /\.ya?ml$/.test(f))!
  .replace(/\.ya?ml$/, '');
const assessmentsDir = join(contentRoot, 'assessments');

/** The first assessment in the content under test, if it has any. */
export const assessmentId = existsSync(assessmentsDir)
  ? readdirSync(assessmentsDir)
      .find((f) => /\.ya?ml$/.test(f))
      ?.replace(/\.ya?ml$/, '')
  : undefined;

/**
 * One page of every type the site builds: a name and its path inside the site. The accessibility,
 * layout and screenshot specs all walk this list, so a new page type is checked everywhere at once.
 */
export const pageTypes: readonly (readonly [name: string, path: string])[] = [
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
  ...(assessmentId ? [['assessment', `assessments/${assessmentId}/`] as const] : []),
];

/** True for the search page, whose results arrive after the page has loaded. */
export const isSearchPage = (path: string): boolean => path.startsWith('search');
