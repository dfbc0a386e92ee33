// The chapters that quote the calculator's figures say what the calculator's defaults say. Each
// line below names a chapter and the words it must contain, with the figures worked out from the
// defaults file: change a default and this test names every sentence that now disagrees.
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseCalculatorDefaults } from '../../../src/features/calculator/defaults.ts';

const file = 'src/content/calculator/defaults.yaml';
const parsed = parseCalculatorDefaults(readFileSync(file, 'utf8'), file);
if (!parsed.ok) throw new Error(parsed.message);
const { shared, inHouse, outsourced, fullCycle } = parsed.value.scenario;

/** Whole money as the chapters write it: 237,500. */
const money = (n: number) => Math.round(n).toLocaleString('en-US');
/** Money rounded to the nearest thousand, for "about 17,000". */
const thousands = (n: number) => money(Math.round(n / 1000) * 1000);
/** A share as the chapters write it: 70 percent. */
const percent = (share: number) => `${Math.round(share * 100)} percent`;

const W = shared.workingDaysPerYear;
const aeDays = W - fullCycle.daysOutPerYear;
const aeCost = fullCycle.aeAnnualOte * (1 + fullCycle.burdenRate);
const closed = fullCycle.annualQuota * fullCycle.quotaAttainment;
const margin = closed * shared.grossMargin;
const prospectingDaysPerMonth = (fullCycle.prospectingShare * aeDays) / 12;

const QUOTES: readonly [chapter: string, words: string][] = [
  ['case-for-dedicated-team', `on-target earnings</Term> of ${money(fullCycle.aeAnnualOte)}`],
  ['case-for-dedicated-team', `the seller costs ${money(aeCost)} a year`],
  ['case-for-dedicated-team', `A year has ${W} working days; take away ${fullCycle.daysOutPerYear}`],
  ['case-for-dedicated-team', `${aeDays} remain, which at eight hours a day is ${money(aeDays * 8)} hours`],
  [
    'case-for-dedicated-team',
    `default quota of ${money(fullCycle.annualQuota)}, average attainment of ${percent(fullCycle.quotaAttainment)} and a ${percent(shared.grossMargin)} gross margin`,
  ],
  ['case-for-dedicated-team', `about ${money(margin)} of gross margin a year, or about ${money(margin / (aeDays * 8))} for each`],
  ['deciding-who-prospects', `on-target earnings of ${money(fullCycle.aeAnnualOte)}, a ${percent(fullCycle.burdenRate)} burden`],
  ['deciding-who-prospects', `or ${money(aeCost * fullCycle.prospectingShare)} a year in prospecting time`],
  ['deciding-who-prospects', `the seller closes ${money(closed)} a year; at a ${percent(shared.grossMargin)} gross margin that is ${money(margin)} of margin`],
  ['deciding-who-prospects', `puts ${money(margin * fullCycle.prospectingShare)} a year of it at stake`],
  ['in-house-versus-outsourced', `a manager costs ${money(inHouse.managerAnnualCost)} a year`],
  ['in-house-versus-outsourced', `about ${thousands(inHouse.managerAnnualCost / inHouse.sdrsPerManager)} a year of management`],
  ['in-house-versus-outsourced', `assumes ${inHouse.daysOutPerYear} such days a year`],
  ['in-house-versus-outsourced', `(${W - inHouse.daysOutPerYear} of ${W} days)`],
  ['in-house-versus-outsourced', `empties about ${percent(inHouse.annualAttrition)} of the time`],
  ['in-house-versus-outsourced', `about ${money(outsourced.monthlyFeePerSeat)} a month on a retainer`],
  ['thirty-sixty-ninety-day-plan', `holds about **${inHouse.meetingsPerMonth} first meetings** in a working month`],
  ['thirty-sixty-ninety-day-plan', `Qualified opportunities (${Math.round(inHouse.meetingToOpportunity * 100)}% of meetings)`],
  ['thirty-sixty-ninety-day-plan', `at a deal value of **$${money(shared.averageDealValue)}**`],
  ['thirty-sixty-ninety-day-plan', `produces about **${fullCycle.meetingsPerProspectingDay} held meetings**`],
  [
    'weekly-prospecting-routine',
    `about ${(prospectingDaysPerMonth * fullCycle.meetingsPerProspectingDay).toFixed(1)} held first meetings a month (${fullCycle.meetingsPerProspectingDay} a prospecting day, and about ${prospectingDaysPerMonth.toFixed(1)} prospecting days`,
  ],
];

describe('chapters quote the calculator defaults', () => {
  const text = new Map<string, string>();
  const chapter = (id: string) => {
    if (!text.has(id)) text.set(id, readFileSync(`src/content/playbook/${id}.mdx`, 'utf8').replace(/\s+/g, ' '));
    return text.get(id)!;
  };
  test.each(QUOTES)('%s: “%s”', (id, words) => {
    expect(chapter(id)).toContain(words);
  });

  test('the ramp table follows the default ramp: month k holds (k − ½) ÷ R of a full month', () => {
    const plan = chapter('thirty-sixty-ninety-day-plan');
    for (let month = 1; month <= inHouse.rampMonths; month++) {
      const meetings = Math.round(((month - 0.5) / inHouse.rampMonths) * inHouse.meetingsPerMonth);
      expect(plan).toContain(`| ${month} | about ${meetings} |`);
    }
    expect(plan).toContain(`| ${inHouse.rampMonths + 1} onward | about ${inHouse.meetingsPerMonth} |`);
  });
});
