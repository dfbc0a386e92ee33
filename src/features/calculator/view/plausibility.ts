import { GUARDED_PATHS, PLAUSIBLE_MIN, isImplausible, readNumber, type NumericFieldPath, type Scenario } from '../fields.ts';
import { formatTypedNumber } from '../../../common/typed-number.ts';

/**
 * The warning next to a value that is allowed but almost surely a typing slip (fields.ts,
 * PLAUSIBLE_MIN): "70 a year looks like a typing slip: did you mean 70,000?". A value typed in the
 * form is held back until the person chooses; a value that came with a link or a file is used as
 * given (its sender chose it) and the same warning is shown. Pure.
 */

/** A value waiting for the person's word: `held` when the results do not use it yet. */
export interface Unconfirmed {
  value: number;
  held: boolean;
}

/** The guarded fields whose value is implausible in a scenario (a link or file is applied as given, so these are not held). */
export function implausibleIn(scenario: Scenario): Map<NumericFieldPath, Unconfirmed> {
  const found = new Map<NumericFieldPath, Unconfirmed>();
  for (const path of GUARDED_PATHS) {
    const value = readNumber(scenario, path);
    if (value !== null && isImplausible(path, value)) found.set(path, { value, held: false });
  }
  return found;
}

/** The value the slip most likely stands for: the amount in thousands ("70" for "70k"). */
export const suggestedValue = (value: number): number => Number((value * 1000).toPrecision(12));

/** What the warning next to a field says and offers. */
export interface WarningView {
  path: NumericFieldPath;
  text: string;
  /** The button that keeps the value as it is ("Use 70" while held, "Keep 70" when already used). */
  keep: string;
  /** The button that puts the suggestion in the field ("Use 70,000"). */
  fix: string;
  /** The suggestion as the field shows it. */
  fixText: string;
}

/** The warning for one field, written with the locale's separators as the field shows numbers. */
export function warningView(path: NumericFieldPath, { value, held }: Unconfirmed, locale: string): WarningView {
  const per = PLAUSIBLE_MIN[path]?.per ?? 'year';
  const typed = formatTypedNumber(value, locale);
  const fixText = formatTypedNumber(suggestedValue(value), locale);
  const then = held ? 'The results do not use it until you choose.' : 'The results use it, as the link or file gave it.';
  return {
    path,
    text: `${typed} a ${per} looks like a typing slip: did you mean ${fixText}? ${then}`,
    keep: held ? `Use ${typed}` : `Keep ${typed}`,
    fix: `Use ${fixText}`,
    fixText,
  };
}
