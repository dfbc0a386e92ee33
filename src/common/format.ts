/**
 * Display formatting for the calculator. The model's numbers are unrounded; rounding happens here
 * only. Every formatter accepts `null` (and any non-finite number) and shows it as MISSING.
 */

/** Shown for a result that cannot be computed (a null ratio); the reason is shown next to it. */
export const MISSING = '—';

/** Formatters bound to one locale and currency. */
export interface Formatters {
  readonly locale: string;
  readonly currency: string;
  /** Money: whole units from 100 up, cents below (e.g. "$40,000", "$12.50"). */
  money(value: number | null): string;
  /** Money in compact notation for charts and tight cells (e.g. "$1.2M"). */
  moneyCompact(value: number | null): string;
  /** A plain number with at most `maximumFractionDigits` decimals (default 1). */
  number(value: number | null, maximumFractionDigits?: number): string;
  /** A share (0.25) as a percentage ("25%"), at most one decimal. */
  percent(value: number | null): string;
  /** A number of months ("1 month", "24 months"). */
  months(value: number | null): string;
  /** The text for a missing value. */
  readonly missing: string;
}

const FALLBACK_LOCALE = 'en-US';

function safeLocale(locale: string): string {
  try {
    return Intl.NumberFormat.supportedLocalesOf([locale]).length > 0 ? locale : FALLBACK_LOCALE;
  } catch {
    return FALLBACK_LOCALE;
  }
}

function makeFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat | null {
  try {
    return new Intl.NumberFormat(locale, options);
  } catch {
    return null;
  }
}

/** Normalises -0 to 0 so that nothing ever shows as "-0". */
function clean(value: number): number {
  return value === 0 ? 0 : value;
}

/** A value made on first use and kept: making an Intl formatter costs far more than using one. */
function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

/**
 * Creates the calculator's formatters. An unknown locale falls back to en-US and an unusable
 * currency code to a number followed by the code, so formatting never throws. Nothing is made until
 * it is first used: a page's first use of Intl costs tens of milliseconds (it loads the locale data),
 * and a page opened on the defaults shows what the server wrote without formatting anything.
 */
export function createFormatters(locale: string, currency: string): Formatters {
  const lang = once(() => safeLocale(locale));
  const wholeMoney = once(() => makeFormat(lang(), { style: 'currency', currency, maximumFractionDigits: 0, minimumFractionDigits: 0 }));
  const smallMoney = once(() => makeFormat(lang(), { style: 'currency', currency }));
  const compactMoney = once(() => makeFormat(lang(), { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }));
  // One formatter per number of digits.
  const plainFormats = new Map<number, Intl.NumberFormat>();
  const plain = (digits: number): Intl.NumberFormat => {
    const places = Math.min(20, Math.max(0, Math.trunc(digits) || 0));
    let format = plainFormats.get(places);
    if (!format) {
      format = makeFormat(lang(), { maximumFractionDigits: places }) ?? new Intl.NumberFormat(FALLBACK_LOCALE);
      plainFormats.set(places, format);
    }
    return format;
  };
  const percentFormat = once(() => makeFormat(lang(), { style: 'percent', maximumFractionDigits: 1 }) ?? plain(1));
  const monthsFormat = once(() => makeFormat(lang(), { style: 'unit', unit: 'month', unitDisplay: 'long', maximumFractionDigits: 1 }));

  const guard =
    (format: (value: number) => string) =>
    (value: number | null): string =>
      value === null || !Number.isFinite(value) ? MISSING : format(clean(value));
  const withCode = (value: number, digits: number) => `${plain(digits).format(value)} ${currency}`;

  return {
    get locale() {
      return lang();
    },
    currency,
    missing: MISSING,
    money: guard((value) =>
      Math.abs(value) >= 100 ? (wholeMoney()?.format(value) ?? withCode(value, 0)) : (smallMoney()?.format(value) ?? withCode(value, 2)),
    ),
    moneyCompact: guard((value) => compactMoney()?.format(value) ?? withCode(value, 1)),
    number: (value, maximumFractionDigits = 1) => guard((v) => plain(maximumFractionDigits).format(v))(value),
    percent: guard((value) => percentFormat().format(value)),
    months: guard((value) => {
      const format = monthsFormat();
      return format ? format.format(value) : `${plain(1).format(value)} ${value === 1 ? 'month' : 'months'}`;
    }),
  };
}
