import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatProblems, type Problem } from '../../common/problems.ts';
import { contentDir as siteContentDir, contentFile } from '../../common/content-dir.ts';
import { DEFAULTS_RELATIVE_PATH, parseCalculatorDefaults, type CalculatorDefaultsResult } from './defaults.ts';

/** The content directory: the argument, else the site's (`CONTENT_DIR`, else src/content; see common/content-dir.ts). */
export function contentDirectory(contentDir?: string): string {
  return contentDir ? resolve(contentDir) : siteContentDir();
}

/**
 * Node only: reads and validates `<content dir>/calculator/defaults.yaml`, or the generator's own
 * defaults when a team's content folder has none (as the site build does). An unreadable file is
 * reported as a problem, like invalid content; never throws.
 */
export function loadDefaultsFile(contentDir?: string): CalculatorDefaultsResult & { file: string } {
  const file = contentFile(DEFAULTS_RELATIVE_PATH, contentDirectory(contentDir));
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const problem: Problem = {
      code: code === 'ENOENT' ? 'missing' : 'invalid',
      field: '',
      expected: `a readable calculator defaults file (set CONTENT_DIR to the folder that holds ${DEFAULTS_RELATIVE_PATH})`,
      given: code === 'ENOENT' ? 'no such file' : `an unreadable file (${code ?? String(error)})`,
    };
    return { ok: false, problems: [problem], message: formatProblems(file, [problem]), file };
  }
  return { ...parseCalculatorDefaults(text, file), file };
}
