import { afterEach, describe, expect, test, vi } from 'vitest';
import { MISSING, createFormatters } from '../../../src/common/format.ts';

describe('createFormatters', () => {
  const en = createFormatters('en-US', 'USD');

  test.each([
    { value: 40000, expected: '$40,000' },
    { value: 2626.960613964077, expected: '$2,627' },
    { value: 100, expected: '$100' },
    { value: 12.5, expected: '$12.50' },
    { value: 0, expected: '$0.00' },
    { value: -0, expected: '$0.00' },
    { value: -1500.4, expected: '-$1,500' },
    { value: null, expected: MISSING },
    { value: Number.NaN, expected: MISSING },
    { value: Number.POSITIVE_INFINITY, expected: MISSING },
  ])('money($value) is $expected', ({ value, expected }) => {
    expect(en.money(value)).toBe(expected);
  });

  test.each([
    { name: 'compact money', actual: () => en.moneyCompact(1333531.77), expected: '$1.3M' },
    { name: 'number', actual: () => en.number(22.45146), expected: '22.5' },
    { name: 'number with digits', actual: () => en.number(4.490292, 2), expected: '4.49' },
    { name: 'percent', actual: () => en.percent(0.25), expected: '25%' },
    { name: 'ROI as percent', actual: () => en.percent(1.2840083), expected: '128.4%' },
    { name: 'months', actual: () => en.months(24), expected: '24 months' },
    { name: 'one month', actual: () => en.months(1), expected: '1 month' },
    { name: 'null months', actual: () => en.months(null), expected: '—' },
    { name: 'null percent', actual: () => en.percent(null), expected: '—' },
  ])('$name', ({ actual, expected }) => {
    expect(actual()).toBe(expected);
  });

  test('other locales and currencies', () => {
    const de = createFormatters('de-DE', 'EUR');
    expect(de.money(40000).replace(/\s/g, ' ')).toBe('40.000 €');
    expect(de.percent(0.455)).toMatch(/^45,5\s?%$/);
    const jp = createFormatters('ja-JP', 'JPY');
    expect(jp.money(50)).toMatch(/50$/);
  });

  // A page's first use of Intl loads its locale data (tens of milliseconds on a phone): a calculator
  // opened on the defaults shows the server's numbers and must not pay for it before it formats anything.
  test('makes no Intl formatter until a number is formatted, then only the one it needs, once', () => {
    const made = vi.spyOn(Intl, 'NumberFormat');
    const supported = vi.spyOn(Intl.NumberFormat, 'supportedLocalesOf');
    const fmt = createFormatters('en-US', 'USD');
    expect(made).not.toHaveBeenCalled();
    expect(supported).not.toHaveBeenCalled();
    expect(fmt.money(40000)).toBe('$40,000');
    expect(fmt.money(125000)).toBe('$125,000');
    expect(made).toHaveBeenCalledTimes(1);
    expect(fmt.locale).toBe('en-US');
    expect(supported).toHaveBeenCalledTimes(1);
  });

  test('never throws on a bad locale or currency', () => {
    const bad = createFormatters('not a locale!!', 'US$');
    expect(bad.locale).toBe('en-US');
    expect(bad.money(1234)).toBe('1,234 US$');
    expect(bad.number(1.25, 99)).toBe('1.25');
  });
});

afterEach(() => {
  vi.restoreAllMocks();
});
