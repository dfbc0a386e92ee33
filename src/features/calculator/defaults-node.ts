import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatProblems, type Problem } from '../../common/problems.ts';
import { DEFAULTS_RELATIVE_PATH, parseCalculatorDefaults, type CalculatorDefaultsResult } from './defaults.ts';

/** The project's own content directory (src/content), independent of the working directory. */
const BUILT_IN_CONTENT_DIR = fileURLToPath(new URL('../../content', import.meta.url));

/** The content directory: the argument, else $CONTENT_DIR (relative to the working directory), else src/content. */
export function contentDirectory(contentDir?: string): string {
  const chosen = contentDir ?? process.env['CONTENT_DIR'];
  return chosen ? resolve(process.cwd(), chosen) : BUILT_IN_CONTENT_DIR;
}

/**
 * Node only: reads and validates `<content dir>/calculator/defaults.yaml`, or the generator's own
 * defaults when a team's content folder has none (as the site build does). An unreadable file is
 * reported as a problem, like invalid content; never throws.
 */
export function loadDefaultsFile(contentDir?: string): CalculatorDefaultsResult & { file: string } {
  const own = resolve(contentDirectory(contentDir), DEFAULTS_RELATIVE_PATH);
  const file = existsSync(own) ? own : resolve(BUILT_IN_CONTENT_DIR, DEFAULTS_RELATIVE_PATH);
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
