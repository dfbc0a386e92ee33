import { isFieldPath, readField, type FieldPath, type Scenario, type SpreadKey } from '../fields.ts';
import { fieldId } from './form.ts';
import { DEFAULT_COMPARISON, comparisonFor } from './answer.ts';
import { fieldName, formatFieldValue } from './wording.ts';
import type { Formatters } from '../../../common/format.ts';
import { plural } from '../../../common/plural.ts';
import { isolate, type Problem } from '../../../common/problems.ts';

/**
 * The sentences around the calculator's results: the status line, the list of inputs to fix, what
 * a link or an imported file could not use, and what the actions did. Pure; the page shows them
 * as text.
 */

/** Problems listed at most for one link or file; the rest are counted. */
export const MAX_LISTED = 20;

/** The status line. */
export const STATUS = {
  current: 'Up to date',
  fromLink: 'From the link, with defaults for the values it could not use',
  stale: (count: number): string => `Out of date: ${count === 1 ? '1 input needs' : `${count} inputs need`} fixing`,
  unconfirmed: (count: number): string => `Waiting for you: ${count === 1 ? '1 value looks' : `${count} values look`} like a typing slip`,
} as const;

/**
 * The status line while a "how sure are you?" spread is not valid: the ranges and the link keep the
 * last valid spreads, so the line says they are not updated and names the spreads to fix. `before` is
 * what the line says about the main inputs (left out when they are up to date).
 */
export function spreadStatus(keys: readonly SpreadKey[], before = ''): string {
  const names = keys.map((key) => `“${fieldName(key)}”`);
  const which =
    names.length === 1
      ? `the spread of ${names[0]} needs fixing`
      : `${names.length} spreads need fixing: ${names.slice(0, 3).join(', ')}${names.length > 3 ? '…' : ''}`;
  const line = `Ranges and link not updated: ${which}`;
  return before ? `${before}. ${line}` : line;
}

/** What the action buttons say they did. */
export const MESSAGES = {
  noDefaults: 'The calculator’s defaults could not be read, so it cannot update. The numbers shown are the defaults.',
  csv: (months: number): string => `Downloaded pipeline-cost.csv: the inputs, a summary and ${months} months of each option.`,
  json: 'Downloaded pipeline-cost-results.json: the scenario and the results of the three models.',
  reset: 'Back to the defaults.',
  imported: (fileName: string): string => `Imported “${isolate(fileName)}”.`,
  copied: 'Link copied. Whoever opens it sees these inputs and can check the numbers with npm run calc.',
  copyByHand: 'Copy the link from the box above (Ctrl+C or ⌘C): this browser did not let the page copy it.',
} as const;

/** One entry of the out-of-date list: a link to the input and what is wrong with it. */
export interface StaleItem {
  href: string;
  text: string;
}

/** The out-of-date list: every input to fix, in form order of the messages given. */
export function staleItems(errors: ReadonlyMap<FieldPath, string>): StaleItem[] {
  return [...errors].map(([path, message]) => ({ href: `#f-${fieldId(path)}`, text: `${fieldName(path)}: ${message}` }));
}

/**
 * One problem as a sentence. `fallback` (links) adds the default the calculator uses instead;
 * a field the calculator does not have is named as such.
 */
export function problemText(problem: Problem, defaults: Scenario, fmt: Formatters, fallback: boolean): string {
  if (problem.code === 'unknown_field') {
    return `“${isolate(problem.field)}” is not an input of the calculator (given ${problem.given}); it was ignored.`;
  }
  // The link's question (codec.ts, LINK_QUESTION_KEY) is not an input: it is named as the page names it.
  if (problem.field === 'q' && fallback) {
    return `Your question (q): expected ${problem.expected}; given ${problem.given}. Using the default question, “${comparisonFor(DEFAULT_COMPARISON).label}”.`;
  }
  if (!isFieldPath(problem.field)) {
    return `${problem.field ? `“${problem.field}”` : 'The file'}: expected ${problem.expected}; given ${problem.given}.`;
  }
  const use = fallback ? ` Using the default, ${formatFieldValue(problem.field, readField(defaults, problem.field), fmt)}.` : '';
  return `${fieldName(problem.field)} (${problem.field}): expected ${problem.expected}; given ${problem.given}.${use}`;
}

/** The sentences for a list of problems, at most MAX_LISTED of them (a crafted file can carry thousands). */
export function problemItems(problems: readonly Problem[], defaults: Scenario, fmt: Formatters, fallback: boolean): string[] {
  const shown = problems.slice(0, MAX_LISTED).map((p) => problemText(p, defaults, fmt, fallback));
  if (problems.length > MAX_LISTED) shown.push(`…and ${problems.length - MAX_LISTED} more.`);
  return shown;
}

/** The heading over a refused file's problems. */
export function importTitle(fileName: string, count: number): string {
  return `“${isolate(fileName)}” was not imported (${plural(count, 'problem')}); nothing was changed:`;
}
