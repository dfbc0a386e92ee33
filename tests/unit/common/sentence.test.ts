import { expect, test } from 'vitest';
import { lowerFirst } from '../../../src/common/sentence.ts';

test.each([
  ['An outsourced agency', 'an outsourced agency'],
  ['Full-cycle account executives', 'full-cycle account executives'],
  ['SDR team of your own', 'SDR team of your own'],
  ['File "sam.json"', 'file "sam.json"'],
  ['', ''],
])('lowerFirst(%j) is %j', (given, expected) => {
  expect(lowerFirst(given)).toBe(expected);
});
