import { describe, expect, test } from 'vitest';
import { csvField, financeCsv, parseCsv } from '../../../src/features/calculator/view/finance-csv.ts';
import { MODEL_IDS, evaluate } from '../../../src/features/calculator/model/cost-model.ts';
import { V1_FIGURES, scenarioWith } from './fixtures.ts';

describe('the CSV for finance', () => {
  const scenario = scenarioWith({ horizonMonths: 2, inHouse: { meetingToOpportunity: 0.368 } }, V1_FIGURES);
  const text = financeCsv(scenario, evaluate(scenario), 'https://intranet.example/sales/calculator/?a=1,2');
  const rows = parseCsv(text);
  const section = (title: string) => {
    const start = rows.findIndex((r) => r[0] === title && r.length === 1);
    const end = rows.findIndex((r, i) => i > start && r.length === 1 && r[0] === '');
    return rows.slice(start + 1, end === -1 ? undefined : end);
  };

  test('it says what it is, in which currency, and links back to the page', () => {
    expect(rows.slice(0, 3)).toEqual([
      ['Pipeline cost calculator: scenario and results'],
      ['Currency', 'USD'],
      ['Link to these numbers', 'https://intranet.example/sales/calculator/?a=1,2'],
    ]);
  });

  test('the inputs come first, in words with their units', () => {
    const inputs = section('Inputs');
    expect(inputs[0]).toEqual(['Group', 'Input', 'Value', 'Unit']);
    expect(inputs).toContainEqual(['In-house SDR team', 'Base salary (in-house)', '55000.00', 'USD']);
    expect(inputs).toContainEqual(['In-house SDR team', 'Seats (in-house)', 'sized for the target', '']);
    expect(inputs).toContainEqual(['Shared inputs', 'Planning horizon', '2', 'months']);
    expect(inputs).toContainEqual(['Full-cycle AEs', 'Value AE prospecting time at (full-cycle)', 'Salary cost', '']);
    // Units as the form shows them, but shares stay 0 to 1 and counts that are not seats have no unit.
    expect(inputs).toContainEqual(['In-house SDR team', 'Meeting to opportunity (in-house)', '0.368', 'share (0 to 1)']);
    expect(inputs).toContainEqual(['Outsourced agency', 'Cost of an internal hour (agency)', '75.00', 'USD per hour']);
    expect(inputs).toContainEqual(['In-house SDR team', 'SDRs per manager (in-house)', '8', '']);
    expect(inputs).toContainEqual(['Uncertainty', 'Uncertainty runs (uncertainty)', '0', '']);
  });

  test('the summary per option: headers with the currency, money to the cent', () => {
    const summary = section('Summary');
    expect(summary[0]).toEqual([
      'Option',
      'Currency',
      'Seats',
      'Total cost (USD)',
      'Meetings',
      'Opportunities',
      'Opportunities a month at run rate',
      'Cost per meeting (USD)',
      'Cost per opportunity (USD)',
      'Cost per win (USD)',
      'Return on cost (%)',
      'Note',
    ]);
    expect(summary.slice(1).map((r) => r[0])).toEqual(['In-house SDR team', 'Outsourced agency', 'Full-cycle AEs', 'In-house with an agency bridge']);
    // 5 reps × 11,500 + 10 h × 75 = 58,250 a month for 2 months, plus the third month of the 3-month minimum owed: 5 × 11,500.
    expect(summary[2]!.slice(0, 4)).toEqual(['Outsourced agency', 'USD', '5', '174000.00']);
    for (const row of summary.slice(1)) for (const cell of row.slice(3, 11)) expect(cell).toMatch(/^(-?\d+(\.\d{1,2})?)?$/);
  });

  test('the monthly series, checked by hand for the agency, with no floating-point noise', () => {
    const monthly = section('Month by month');
    expect(monthly[0]).toEqual([
      'Option',
      'Month',
      'Currency',
      'Cost (USD)',
      'Cumulative cost (USD)',
      'Meetings',
      'Opportunities',
      'Cumulative opportunities',
      'Hires',
      'Filled seats',
    ]);
    // Meetings start after 1 month: 5 × 12 = 60, × 0.35 = 21 opportunities.
    expect(monthly.filter((r) => r[0] === 'Outsourced agency')).toEqual([
      ['Outsourced agency', '1', 'USD', '58250.00', '58250.00', '0', '0', '0', '0', '5'],
      ['Outsourced agency', '2', 'USD', '58250.00', '116500.00', '60', '21', '21', '0', '5'],
    ]);
    expect(monthly).toHaveLength(1 + MODEL_IDS.length * 2);
    for (const row of monthly.slice(1)) {
      for (const cell of row.slice(3)) {
        expect(Number.isFinite(Number(cell))).toBe(true);
        expect(cell).toMatch(/^-?\d+(\.\d{1,2})?$/);
      }
    }
  });

  test('every line ends with CRLF and the file parses back to rows', () => {
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text).not.toMatch(/[^\r]\n/);
  });

  test.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    [12.5, '12.5'],
  ])('csvField(%j)', (value, expected) => {
    expect(csvField(value)).toBe(expected);
    expect(parseCsv(`${expected}\r\n`)).toEqual([[String(value)]]);
  });
});
