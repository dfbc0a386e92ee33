/**
 * Numbers as a sales leader types them: "70k", "1.2m", "70,000", "$70,000", "70 000", "1.234,5"
 * (in a locale that writes decimals with a comma). Anything this cannot read with certainty is
 * refused with a reason, never guessed: "1,5" in a locale that writes 1.5 could be either, so it is
 * refused rather than read as 15 or 1.5. Pure; no DOM.
 */

/** The outcome of reading typed text: the number, or why it could not be read. */
export type TypedNumber = { ok: true; value: number } | { ok: false; reason: string };

/** How a locale writes 1,234.5: its thousands separator and its decimal mark. */
export interface NumberMarks {
  group: string;
  decimal: string;
}

const marksCache = new Map<string, NumberMarks>();

/** The thousands separator and decimal mark of a locale (en-US when the locale is unknown). */
export function numberMarks(locale: string): NumberMarks {
  const cached = marksCache.get(locale);
  if (cached) return cached;
  let parts: Intl.NumberFormatPart[];
  try {
    parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  } catch {
    parts = new Intl.NumberFormat('en-US').formatToParts(1234567.5);
  }
  const marks = {
    group: parts.find((part) => part.type === 'group')?.value ?? ',',
    decimal: parts.find((part) => part.type === 'decimal')?.value ?? '.',
  };
  marksCache.set(locale, marks);
  return marks;
}

