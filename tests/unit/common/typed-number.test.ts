import { describe, expect, test } from 'vitest';
import { formatTypedNumber, parseTypedNumber } from '../../../src/common/typed-number.ts';

describe('numbers as a leader types them (en-US)', () => {
  test.each<[string, number]>([
    ['70000', 70000],
    ['70k', 70000],
    ['70K', 70000],
    ['70 k', 70000],
    ['1.2m', 1200000],
    ['1.2M', 1200000],
    ['2bn', 2e9],
    ['70,000', 70000],
    ['$70,000', 70000],
    ['$ 70,000', 70000],
    ['USD 70,000', 70000],
    ['70,000 USD', 70000],
    ['70000$', 70000],
    ['70 000', 70000],
    ['70\u202f000', 70000],
    ['70’000', 70000],
    ['1,234,567.89', 1234567.89],
    ['1.5', 1.5],
    ['.5', 0.5],
    ['1.234', 1.234],
    ['6e4', 60000],
    ['-5', -5],
    ['-$5', -5],
    ['$-5', -5],
    ['1,00,000', 100000],
    [' 60000 ', 60000],
  ])('%j reads as %d', (text, value) => {
    expect(parseTypedNumber(text, 'en-US')).toEqual({ ok: true, value });
  });

  test.each<[string, string]>([
    ['70x', '“70x” is not a number we can read. Type digits, for example 70000, 70,000 or 70k.'],
    ['12abc', '“12abc” is not a number we can read. Type digits, for example 70000, 70,000 or 70k.'],
    ['0x10', '“0x10” is not a number we can read. Type digits, for example 70000, 70,000 or 70k.'],
    ['1e', '“1e” is not a number we can read. Type digits, for example 70000, 70,000 or 70k.'],
    ['k', '“k” is not a number we can read. Type digits, for example 70000, 70,000 or 70k.'],
    ['$', '“$” is not a number we can read. Type digits, for example 70000, 70,000 or 70k.'],
    [
      '1,5',
      '“1,5” is not a number we can read: write decimals with “.” (1.5) and thousands with three digits after “,”. Type digits, for example 70000, 70,000 or 70k.',
    ],
    [
      '70,00',
      '“70,00” is not a number we can read: write decimals with “.” (70.00) and thousands with three digits after “,”. Type digits, for example 70000, 70,000 or 70k.',
    ],
    [
      '7,0,000',
      '“7,0,000” is not a number we can read: the thousands separators are not between groups of three digits. Type digits, for example 70000, 70,000 or 70k.',
    ],
    [
      '1.2.3',
      '“1.2.3” is not a number we can read: the thousands separators are not between groups of three digits. Type digits, for example 70000, 70,000 or 70k.',
    ],
    ['7 00', '“7 00” is not a number we can read: the spaces are not between groups of three digits. Type digits, for example 70000, 70,000 or 70k.'],
    ['45%', '“45%” is not a number we can read. Type digits, for example 70000, 70,000 or 70k.'],
    ['Infinity', '“Infinity” is not a number we can read. Type digits, for example 70000, 70,000 or 70k.'],
    ['NaN', '“NaN” is not a number we can read. Type digits, for example 70000, 70,000 or 70k.'],
  ])('%j is refused with a reason', (text, reason) => {
    expect(parseTypedNumber(text, 'en-US')).toEqual({ ok: false, reason });
  });

  test('empty text asks for a value', () => {
    expect(parseTypedNumber('  ', 'en-US')).toEqual({ ok: false, reason: 'Enter a value.' });
  });

  test('a percentage may carry its sign where the field is a share', () => {
    expect(parseTypedNumber('45%', 'en-US', { percent: true })).toEqual({ ok: true, value: 45 });
    expect(parseTypedNumber('45 %', 'en-US', { percent: true })).toEqual({ ok: true, value: 45 });
  });

  test('too large to be finite is reported as Infinity for the caller to refuse', () => {
    expect(parseTypedNumber('1e400', 'en-US')).toEqual({ ok: true, value: Infinity });
  });
});

describe('numbers in locales that write decimals with a comma', () => {
  test.each<[string, string, number]>([
    ['de-DE', '70.000', 70000],
    ['de-DE', '1.234,5', 1234.5],
    ['de-DE', '1,5', 1.5],
    ['de-DE', '70k', 70000],
    ['de-DE', '1,2m', 1200000],
    ['de-DE', '70.000 €', 70000],
    ['fr-FR', '70 000', 70000],
    ['fr-FR', '70\u202f000,5', 70000.5],
    ['fr-FR', '1,5', 1.5],
    ['de-CH', '70’000', 70000],
  ])('%s: %j reads as %d', (locale, text, value) => {
    expect(parseTypedNumber(text, locale)).toEqual({ ok: true, value });
  });

  test('a dot that could be a decimal mark is refused, not guessed, where the locale groups with dots', () => {
    expect(parseTypedNumber('1.5', 'de-DE')).toMatchObject({ ok: false, reason: expect.stringContaining('write decimals with “,” (1,5)') });
  });
});

describe('what the form shows', () => {
  test.each<[number, string, string]>([
    [70000, 'en-US', '70,000'],
    [1234567.891, 'en-US', '1,234,567.891'],
    [0.333, 'en-US', '0.333'],
    [70000.5, 'de-DE', '70.000,5'],
    [70000, 'fr-FR', '70\u202f000'],
  ])('%d in %s is shown as %j', (value, locale, text) => {
    expect(formatTypedNumber(value, locale)).toBe(text);
  });

  test.each(['en-US', 'de-DE', 'fr-FR', 'de-CH', 'en-IN', 'nl-NL'])('what is shown reads back as the same number (%s)', (locale) => {
    for (const value of [0, 0.5, 7, 250, 1000, 55000, 137000.25, 1234567.5, 1e9]) {
      expect(parseTypedNumber(formatTypedNumber(value, locale), locale)).toEqual({ ok: true, value });
    }
  });
});
