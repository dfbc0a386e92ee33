import {
  CURRENCY_CODE,
  FIELD_SPECS,
  SCENARIO_FIELDS,
  readNumber,
  withField,
  type FieldPath,
  type NumericFieldPath,
  type NumericFieldSpec,
  type Scenario,
} from '../fields.ts';
import { LINKED_PATHS, fieldBounds } from '../rules.ts';
import type { Evaluation, ModelId } from '../model/cost-model.ts';
import { createFormatters, type Formatters } from '../../../common/format.ts';
import { formatTypedNumber, parseTypedNumber } from '../../../common/typed-number.ts';

/**
 * How the calculator's form shows and reads each field. Shares (0–1 in the scenario) are entered as
 * percentages; everything else is entered in the scenario's own unit. Pure: the browser hands over
 * what the inputs hold (`FormEntries`) and gets back a scenario or a message per field; the server
 * render and the tests use the same functions.
 */

/** Shares are typed as percentages: 45 means 0.45. */
export const isPercentField = (path: NumericFieldPath): boolean => FIELD_SPECS[path].unit === 'share';

/** Removes floating-point noise (0.33299999999999996 → 0.333) from a converted value. */
export const tidy = (value: number): number => Number(value.toPrecision(12));

/** The text a field's input shows for a scenario value, with the locale's thousands separators (`null` seats show as empty). */
export function inputText(path: NumericFieldPath, value: number | null, locale: string): string {
  if (value === null) return '';
  return formatTypedNumber(isPercentField(path) ? tidy(value * 100) : value, locale);
}

/** The unit shown after a field's label, e.g. "USD", "%", "months"; empty when the label says it. */
export function unitText(spec: NumericFieldSpec, currency: string): string {
  // Whole numbers are seats, except the uncertainty run's counts (runs, seed), which have no unit.
  if (spec.unit === 'integer' && spec.label !== 'Seats') return '';
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
 * Reads what was typed into a numeric field as a person types numbers ("70k", "$70,000", "1.2m",
 * in the formatters' locale; see typed-number.ts). `badInput` is the browser's flag for text an
 * input could not read. The message always names the allowed range.
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
  if (badInput) return { ok: false, message: `Not a number. ${allowed}` };
  const reading = parseTypedNumber(text, fmt.locale, { percent: isPercentField(path) });
  if (!reading.ok) return { ok: false, message: `${reading.reason} ${allowed}` };
  const typed = reading.value;
  if (!Number.isFinite(typed)) return { ok: false, message: `Too large. ${allowed}` };
  const value = isPercentField(path) ? tidy(typed / 100) : typed;
  if ('integer' in spec && spec.integer && !Number.isInteger(value)) return { ok: false, message: `Use a whole number. ${allowed}` };
  return checkBounds(path, value, bounds, fmt, currency);
}

/** Checks a number against a field's bounds: the value, or "Too low" / "Too high" with the allowed range. */
export function checkBounds(path: NumericFieldPath, value: number, bounds: { min: number; max: number }, fmt: Formatters, currency: string): FieldReading {
  const spec = FIELD_SPECS[path];
  const allowed = `Allowed: ${rangeText(path, bounds, fmt, currency)}.`;
  const belowMin = 'exclusiveMin' in spec && spec.exclusiveMin ? value <= bounds.min : value < bounds.min;
  if (belowMin) return { ok: false, message: `Too low. ${allowed}` };
  if (value > bounds.max) return { ok: false, message: `Too high. ${allowed}` };
  return { ok: true, value };
}

/** Reads the currency field: three letters, upper-cased for the person. */
export function readCurrency(text: string): { ok: true; value: string } | { ok: false; message: string } {
  const value = text.trim().toUpperCase();
  return CURRENCY_CODE.test(value) ? { ok: true, value } : { ok: false, message: 'Enter a three-letter ISO 4217 currency code, e.g. USD or EUR.' };
}

/** A field's dotted path as an element id fragment (`inHouse.baseSalary` → `inHouse-baseSalary`). */
export const fieldId = (path: FieldPath): string => path.replace('.', '-');

/** What one input of the form holds, as the browser reads it. */
export interface FieldEntry {
  /** The input's text (numbers, currency) or the chosen option (choices; empty when none). */
  text: string;
  /** The browser could not read the number input's text (it then reports an empty value). */
  badInput?: boolean;
  /** The checkbox is ticked (true/false fields). */
  checked?: boolean;
  /** "Solve for my target" is ticked (seats). */
  solve?: boolean;
}

/** Every input of the form by field path; a field without an entry keeps its current value. */
export type FormEntries = ReadonlyMap<FieldPath, FieldEntry>;

/** What the form describes: the scenario, and a message for each field that is not valid (none when it is). */
export interface FormReading {
  scenario: Scenario;
  errors: Map<FieldPath, string>;
}

/**
 * Reads the whole form over `current` (the last valid scenario): each field against its own range,
 * then the fields whose range depends on another (days out, working days) against the scenario the
 * other fields describe. Unchanged text keeps the exact current value (a linked
 * 0.123456789012345 is not cut to the 12 digits the form shows).
 */
export function readForm(entries: FormEntries, current: Scenario, locale: string): FormReading {
  let scenario = current;
  const errors = new Map<FieldPath, string>();
  const currency = readCurrency(entries.get('currency')?.text ?? current.currency);
  if (currency.ok) scenario = withField(scenario, 'currency', currency.value);
  else errors.set('currency', currency.message);
  const fmt = createFormatters(locale, scenario.currency);

  for (const field of SCENARIO_FIELDS) {
    const path = field.path;
    const entry = entries.get(path);
    if (!entry || field.unit === 'currency') continue;
    if (field.unit === 'boolean') {
      scenario = withField(scenario, path, entry.checked === true);
      continue;
    }
    if (field.unit === 'enum') {
      if ((field.options as readonly string[]).includes(entry.text)) scenario = withField(scenario, path, entry.text);
      continue;
    }
    // Seats with "solve" ticked, or a deal value left empty (the shared one is used), are null.
    if (entry.solve || (path.endsWith('.dealValue') && entry.text.trim() === '' && !entry.badInput)) {
      scenario = withField(scenario, path, null);
      continue;
    }
    const numeric = path as NumericFieldPath;
    const now = readNumber(current, numeric);
    if (now !== null && entry.text === inputText(numeric, now, fmt.locale) && !entry.badInput) {
      scenario = withField(scenario, path, now);
      continue;
    }
    const spec = FIELD_SPECS[numeric];
    const reading = readInput(numeric, entry.text, entry.badInput === true, { min: spec.min, max: spec.max }, fmt, scenario.currency);
    if (reading.ok) scenario = withField(scenario, path, reading.value);
    else errors.set(path, reading.message);
  }

  for (const path of LINKED_PATHS) {
    if (errors.has(path)) continue;
    const reading = checkBounds(path, readNumber(scenario, path) ?? 0, fieldBounds(scenario, path), fmt, scenario.currency);
    if (!reading.ok) errors.set(path, reading.message);
  }
  return { scenario, errors };
}

/** The seats offered when "solve for my target" is unticked: the solved number, within the field's range. */
export function seatsToOffer(model: ModelId, evaluation: Evaluation): string {
  const spec = FIELD_SPECS[`${model === 'bridge' ? 'inHouse' : model}.seats`];
  return String(Math.min(spec.max, Math.max(spec.min, evaluation[model].seats)));
}