/** Multipliers a leader writes after a number: 70k, 1.2m, 2bn. */
const SUFFIXES: Readonly<Record<string, number>> = { k: 1e3, m: 1e6, mm: 1e6, mn: 1e6, b: 1e9, bn: 1e9 };
/** Currency signs and codes that may stand before or after the number; the calculator's currency is set elsewhere. */
const CODES = 'USD|EUR|GBP|CHF|CAD|AUD|NZD|JPY|CNY|INR|SEK|NOK|DKK|PLN|CZK|HUF|SGD|HKD|ZAR|BRL|MXN|ILS|AED';
const CURRENCY = new RegExp(`^(?:[$€£¥₹₩₽₺₪₫฿₦₱₴]|${CODES}|US\\$|[ACS]\\$)\\s*|\\s*(?:[$€£¥₹₩₽₺₪₫฿₦₱₴]|${CODES})$`, 'i');
/** Spaces and apostrophes are only ever thousands separators (fr-FR "70 000", de-CH "70’000"). */
const SPACE_GROUP = /[\s\u00a0\u202f'’]/;
const EXPONENT = /^(?:\d+(?:\.\d*)?|\.\d+)e[+-]?\d+$/i;

const HOW = 'Type digits, for example 70000, 70,000 or 70k.';
const refuse = (text: string, why = ''): TypedNumber => ({ ok: false, reason: `“${text}” is not a number we can read${why}. ${HOW}` });

/** Digits separated by thousands separators: "70", "70,000", "1,00,000"; the groups after the first have 2 or 3 digits and the last has 3. */
function joinGroups(groups: readonly string[]): string | null {
  if (groups.length === 0 || !/^\d{1,3}$/.test(groups[0] ?? '')) return groups.length === 1 && /^\d+$/.test(groups[0] ?? '') ? (groups[0] ?? null) : null;
  const rest = groups.slice(1);
  if (rest.length === 0) return groups[0] ?? null;
  if (!/^\d{3}$/.test(rest[rest.length - 1] ?? '') || !rest.every((group) => /^\d{2,3}$/.test(group))) return null;
  return groups.join('');
}

/**
 * Reads typed text as a number in the given locale. `percent` allows a trailing "%" (the share
 * fields are typed as percentages, so "45%" and "45" both mean 45).
 */
export function parseTypedNumber(text: string, locale: string, options: { percent?: boolean } = {}): TypedNumber {
  const shown = text.trim();
  let rest = shown;
  if (rest === '') return { ok: false, reason: 'Enter a value.' };
  if (options.percent && rest.endsWith('%')) rest = rest.slice(0, -1).trim();
  let sign = 1;
  if (/^[-−+]/.test(rest)) {
    sign = rest[0] === '+' ? 1 : -1;
    rest = rest.slice(1).trim();
  }
  // A currency sign before or after, and then a sign after the currency ("$-5" is as clear as "-$5").
  for (let i = 0; i < 2; i++) rest = rest.replace(CURRENCY, '');
  if (sign === 1 && /^[-−]/.test(rest)) {
    sign = -1;
    rest = rest.slice(1).trim();
  }
  let multiplier = 1;
  const suffix = /^(.*?\d)\s*(k|mm|mn|m|bn|b)$/i.exec(rest);
  if (suffix) {
    rest = suffix[1] ?? '';
    multiplier = SUFFIXES[(suffix[2] ?? '').toLowerCase()] ?? 1;
  }
  if (rest === '') return refuse(shown);
  if (EXPONENT.test(rest) && multiplier === 1) return finish(Number(rest) * sign, shown);

  const { group, decimal } = numberMarks(locale);
  // Spaces and apostrophes first: they never mark decimals.
  const spaced = rest.split(SPACE_GROUP);
  let body: string;
  if (spaced.length > 1) {
    const last = spaced[spaced.length - 1] ?? '';
    const tail = /^(\d{3})([.,]\d*)?$/.exec(last);
    const joined = tail ? joinGroups([...spaced.slice(0, -1), tail[1] ?? '']) : null;
    if (joined === null) return refuse(shown, ': the spaces are not between groups of three digits');
    body = joined + (tail?.[2] ? `.${tail[2].slice(1)}` : '');
  } else {
    const marks = rest.replace(/\d/g, '');
    if (/[^.,]/.test(marks)) return refuse(shown);
    const commas = marks.split(',').length - 1;
    const dots = marks.split('.').length - 1;
    if (commas > 0 && dots > 0) {
      // Both marks: the one written last is the decimal mark ("70,000.50", "70.000,50").
      const decimalMark = rest.lastIndexOf(',') > rest.lastIndexOf('.') ? ',' : '.';
      const groupMark = decimalMark === ',' ? '.' : ',';
      const [whole = '', fraction = '', extra] = rest.split(decimalMark);
      if (extra !== undefined) return refuse(shown, `: “${decimalMark}” appears twice`);
      const joined = joinGroups(whole.split(groupMark));
      if (joined === null || !/^\d*$/.test(fraction)) return refuse(shown, ': the thousands separators are not between groups of three digits');
      body = `${joined}.${fraction}`;
    } else if (commas + dots === 0) {
      body = rest;
    } else {
      const mark = commas > 0 ? ',' : '.';
      const pieces = rest.split(mark);
      if (pieces.length > 2) {
        // The same mark more than once can only separate thousands.
        const joined = joinGroups(pieces);
        if (joined === null) return refuse(shown, ': the thousands separators are not between groups of three digits');
        body = joined;
      } else if (mark === decimal || (mark === '.' && group !== '.')) {
        body = `${pieces[0]}.${pieces[1]}`;
      } else if (mark === group || mark === ',') {
        // A comma in a locale whose decimal mark is a dot: a thousands separator when three digits follow.
        const joined = joinGroups(pieces);
        if (joined === null) {
          const example = `${pieces[0] || '0'}${decimal}${pieces[1]}`;
          return refuse(shown, `: write decimals with “${decimal}” (${example}) and thousands with three digits after “${mark}”`);
        }
        body = joined;
      } else {
        return refuse(shown);
      }
    }
  }
  if (!/^(?:\d+(?:\.\d*)?|\.\d+)$/.test(body)) return refuse(shown);
  return finish(Number(body) * multiplier * sign, shown);
}

function finish(value: number, shown: string): TypedNumber {
  if (Number.isNaN(value)) return refuse(shown);
  // Decimal suffixes (1.2m) carry binary noise: 1.2 × 1e6 = 1200000.0000000002 without this.
  return { ok: true, value: Number.isFinite(value) ? Number(value.toPrecision(15)) : value };
}

/** One formatter per locale, made on first use: the form shows some forty numbers at a time. */
const typedFormats = new Map<string, Intl.NumberFormat>();

/** A number as the form shows it: thousands separators in the locale's style, up to 10 decimals, never exponent notation. */
export function formatTypedNumber(value: number, locale: string): string {
  let format = typedFormats.get(locale);
  if (!format) {
    const options: Intl.NumberFormatOptions = { maximumFractionDigits: 10, useGrouping: true };
    try {
      format = new Intl.NumberFormat(locale, options);
    } catch {
      format = new Intl.NumberFormat('en-US', options);
    }
    typedFormats.set(locale, format);
  }
  return format.format(value);
}
