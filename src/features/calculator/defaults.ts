import { parseDocument } from 'yaml';
import { CalculatorDefaultsSchema, type CalculatorDefaults } from './schema.ts';
import { formatProblems, type Problem } from '../../common/problems.ts';
import { problemsFromZod } from '../../common/zod-problems.ts';

/** Where the defaults live inside the content directory. */
export const DEFAULTS_RELATIVE_PATH = 'calculator/defaults.yaml';

/**
 * The outcome of reading the defaults file: a `Result<CalculatorDefaults>`, whose failure also
 * carries `message`, every problem on its own line with the file name.
 */
export type CalculatorDefaultsResult = { ok: true; value: CalculatorDefaults } | { ok: false; problems: Problem[]; message: string };

/**
 * Parses the calculator defaults from YAML text (works in the browser, the build, the CLI and
 * tests). `fileName` only labels the problems.
 */
export function parseCalculatorDefaults(text: string, fileName: string): CalculatorDefaultsResult {
  const document = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (document.errors.length > 0) {
    const problems = document.errors.map((error): Problem => ({
      code: 'not_parseable',
      field: '',
      expected: 'valid YAML',
      given: `a syntax error: ${error.message.split('\n')[0] ?? error.message}`,
    }));
    return { ok: false, problems, message: formatProblems(fileName, problems) };
  }
  const data: unknown = document.toJS();
  const parsed = CalculatorDefaultsSchema.safeParse(data);
  if (!parsed.success) {
    // Problems translated from zod without a code of their own get the general one.
    const problems = problemsFromZod(parsed.error, data).map((p): Problem => ({ code: 'invalid', ...p }));
    return { ok: false, problems, message: formatProblems(fileName, problems) };
  }
  return { ok: true, value: parsed.data };
}
