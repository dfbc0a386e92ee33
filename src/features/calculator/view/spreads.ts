import { FIELD_GROUPS, FIELD_SPECS, SPREAD_KEYS, readNumber, type FieldGroup, type Scenario, type Spread, type SpreadKey } from '../fields.ts';
import { fieldBounds } from '../rules.ts';
import { formatFieldValue, GROUP_LABELS } from './wording.ts';
import { tidy } from './form.ts';
import type { Formatters } from '../../../common/format.ts';
import { formatTypedNumber, parseTypedNumber } from '../../../common/typed-number.ts';

/**
 * "How sure are you?": the spread of each uncertain input, typed as ± % (30 means the input may be up
 * to 30 % lower or higher than typed; 0 holds it fixed). A number rather than a few named choices,
 * because the defaults (30 %, and 34 % for the ramp) and any link may carry values no short list
 * would hold; the words (sure, fairly sure, unsure) are shown beside each number instead, with the
 * range the input is drawn in. Pure: the store reads the form through `readSpreads`, the page and
 * the server show `spreadFields`.
 */

/** One spread input as shown. */
export interface SpreadField {
  key: SpreadKey;
  /** The input's id and the id prefix of its hint and message. */
  id: string;
  label: string;
  /** What the input holds: the spread in %, e.g. "30". */
  text: string;
  /** How sure that is and what it means for this input, e.g. "Unsure: drawn between 6 and 18 meetings." */
  hint: string;
  /** Set when the spread is not the site's default; says the default, e.g. "Changed: the default is 30 %." */
  changed: string;
}

/** The spread inputs of one form group. */
export interface SpreadGroup {
  group: FieldGroup;
  legend: string;
  fields: SpreadField[];
  /** How many of its spreads are not the site's defaults. */
  changed: number;
}

/** The typed spreads, by key. */
export type SpreadEntries = ReadonlyMap<SpreadKey, string>;

/** What reading the typed spreads gives: the scenario with them when all are valid, and a message per one that is not. */
export interface SpreadReading {
  scenario: Scenario;
  errors: ReadonlyMap<SpreadKey, string>;
}

/** The largest spread, in %: an input drawn between 0 and twice its value. */
export const MAX_SPREAD_PERCENT = 100;

/** The id of a spread input (`sp-inHouse-meetingsPerMonth`). */
export const spreadId = (key: SpreadKey): string => `sp-${key.replace('.', '-')}`;

/** The text a spread input shows for a relative spread f (0.3 → "30"). */
export function spreadText(f: number, locale: string): string {
  return formatTypedNumber(tidy(f * 100), locale);
}

/** How sure a spread says you are, in words. */
export function surenessWord(f: number): string {
  if (f === 0) return 'Fixed';
  if (f <= 0.1) return 'Sure';
  if (f <= 0.25) return 'Fairly sure';
  if (f <= 0.5) return 'Unsure';
  return 'Very unsure';
}

/** The range the methodology draws the input in (its value ± f, kept in the field's range; whole numbers for integer fields). */
export function drawRange(scenario: Scenario, key: SpreadKey, f: number): { low: number; high: number } | null {
  const value = readNumber(scenario, key);
  if (value === null) return null;
  const { min, max } = fieldBounds(scenario, key);
  const integer = 'integer' in FIELD_SPECS[key] && FIELD_SPECS[key].integer === true;
  const round = (x: number) => (integer ? Math.round(x) : x);
  return { low: round(Math.max(min, value * (1 - f))), high: round(Math.min(max, value * (1 + f))) };
}

/** The line under a spread input: how sure, and between which values the input is drawn. */
export function spreadHint(scenario: Scenario, key: SpreadKey, f: number, fmt: Formatters): string {
  const range = drawRange(scenario, key, f);
  if (range === null) return 'Used once this option has its own deal value; while it is empty, the shared deal value’s spread applies.';
  const show = (value: number) => formatFieldValue(key, value, fmt);
  if (f === 0 || range.low === range.high) return `${surenessWord(f)}: held at ${show(range.low)} in every run.`;
  return `${surenessWord(f)}: drawn between ${show(range.low)} and ${show(range.high)}.`;
}

