import { describe, expect, test } from 'vitest';
import { evaluate } from '../../../src/features/calculator/model/cost-model.ts';
import { cheapestOption, whatWouldHaveToBeTrue, type Requirement } from '../../../src/features/calculator/model/what-would-have-to-be-true.ts';
import { METHODOLOGY_DEFAULTS, scenarioWith } from './fixtures.ts';

const valueOf = (requirements: readonly Requirement[], path: string): number | string => {
  const found = requirements.find((r) => r.path === path);
  if (!found) throw new Error(`no requirement for ${path}`);
  return found.status === 'value' ? found.value : found.status;
};

// The methodology defaults, worked out by hand (24 months, seats sized for 20 opportunities a month):
// B, the agency, 4 reps: 24 · (4 · 11,500 + 10 · 75) = 1,122,000 for 23 · 4 · 12 · 0.45 = 496.8
// opportunities, 2,258.45 each. C, 20 AEs at 20 % of their time: 20 · 0.2 · 190,000 / 12 · 1.25 =
// 79,166.67 a month for 20 · 0.2 · 230 / 12 · 0.6 · 0.45 = 20.7 opportunities a month.
const AGENCY = (24 * (4 * 11500 + 750)) / (23 * 4 * 12 * 0.45);
const AE_MONTH = ((20 * 0.2 * 190000) / 12) * 1.25;
const AE_DAYS = (20 * 0.2 * 230) / 12;
const AES = AE_MONTH / (AE_DAYS * 0.6 * 0.45);

describe('what would have to be true', () => {
  const result = whatWouldHaveToBeTrue(METHODOLOGY_DEFAULTS);

  test('the agency is the cheapest with the defaults, and every other option is listed', () => {
    expect(cheapestOption(evaluate(METHODOLOGY_DEFAULTS))).toBe('outsourced');
    if (result.status !== 'found') throw new Error(result.status);
    expect(result.cheapest).toBe('outsourced');
    expect(result.costPerOpportunity).toBeCloseTo(AGENCY, 6);
    expect(result.options.map((o) => o.model)).toEqual(['inHouse', 'fullCycle', 'bridge']);
  });

  test('full-cycle AEs: the meetings rate, conversion and OTE at which they cost the same as the agency', () => {
    if (result.status !== 'found') throw new Error(result.status);
    const aes = result.options.find((o) => o.model === 'fullCycle')!;
    expect(aes.costPerOpportunity).toBeCloseTo(AES, 6);
    // Cost per opportunity is inversely proportional to meetings a day and to conversion, proportional to OTE.
    expect(valueOf(aes.requirements, 'fullCycle.meetingsPerProspectingDay')).toBeCloseTo(AE_MONTH / (AE_DAYS * 0.45 * AGENCY), 6);
    expect(valueOf(aes.requirements, 'fullCycle.meetingToOpportunity')).toBeCloseTo((0.45 * AES) / AGENCY, 6);
    expect(valueOf(aes.requirements, 'fullCycle.aeAnnualOte')).toBeCloseTo((190000 * AGENCY) / AES, 3);
  });

  test('D is judged on the in-house inputs it uses', () => {
    if (result.status !== 'found') throw new Error(result.status);
    const bridge = result.options.find((o) => o.model === 'bridge')!;
    expect(bridge.requirements.map((r) => r.path)).toEqual(['inHouse.meetingsPerMonth', 'inHouse.meetingToOpportunity', 'inHouse.baseSalary']);
    // At the value found, D costs what the agency costs (the agency does not move with A's inputs).
    for (const requirement of bridge.requirements) {
      if (requirement.status === 'value') expect(requirement.costPerOpportunity).toBeCloseTo(AGENCY, 3);
    }
  });

  test('a value beyond the allowed range is said to be so', () => {
    // An agency at 100 a rep: 24 · (400 + 750) / 496.8 = 55.56 an opportunity. AEs would need
    // 0.6 · 3,824.48 / 55.56 = 41 meetings a prospecting day (at most 20) or a conversion above 1;
    // an OTE of 190,000 · 55.56 / 3,824.48 = 2,760 is within range.
    const cheapAgency = scenarioWith({ outsourced: { monthlyFeePerSeat: 100 } });
    const found = whatWouldHaveToBeTrue(cheapAgency);
    if (found.status !== 'found') throw new Error(found.status);
    const aes = found.options.find((o) => o.model === 'fullCycle')!;
    expect(valueOf(aes.requirements, 'fullCycle.meetingsPerProspectingDay')).toBe('not-within-range');
    expect(valueOf(aes.requirements, 'fullCycle.meetingToOpportunity')).toBe('not-within-range');
    const agency = (24 * (400 + 750)) / 496.8;
    expect(valueOf(aes.requirements, 'fullCycle.aeAnnualOte')).toBeCloseTo((190000 * agency) / AES, 3);
    const refused = aes.requirements.find((r) => r.path === 'fullCycle.meetingToOpportunity');
    expect(refused).toMatchObject({
      reason:
        'Not within the allowed range: for no value of fullCycle.meetingToOpportunity from 0 to 1 would Full-cycle AEs cost as little per opportunity as Outsourced agency, everything else held.',
    });
  });

  test('no option can be costed: no cheapest, with the reason', () => {
    const none = scenarioWith({
      inHouse: { seats: 2, meetingsPerMonth: 0 },
      outsourced: { seats: 2, meetingsPerSeatPerMonth: 0 },
      fullCycle: { seats: 2, prospectingShare: 0 },
    });
    expect(whatWouldHaveToBeTrue(none)).toEqual({
      status: 'no-cheapest',
      reason: 'No option can be costed per opportunity with these inputs, so none is the cheapest.',
    });
  });
});
