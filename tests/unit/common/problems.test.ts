import { describe, expect, test } from 'vitest';
import { describeValue, isolate } from '../../../src/common/problems.ts';
import { importRefusal } from '../../../src/features/progress/transfer-wording.ts';

describe('quoted input cannot reorder a message', () => {
  const RLO = '\u202e';
  test.each([
    ['a right-to-left override in a value', `${RLO}nosj.exe`, `"\u2068${RLO}nosj.exe\u2069"`],
    ['right-to-left letters', 'שלום', '"\u2068שלום\u2069"'],
    ['a plain value, left as it is', 'sam.json', '"sam.json"'],
  ])('describeValue isolates %s', (_, value, shown) => {
    expect(describeValue(value)).toBe(shown);
  });

  test('file names in refusals and import messages are isolated', () => {
    expect(importRefusal(`${RLO}gpj.json`, 'it is not valid JSON')).toBe(
      `“\u2068${RLO}gpj.json\u2069” is not a progress file from this playbook (it is not valid JSON). Nothing was imported.`,
    );
    expect(isolate('plain.json')).toBe('plain.json');
  });
});
