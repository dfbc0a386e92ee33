/**
 * Reading one self-assessment file, `assessments/<id>.yaml`, outside the build: the same checks
 * the build's loader runs (`checkEntry`: the schema, then `id` equals the file name), after the YAML.
 * The tests and tools that need an assessment "as the site parses it" come through here.
 */
import { parse as parseYaml } from 'yaml';
import { AssessmentSchema, type Assessment } from '../features/assessments/schema.ts';
import { refuse, type Result } from '../common/problems.ts';
import { checkEntry } from './checked-loaders.ts';

/** The folder of the site assessment pages live in (`/assessments/<id>/`). */
export const ASSESSMENT_ROUTE = 'assessments';

function baseName(fileName: string): string {
  const name = fileName.split(/[\\/]/).pop() ?? fileName;
  return name.replace(/\.ya?ml$/i, '');
}

/**
 * Parses the text of `assessments/<id>.yaml`: YAML, then `AssessmentSchema`, then the rule that
 * `id` equals the file name. Never throws; format the problems with `formatProblems(fileName, problems)`
 * for the build's wording (`file: field "x": expected …; given ….`).
 */
export function parseAssessmentFile(fileName: string, yamlText: string): Result<Assessment> {
  let data: unknown;
  try {
    data = parseYaml(yamlText, { uniqueKeys: true, maxAliasCount: 50, logLevel: 'error' });
  } catch (error) {
    const reason = (error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error)).replace(/:$/, '');
    return refuse({ code: 'not_parseable', field: '', expected: 'valid YAML', given: `text that cannot be read as YAML (${reason})` });
  }
  return checkEntry(AssessmentSchema, data, { fileId: baseName(fileName), idRoute: ASSESSMENT_ROUTE });
}
