import { describe, expect, test } from 'vitest';
import { buildIcs, foldLine } from '../../../src/features/review/ics.ts';

/** A small RFC 5545 reader: checks line endings and lengths, unfolds, and returns the properties. */
function parseIcs(text: string): { name: string; params: string; value: string }[] {
  expect(text.endsWith('\r\n')).toBe(true);
  const physical = text.slice(0, -2).split('\r\n');
  for (const line of physical) {
    expect(line).not.toMatch(/[\r\n]/);
    expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
  }
  const unfolded = physical.reduce<string[]>((lines, line) => {
    if (line.startsWith(' ')) lines[lines.length - 1] += line.slice(1);
    else lines.push(line);
    return lines;
  }, []);
  return unfolded.map((line) => {
    const match = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    expect(match, line).not.toBeNull();
    return { name: match![1]!, params: match![2]!, value: match![3]! };
  });
}

describe('calendar reminder', () => {
  const description = `Open the playbook, answer “Today’s review”; then rest, please. ${'Long text with accents é ü ñ and emoji 🙂 '.repeat(4)}`;
  const text = buildIcs({
    uid: 'review-2026-03-03@intranet/sales/playbook/',
    day: new Date(2026, 2, 3),
    stamp: new Date(Date.UTC(2026, 2, 2, 9, 30)),
    summary: 'Playbook review',
    description,
    url: 'https://intranet/sales/playbook/',
  });
  const props = parseIcs(text);
  const get = (name: string) => props.find((p) => p.name === name);

  test('has the required structure and properties', () => {
    expect(props.map((p) => p.name)).toEqual([
      'BEGIN',
      'VERSION',
      'PRODID',
      'CALSCALE',
      'BEGIN',
      'UID',
      'DTSTAMP',
      'DTSTART',
      'DTEND',
      'SUMMARY',
      'DESCRIPTION',
      'URL',
      'END',
      'END',
    ]);
    expect(get('VERSION')?.value).toBe('2.0');
    expect(get('DTSTAMP')?.value).toBe('20260302T093000Z');
    expect(get('DTSTART')).toEqual({ name: 'DTSTART', params: ';VALUE=DATE', value: '20260303' });
    expect(get('DTEND')?.value).toBe('20260304');
    expect(get('UID')?.value).toBe('review-2026-03-03@intranet/sales/playbook/');
  });

  test('long text is folded at 75 octets without splitting characters, and unfolds to the escaped original', () => {
    expect(text.split('\r\n').length).toBeGreaterThan(15);
    expect(get('DESCRIPTION')?.value).toBe(description.replace(/;/g, '\\;').replace(/,/g, '\\,'));
  });

  test('a multi-byte character at the fold stays whole', () => {
    const folded = foldLine(`X:${'é'.repeat(80)}`);
    for (const line of folded.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`X:${'é'.repeat(80)}`);
  });
});
