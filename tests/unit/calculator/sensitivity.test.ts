import { describe, expect, test } from 'vitest';
import { evaluate } from '../../../src/features/calculator/model/cost-model.ts';
import { movedValue, sensitivity } from '../../../src/features/calculator/model/sensitivity.ts';
import { NUMERIC_FIELD_PATHS } from '../../../src/features/calculator/fields.ts';
import { METHODOLOGY_DEFAULTS, scenarioWith } from './fixtures.ts';

// Three AEs: 5 prospecting days a month each (0.25 · 240 / 12), 0.8 meetings a day → 12 meetings,
// 6 opportunities a month; salary valuation 3 · 0.25 · 240,000 / 12 · 1.5 = 22,500 a month,
// so 3,750 per opportunity whatever the horizon.
const AES = scenarioWith({
  fullCycle: {
    seats: 3,
    prospectingShare: 0.25,
    daysOutPerYear: 10,
    meetingsPerProspectingDay: 0.8,
    meetingToOpportunity: 0.5,
    aeAnnualOte: 240000,
    burdenRate: 0.5,
  },
});

function entry(result: ReturnType<typeof sensitivity>, path: string) {
  const found = result.entries.find((e) => e.path === path);
  if (!found) throw new Error(`no entry for ${path}`);
  return found;
}

describe('moved values', () => {
  test.each([
    // ±20 %, clamped to the range; whole numbers rounded, and moved at least one step.
    { path: 'inHouse.baseSalary', base: 55000, low: 44000, high: 66000 },
    { path: 'inHouse.meetingsPerMonth', base: 12, low: 9.6, high: 14.4 },
    { path: 'inHouse.meetingToOpportunity', base: 0.9, low: 0.72, high: 1 },
    { path: 'shared.grossMargin', base: 0.9, low: 0.72, high: 1 },
    { path: 'inHouse.rampMonths', base: 3, low: 2, high: 4 }, // 2.4 → 2, 3.6 → 4
    { path: 'horizonMonths', base: 24, low: 19, high: 29 }, // 19.2 → 19, 28.8 → 29
    { path: 'horizonMonths', base: 60, low: 48, high: 60 }, // 72 clamped to 60
    { path: 'inHouse.backfillMonths', base: 2, low: 1, high: 3 }, // 1.6 and 2.4 round back to 2: one step
    { path: 'outsourced.onboardingMonths', base: 1, low: 0, high: 2 },
    { path: 'inHouse.backfillMonths', base: 0, low: 0, high: 0 },
    { path: 'inHouse.sdrsPerManager', base: 1, low: 1, high: 1.2 }, // 0.8 clamped to the minimum 1
  ] as const)('$path $base → $low / $high', ({ path, base, low, high }) => {
    expect(movedValue(METHODOLOGY_DEFAULTS, path, base, 0.8)).toBe(low);
    expect(movedValue(METHODOLOGY_DEFAULTS, path, base, 1.2)).toBe(high);
  });

  test('days out stay below the working days', () => {
    const scenario = scenarioWith({ shared: { workingDaysPerYear: 150 }, inHouse: { daysOutPerYear: 140 } });
    // 140 · 1.2 = 168, but at most W − 1 = 149.
    expect(movedValue(scenario, 'inHouse.daysOutPerYear', 140, 1.2)).toBe(149);
    // W · 0.8 = 120 is below the range's minimum of 150.
    expect(movedValue(scenario, 'shared.workingDaysPerYear', 150, 0.8)).toBe(150);
    // 250 · 0.8 = 200 would leave fewer working days than 230 days out: at least 231.
    const busy = scenarioWith({ fullCycle: { daysOutPerYear: 230 } });
    expect(movedValue(busy, 'shared.workingDaysPerYear', 250, 0.8)).toBe(231);
  });
});

