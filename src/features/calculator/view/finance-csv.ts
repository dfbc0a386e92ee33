import { FIELD_SPECS, SCENARIO_FIELDS, readField, type NumericFieldPath, type Scenario } from '../fields.ts';
import { MODEL_IDS, MODEL_LABELS, type Evaluation } from '../model/cost-model.ts';
import { GROUP_LABELS, fieldName } from './wording.ts';
import { unitText } from './form.ts';

/**
 * The CSV finance opens: the inputs, a summary per option, then the month-by-month series, with
 * headers in words and units, a currency column, money rounded to cents and counts to two
 * decimals (no 3.3120000000000003). Plain numbers without thousands separators so that any
 * spreadsheet reads them as numbers. Pure.
 */

/** Quotes a CSV field when it needs it (commas, quotes, line breaks; RFC 4180). */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const line = (cells: readonly (string | number)[]): string => cells.map(csvField).join(',');
/** Money to the cent; -0 and floating-point noise removed. */
export const cents = (value: number): string => (Math.round(value * 100) / 100 + 0).toFixed(2);
/** Counts (meetings, opportunities, hires, seats) to two decimals, trailing zeros dropped. */
export const count = (value: number): string => String(Math.round(value * 100) / 100 + 0);
const maybe = (value: number | null, format: (v: number) => string): string => (value === null ? '' : format(value));

/** The unit column of an input in the CSV: the form's unit, except shares, which the CSV keeps as 0 to 1. */
function inputUnit(path: NumericFieldPath, currency: string): string {
  const spec = FIELD_SPECS[path];
  return spec.unit === 'share' ? 'share (0 to 1)' : unitText(spec, currency);
}

/** The inputs, the summary and the monthly series of a scenario as one CSV file (CRLF line ends). */
export function financeCsv(scenario: Scenario, evaluation: Evaluation, link = ''): string {
  const currency = scenario.currency;
  const rows: string[] = [line(['Pipeline cost calculator: scenario and results']), line(['Currency', currency])];
  if (link) rows.push(line(['Link to these numbers', link]));

  rows.push('', line(['Inputs']), line(['Group', 'Input', 'Value', 'Unit']));
  for (const field of SCENARIO_FIELDS) {
    const value = readField(scenario, field.path);
    if (field.unit === 'currency') continue;
    const name = fieldName(field.path);
    const group = GROUP_LABELS[field.group];
    if (field.unit === 'boolean') rows.push(line([group, name, value ? 'Yes' : 'No', '']));
    else if (field.unit === 'enum') rows.push(line([group, name, field.optionLabels[field.options.indexOf(String(value) as never)] ?? String(value), '']));
    else if (value === null) rows.push(line([group, name, field.key === 'seats' ? 'sized for the target' : 'the shared average deal value', '']));
    else if (typeof value === 'number') {
      const path = field.path as NumericFieldPath;
      const numeric = FIELD_SPECS[path].unit === 'money' || FIELD_SPECS[path].unit === 'moneyPerHour' ? cents(value) : String(value);
      rows.push(line([group, name, numeric, inputUnit(path, currency)]));
    }
  }
  rows.push(line(['Uncertainty', 'Spreads (how sure: each input drawn within ± this share)', '', '']));
  for (const [key, spread] of Object.entries(scenario.uncertainty.spread).sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (typeof spread === 'number' && spread > 0)
      rows.push(line(['Uncertainty spread', key in FIELD_SPECS ? fieldName(key as NumericFieldPath) : key, String(spread), 'share (0 to 1)']));
  }

  rows.push(
    '',
    line(['Summary']),
    line([
      'Option',
      'Currency',
      'Seats',
      `Total cost (${currency})`,
      'Meetings',
      'Opportunities',
      'Opportunities a month at run rate',
      `Cost per meeting (${currency})`,
      `Cost per opportunity (${currency})`,
      `Cost per win (${currency})`,
      'Return on cost (%)',
      'Note',
    ]),
  );
  for (const model of MODEL_IDS) {
    const r = evaluation[model];
    if (r.error) {
      rows.push(line([MODEL_LABELS[model], currency, '', '', '', '', '', '', '', '', '', r.error]));
      continue;
    }
    rows.push(
      line([
        MODEL_LABELS[model],
        currency,
        r.seats,
        cents(r.totalCost),
        count(r.meetings),
        count(r.opportunities),
        count(r.steadyStateOpportunitiesPerMonth),
        maybe(r.costPerMeeting, cents),
        maybe(r.costPerOpportunity, cents),
        maybe(r.costPerWin, cents),
        maybe(r.roi, (v) => (Math.round(v * 1000) / 10 + 0).toFixed(1)),
        r.costPerOpportunity === null ? (r.nullReasons.costPerOpportunity ?? '') : '',
      ]),
    );
  }

  rows.push(
    '',
    line(['Month by month']),
    line([
      'Option',
      'Month',
      'Currency',
      `Cost (${currency})`,
      `Cumulative cost (${currency})`,
      'Meetings',
      'Opportunities',
      'Cumulative opportunities',
      'Hires',
      'Filled seats',
    ]),
  );
  for (const model of MODEL_IDS) {
    let cost = 0;
    let opportunities = 0;
    for (const m of evaluation[model].months) {
      cost += m.cost;
      opportunities += m.opportunities;
      rows.push(
        line([
          MODEL_LABELS[model],
          m.month,
          currency,
          cents(m.cost),
          cents(cost),
          count(m.meetings),
          count(m.opportunities),
          count(opportunities),
          count(m.hires),
          count(m.filledSeats),
        ]),
      );
    }
  }
  return `${rows.join('\r\n')}\r\n`;
}

/** Reads a CSV written by `financeCsv` back into rows of fields (for tests and for checking a file). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