/** The spread inputs for a scenario, grouped as the form is (inputs with no spread key are left out); each says whether it differs from `defaults`. */
export function spreadFields(scenario: Scenario, fmt: Formatters, defaults: Spread): SpreadGroup[] {
  return FIELD_GROUPS.flatMap((group) => {
    const keys = SPREAD_KEYS.filter((key) => key.startsWith(`${group}.`));
    if (keys.length === 0) return [];
    const fields = keys.map((key) => {
      const f = scenario.uncertainty.spread[key] ?? 0;
      const initial = defaults[key] ?? 0;
      return {
        key,
        id: spreadId(key),
        label: FIELD_SPECS[key].label,
        text: spreadText(f, fmt.locale),
        hint: spreadHint(scenario, key, f, fmt),
        changed: f === initial ? '' : `Changed: the default is ${spreadText(initial, fmt.locale)} %.`,
      };
    });
    return [{ group, legend: GROUP_LABELS[group], fields, changed: fields.filter((field) => field.changed !== '').length }];
  });
}

/** The line a collapsed group of spreads shows under its name: what is left to fix, and how many spreads differ from the defaults. */
export function spreadDigest(group: SpreadGroup, errors = 0): string {
  const count = group.fields.length;
  const unchanged = count === 1 ? 'At the default' : count === 2 ? 'Both at the defaults' : `All ${count} at the defaults`;
  const state = group.changed === 0 ? unchanged : `${group.changed} of ${count} changed from the defaults`;
  return errors > 0 ? `${errors} to fix · ${state}` : state;
}

/** Reads one typed spread: a number of % from 0 to 100 (a trailing "%" is allowed), as a relative spread f. */
export function readSpread(text: string, locale: string): { ok: true; value: number } | { ok: false; message: string } {
  const reading = parseTypedNumber(text, locale, { percent: true });
  const given = text.trim() === '' ? 'nothing' : `“${text.trim()}”`;
  const expected = `Enter how far this input may be off, either way, as a % from 0 to ${MAX_SPREAD_PERCENT} (0 holds it fixed; 10 sure, 25 fairly sure, 50 unsure). Given: ${given}.`;
  if (!reading.ok || !Number.isFinite(reading.value) || reading.value < 0 || reading.value > MAX_SPREAD_PERCENT) return { ok: false, message: expected };
  return { ok: true, value: tidy(reading.value / 100) };
}

/**
 * Reads every typed spread over `current`. Keys not typed keep their spread. A spread above 0 on a
 * deal value left empty is refused (the methodology refuses it too): set the deal value first.
 */
export function readSpreads(entries: SpreadEntries, current: Scenario, locale: string): SpreadReading {
  const errors = new Map<SpreadKey, string>();
  const spread: Spread = { ...current.uncertainty.spread };
  for (const key of SPREAD_KEYS) {
    const text = entries.get(key);
    if (text === undefined) continue;
    const reading = readSpread(text, locale);
    if (!reading.ok) {
      errors.set(key, reading.message);
      continue;
    }
    if (reading.value > 0 && readNumber(current, key) === null) {
      errors.set(
        key,
        'This option’s deal value is empty (the shared one is used): enter its own deal value first, or set the spread of the shared deal value instead.',
      );
      continue;
    }
    spread[key] = reading.value;
  }
  if (errors.size > 0) return { scenario: current, errors };
  // Only spreads above 0, in SPREAD_KEYS order, as every scenario keeps them.
  const kept: Spread = {};
  for (const key of SPREAD_KEYS) if ((spread[key] ?? 0) > 0) kept[key] = spread[key];
  return { scenario: { ...current, uncertainty: { ...current.uncertainty, spread: kept } }, errors };
}

/** True when two scenarios vary the same inputs by the same spreads. */
export function sameSpreads(a: Spread, b: Spread): boolean {
  return SPREAD_KEYS.every((key) => (a[key] ?? 0) === (b[key] ?? 0));
}

/** The scenario without spreads on deal values left empty (clearing a deal value drops its spread, as the methodology requires). */
export function withoutEmptyDealSpreads(scenario: Scenario): Scenario {
  const spread = scenario.uncertainty.spread;
  const dropped = SPREAD_KEYS.filter((key) => key.endsWith('.dealValue') && (spread[key] ?? 0) > 0 && readNumber(scenario, key) === null);
  if (dropped.length === 0) return scenario;
  const kept: Spread = { ...spread };
  for (const key of dropped) delete kept[key];
  return { ...scenario, uncertainty: { ...scenario.uncertainty, spread: kept } };
}
