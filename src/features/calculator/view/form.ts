import { CURRENCY_CODE, FIELD_SPECS, NUMBER_TEXT, type FieldPath, type NumericFieldPath, type NumericFieldSpec } from '../fields.ts';
import type { Formatters } from '../../../common/format.ts';

/**
 * How the calculator's form shows and reads each numeric field. Shares (0–1 in the scenario) are
 * entered as percentages; everything else is entered in the scenario's own unit. Pure; the page
 * (server and browser) and the tests use it.
 */

/** Shares are typed as percentages: 45 means 0.45. */
export const isPercentField = (path: NumericFieldPath): boolean => FIELD_SPECS[path].unit === 'share';

/** Removes floating-point noise (0.33299999999999996 → 0.333) from a converted value. */
const tidy = (value: number): number => Number(value.toPrecision(12));

/** The text a field's input shows for a scenario value (`null` seats show as empty). */
export function inputText(path: NumericFieldPath, value: number | null): string {
  if (value === null) return '';
  return String(isPercentField(path) ? tidy(value * 100) : value);
}

/** The unit shown after a field's label, e.g. "USD", "%", "months"; empty when the label says it. */
export function unitText(spec: NumericFieldSpec, currency: string): string {
  switch (spec.unit) {
    case 'money':
      return currency;
    case 'moneyPerHour':
      return `${currency} per hour`;
    case 'share':
      return '%';
    case 'integer':
      return 'seats';
    case 'number':
      return '';
    default:
      return spec.unit;
  }
}

/** The allowed range in the form's units, e.g. "1 to 60 months", "0 to 100 %", "more than 0, up to 10,000". */
export function rangeText(path: NumericFieldPath, bounds: { min: number; max: number }, fmt: Formatters, currency: string): string {
  const spec = FIELD_SPECS[path];
  const scale = isPercentField(path) ? 100 : 1;
  const number = (value: number) => fmt.number(tidy(value * scale), 2);
  const unit = unitText(spec, currency);
  const suffix = unit === '%' ? ' %' : unit ? ` ${unit}` : '';
  const whole = 'integer' in spec && spec.integer ? 'a whole number ' : '';
  if ('exclusiveMin' in spec && spec.exclusiveMin) return `${whole}more than ${number(bounds.min)}, up to ${number(bounds.max)}${suffix}`;
  return `${whole}${number(bounds.min)} to ${number(bounds.max)}${suffix}`;
}

/** The outcome of reading one input: the scenario value, or a message for the person typing. */
export type FieldReading = { ok: true; value: number } | { ok: false; message: string };

/**
 * Reads what was typed into a numeric field. `badInput` is the browser's flag for text a number
 * input cannot read (it then reports an empty value). The message always names the allowed range.
 */
export function readInput(
  path: NumericFieldPath,
  text: string,
  badInput: boolean,
  bounds: { min: number; max: number },
  fmt: Formatters,
  currency: string,
): FieldReading {
  const spec = FIELD_SPECS[path];
  const allowed = `Allowed: ${rangeText(path, bounds, fmt, currency)}.`;
  const trimmed = text.trim();
  if (badInput || (trimmed !== '' && !NUMBER_TEXT.test(trimmed))) {
    return { ok: false, message: `Not a number. ${allowed}` };
  }
  if (trimmed === '') return { ok: false, message: `Enter a value. ${allowed}` };
  const typed = Number(trimmed);
  if (!Number.isFinite(typed)) return { ok: false, message: `Too large. ${allowed}` };
  const value = isPercentField(path) ? tidy(typed / 100) : typed;
  if ('integer' in spec && spec.integer && !Number.isInteger(value)) return { ok: false, message: `Use a whole number. ${allowed}` };
  const belowMin = 'exclusiveMin' in spec && spec.exclusiveMin ? value <= bounds.min : value < bounds.min;
  if (belowMin) return { ok: false, message: `Too low. ${allowed}` };
  if (value > bounds.max) return { ok: false, message: `Too high. ${allowed}` };
  return { ok: true, value };
}

/** Reads the currency field: three letters, upper-cased for the person. */
export function readCurrency(text: string): { ok: true; value: string } | { ok: false; message: string } {
  const value = text.trim().toUpperCase();
  return CURRENCY_CODE.test(value)
    ? { ok: true, value }
    : { ok: false, message: 'Enter a three-letter ISO 4217 currency code, e.g. USD or EUR.' };
}

/** A field's dotted path as an element id fragment (`inHouse.baseSalary` → `inHouse-baseSalary`). */
export const fieldId = (path: FieldPath): string => path.replace('.', '-');