describe('sensitivity', () => {
  test('hand-computed swings of the full-cycle model', () => {
    const result = sensitivity(AES);
    // OTE ±20 %: cost per opportunity 3,750 · 0.8 = 3,000 and 3,750 · 1.2 = 4,500; swing 1,500.
    const ote = entry(result, 'fullCycle.aeAnnualOte').models.fullCycle;
    expect(ote.base).toBeCloseTo(3750, 9);
    expect(ote.low).toBeCloseTo(3000, 9);
    expect(ote.high).toBeCloseTo(4500, 9);
    expect(ote.changeLow).toBeCloseTo(-750, 9);
    expect(ote.changeHigh).toBeCloseTo(750, 9);
    expect(ote.swing).toBeCloseTo(1500, 9);
    // Burden 0.4 and 0.6: 3,750 · 1.4/1.5 = 3,500 and 3,750 · 1.6/1.5 = 4,000; swing 500.
    expect(entry(result, 'fullCycle.burdenRate').models.fullCycle.swing).toBeCloseTo(500, 9);
    // Meetings a day 0.64 and 0.96: 3,750 / 0.8 = 4,687.5 and 3,750 / 1.2 = 3,125; swing 1,562.5.
    expect(entry(result, 'fullCycle.meetingsPerProspectingDay').models.fullCycle.swing).toBeCloseTo(1562.5, 9);
    // An AE input does not move the other models.
    expect(entry(result, 'fullCycle.aeAnnualOte').models.inHouse.swing).toBe(0);
    expect(entry(result, 'fullCycle.aeAnnualOte').models.outsourced.swing).toBe(0);
  });

  test('seats are held at the base case, even in solve mode', () => {
    const result = sensitivity(METHODOLOGY_DEFAULTS);
    expect(result.seats).toEqual({ inHouse: 6, outsourced: 4, fullCycle: 20, bridge: 6 });
    // Agency, 4 reps held: 24 · (46,000 + 750) = 1,122,000. Meetings run in months 2–24:
    // 23 · 4 · 9.6 · 0.45 = 397.44 opportunities at 9.6 meetings (re-solving would have used 5 reps),
    // 23 · 4 · 14.4 · 0.45 = 596.16 at 14.4.
    const swing = entry(result, 'outsourced.meetingsPerSeatPerMonth').models.outsourced;
    expect(swing.low).toBeCloseTo(1122000 / 397.44, 6);
    expect(swing.high).toBeCloseTo(1122000 / 596.16, 6);
    // Seats themselves are never varied.
    expect(result.entries.some((e) => e.path.endsWith('.seats'))).toBe(false);
  });

  test('entries cover every numeric input but seats, largest swing first', () => {
    const result = sensitivity(METHODOLOGY_DEFAULTS);
    // Not varied: seats (held), the uncertainty run's settings, and deal values left empty (the shared one is used).
    expect(result.entries.map((e) => e.path).sort()).toEqual(
      NUMERIC_FIELD_PATHS.filter((p) => !p.endsWith('.seats') && !p.endsWith('.dealValue') && !p.startsWith('uncertainty.')).sort(),
    );
    const swings = result.entries.map((e) => e.maxSwing);
    expect(swings).toEqual([...swings].sort((a, b) => b - a));
    expect(result.entries[0]?.maxSwing).toBeGreaterThan(0);
    // Inputs that cannot change cost per opportunity come last with no swing.
    expect(entry(result, 'shared.averageDealValue').maxSwing).toBe(0);
  });

  test('sorting by one model', () => {
    const result = sensitivity(AES, { sortBy: 'fullCycle' });
    // Working days 200 and 300 leave 190 and 290 days instead of 240: 3,750 · 240/190 = 4,736.8 and
    // 3,750 · 240/290 = 3,103.4, a swing of 1,633.4; then the meeting inputs (1,562.5), then OTE (1,500).
    expect(entry(result, 'shared.workingDaysPerYear').models.fullCycle.swing).toBeCloseTo(3750 * (240 / 190 - 240 / 290), 9);
    expect(result.entries.slice(0, 4).map((e) => e.path)).toEqual([
      'shared.workingDaysPerYear',
      'fullCycle.meetingsPerProspectingDay',
      'fullCycle.meetingToOpportunity',
      'fullCycle.aeAnnualOte',
    ]);
  });

  test('a model that cannot be sized has no swings and does not break the others', () => {
    const scenario = scenarioWith({ inHouse: { meetingsPerMonth: 0 } });
    const result = sensitivity(scenario, { base: evaluate(scenario) });
    const salary = entry(result, 'inHouse.baseSalary').models.inHouse;
    expect(salary).toEqual({ base: null, low: null, high: null, changeLow: null, changeHigh: null, swing: null });
    expect(entry(result, 'outsourced.monthlyFeePerSeat').models.outsourced.swing).toBeGreaterThan(0);
  });
});
