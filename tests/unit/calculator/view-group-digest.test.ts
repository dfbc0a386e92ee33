import { cleanStores } from 'nanostores';
import { describe, expect, test } from 'vitest';
import { FIELD_GROUPS } from '../../../src/features/calculator/fields.ts';
import { calculatorStore } from '../../../src/features/calculator/store.ts';
import { groupLines } from '../../../src/features/calculator/group-lines.ts';
import { groupDigest } from '../../../src/features/calculator/view/group-digest.ts';
import { createFormatters } from '../../../src/common/format.ts';
import { METHODOLOGY_DEFAULTS, scenarioWith } from './fixtures.ts';

const D = METHODOLOGY_DEFAULTS;
const fmt = createFormatters('en-US', 'USD');

describe('the line a collapsed input group shows', () => {
  test.each([
    { group: 'shared', digest: '20 opportunities a month · $40,000 deals · 24 months' },
    { group: 'inHouse', digest: 'SDRs sized for the target · $55,000 base · 12 meetings a month' },
    { group: 'outsourced', digest: 'Agency reps sized for the target · $11,500 a rep a month · 12 meetings a month' },
    { group: 'fullCycle', digest: 'AEs sized for the target · $190,000 OTE · 20% prospecting' },
    { group: 'bridge', digest: 'Agency bridge: 6 months' },
    { group: 'uncertainty', digest: '2,000 runs · seed 1' },
  ] as const)('the defaults’ $group group: “$digest”', ({ group, digest }) => {
    expect(groupDigest(group, D, fmt)).toBe(digest);
  });

  test('the issue’s leader: 4 SDRs on a $70,000 base booking 20 meetings a month', () => {
    const s = scenarioWith({ inHouse: { seats: 4, baseSalary: 70000, meetingsPerMonth: 20 } });
    expect(groupDigest('inHouse', s, fmt)).toBe('4 SDRs · $70,000 base · 20 meetings a month');
  });

  test.each([
    { change: { outsourced: { seats: 1 } }, group: 'outsourced', digest: '1 agency rep · $11,500 a rep a month · 12 meetings a month' },
    { change: { fullCycle: { seats: 1, prospectingShare: 0.125 } }, group: 'fullCycle', digest: '1 AE · $190,000 OTE · 12.5% prospecting' },
    {
      change: { shared: { targetOpportunitiesPerMonth: 2.5 }, horizonMonths: 1 },
      group: 'shared',
      digest: '2.5 opportunities a month · $40,000 deals · 1 month',
    },
    { change: { bridge: { months: 0 } }, group: 'bridge', digest: 'No bridge' },
    { change: { bridge: { months: 1 } }, group: 'bridge', digest: 'Agency bridge: 1 month' },
    { change: { uncertainty: { runs: 0 } }, group: 'uncertainty', digest: 'Off' },
  ] as const)('$digest', ({ change, group, digest }) => {
    expect(groupDigest(group, scenarioWith(change), fmt)).toBe(digest);
  });

  test('inputs to fix and values to confirm come first, counted, so a closed group never hides them', () => {
    expect(groupDigest('inHouse', D, fmt, { errors: 1, unconfirmed: 0 })).toBe(
      '1 input to fix · SDRs sized for the target · $55,000 base · 12 meetings a month',
    );
    expect(groupDigest('bridge', D, fmt, { errors: 2, unconfirmed: 1 })).toBe('2 inputs to fix · 1 value to confirm · Agency bridge: 6 months');
  });

  test('money follows the scenario’s currency and numbers the locale', () => {
    const de = createFormatters('de-DE', 'EUR');
    expect(groupDigest('inHouse', scenarioWith({ currency: 'EUR', inHouse: { seats: 12, baseSalary: 70000 } }), de)).toMatch(
      /^12 SDRs · 70\.000\s€ base · 12 meetings a month$/,
    );
  });

  test('every group has a digest with no missing value in it', () => {
    for (const group of FIELD_GROUPS) expect(groupDigest(group, D, fmt)).not.toMatch(/^$|NaN|undefined|—/);
  });
});

describe('the group lines of the calculator’s stores', () => {
  test('follow the scenario, and count the inputs to fix in their own group only', () => {
    const store = calculatorStore(D, 'en-US');
    const { $digests } = groupLines(store);
    const digest = (group: string) => $digests.get().find((line) => line.group === group)?.digest;
    expect($digests.get().map((line) => line.group)).toEqual([...FIELD_GROUPS]);
    store.edit(
      new Map([
        ['inHouse.seats', { text: '4' }],
        ['inHouse.baseSalary', { text: '70k' }],
        ['inHouse.meetingsPerMonth', { text: '20' }],
      ]),
    );
    expect(digest('inHouse')).toBe('4 SDRs · $70,000 base · 20 meetings a month');
    store.edit(new Map([['inHouse.rampMonths', { text: 'x' }]]));
    expect(digest('inHouse')).toBe('1 input to fix · 4 SDRs · $70,000 base · 20 meetings a month');
    expect(digest('shared')).toBe('20 opportunities a month · $40,000 deals · 24 months');
    // A value that looks like a typing slip is waiting for the reader too.
    store.edit(new Map([['inHouse.baseSalary', { text: '70' }]]));
    expect(digest('inHouse')).toBe('1 value to confirm · 4 SDRs · $70,000 base · 20 meetings a month');
    cleanStores($digests, store.$scenario);
  });

  test('the groups of spreads say what is left to fix and how many differ from the defaults', () => {
    const store = calculatorStore(D, 'en-US');
    const { $spreadDigests } = groupLines(store);
    const line = (group: string) => $spreadDigests.get().find((l) => l.group === group)?.digest;
    expect(line('inHouse')).toMatch(/^All \d+ at the defaults$/);
    store.editSpreads(new Map([['inHouse.meetingsPerMonth', '60']]));
    expect(line('inHouse')).toMatch(/^1 of \d+ changed from the defaults$/);
    store.editSpreads(
      new Map([
        ['inHouse.meetingsPerMonth', '60'],
        ['inHouse.baseSalary', 'lots'],
      ]),
    );
    expect(line('inHouse')).toMatch(/^1 to fix · 1 of \d+ changed from the defaults$/);
    expect(line('outsourced')).toMatch(/^All \d+ at the defaults$/);
    cleanStores($spreadDigests, store.$scenario);
  });
});
