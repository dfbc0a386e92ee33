import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ASSUMED, fieldProblem, funnel, funnelDefaults, type FunnelInputs } from '../../../src/features/funnel/model.ts';
import { funnelWorksheetHtml } from '../../../src/features/funnel/render.ts';
import { funnelInputs } from '../../../src/playbook/render/components.ts';
import { parseCalculatorDefaults } from '../../../src/features/calculator/defaults.ts';

const example: FunnelInputs = {
  quota: 800_000,
  dealSize: 40_000,
  winRate: 0.2,
  meetingToOpportunity: 0.45,
  connectToMeeting: 0.2,
  attemptToConnect: 0.08,
  workingDaysPerMonth: 19.2,
};

describe('funnel', () => {
  test('works back from the quota, by hand', () => {
    const result = funnel(example)!;
    // 800,000 / 40,000 = 20 deals; 20 / 0.2 = 100 opportunities a year, 8.33 a month;
    // 8.33 / 0.45 = 18.52 meetings a month, × 12 / 52 = 4.27 a week;
    // 18.52 / 0.2 = 92.6 conversations a month / 19.2 days = 4.82 a day; / 0.08 = 60.3 attempts a day.
    expect(result.dealsPerYear).toBe(20);
    expect(result.opportunitiesPerMonth).toBeCloseTo(8.333, 3);
    expect(result.meetingsPerMonth).toBeCloseTo(18.519, 3);
    expect(result.meetingsPerWeek).toBeCloseTo(4.274, 3);
    expect(result.conversationsPerDay).toBeCloseTo(4.823, 3);
    expect(result.attemptsPerDay).toBeCloseTo(60.28, 2);
  });

  test('a zero rate or deal size gives no result and says why, never Infinity', () => {
    expect(funnel({ ...example, winRate: 0 })).toBeUndefined();
    expect(funnel({ ...example, dealSize: 0 })).toBeUndefined();
    expect(fieldProblem('winRate', 0)).toBe('Enter a value above 0 %.');
    expect(fieldProblem('winRate', 1.2)).toBe('Enter a value of at most 100 %.');
    expect(fieldProblem('workingDaysPerMonth', 0.5)).toBe('Enter a value of at least 1.');
    expect(fieldProblem('quota', Number.NaN)).toBe('Enter a number.');
    expect(fieldProblem('quota', 0)).toBeUndefined();
    expect(funnel({ ...example, quota: 0 })?.attemptsPerDay).toBe(0);
  });

  test('the defaults are the calculator defaults, so a chapter agrees with the calculator', () => {
    const parsed = parseCalculatorDefaults(readFileSync('src/content/calculator/defaults.yaml', 'utf8'), 'defaults.yaml');
    if (!parsed.ok) throw new Error(parsed.message);
    const { scenario } = parsed.value;
    expect(funnelDefaults(scenario)).toEqual({
      quota: scenario.fullCycle.annualQuota,
      dealSize: scenario.shared.averageDealValue,
      winRate: scenario.inHouse.opportunityWinRate,
      meetingToOpportunity: scenario.inHouse.meetingToOpportunity,
      connectToMeeting: ASSUMED.connectToMeeting,
      attemptToConnect: ASSUMED.attemptToConnect,
      workingDaysPerMonth: (scenario.shared.workingDaysPerYear - scenario.fullCycle.daysOutPerYear) / 12,
    });
  });
});

describe('the worksheet an author places', () => {
  test('props replace the defaults; a wrong prop fails the build naming it, what was expected and what was given', () => {
    expect(funnelInputs({ quota: 1_000_000, winRate: 0.25 }, example)).toEqual({ ...example, quota: 1_000_000, winRate: 0.25 });
    expect(() => funnelInputs({ winRate: 20 }, example)).toThrow(
      '<FunnelWorksheet winRate={…}>: expected a share written as a decimal, e.g. 0.2 for 20 % (a value of at most 100 %); given 20.',
    );
    expect(() => funnelInputs({ quota: '800k' }, example)).toThrow('<FunnelWorksheet quota={…}>: expected a number in range (a number); given "800k".');
    expect(() => funnelInputs({ quotas: 5 }, example)).toThrow('<FunnelWorksheet quotas=…>: expected one of quota, dealSize');
  });

  test('writes a worked example without JavaScript, a hidden form for it, and no inline style or script', () => {
    const html = funnelWorksheetHtml(example, { id: 'funnel-1', currency: 'EUR', title: 'Your <numbers>' });
    expect(html).toContain('<h3>Your &lt;numbers&gt;</h3>');
    expect(html).toContain('<dt>Annual quota (EUR)</dt><dd>800,000</dd>');
    expect(html).toContain('<dt>Win rate (%)</dt><dd>20%</dd>');
    expect(html).toMatch(/<td data-output="attemptsPerDay">60<\/td>/);
    expect(html).toMatch(/<form class="worksheet__form" data-form hidden/);
    expect(html).toContain('id="funnel-1-quota"');
    expect(html).not.toMatch(/style=|<script|<style/);
  });
});
