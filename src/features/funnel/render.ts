/**
 * The funnel worksheet's HTML, written at build time with a worked example from its inputs: without
 * JavaScript a reader sees the assumptions and what they lead to; with it, pb-funnel-worksheet.ts
 * reveals a form and recomputes as the reader types. One function for both ways chapters are
 * rendered (src/playbook/render/components.ts).
 */
import { attribute, escapeText } from '../../playbook/render/html-runtime.ts';
import { funnel, FUNNEL_FIELD_INFO, FUNNEL_FIELDS, type FunnelField, type FunnelInputs, type FunnelResult } from './model.ts';

/** The figures the worksheet shows, in order: label, result key and how many decimals. */
export const FUNNEL_OUTPUTS: readonly { key: keyof FunnelResult; label: string; digits: number }[] = [
  { key: 'dealsPerYear', label: 'Deals to win a year', digits: 1 },
  { key: 'opportunitiesPerMonth', label: 'Qualified opportunities a month', digits: 1 },
  { key: 'meetingsPerWeek', label: 'First meetings held a week', digits: 1 },
  { key: 'conversationsPerDay', label: 'Conversations a day', digits: 1 },
  { key: 'attemptsPerDay', label: 'Attempts a day (calls, emails, messages)', digits: 0 },
];

const LOCALE = 'en-US';

/** A field's value as the form shows it: money with separators, shares as percentages. */
export function fieldText(field: FunnelField, value: number): string {
  const kind = FUNNEL_FIELD_INFO[field].kind;
  if (kind === 'share') return `${Number((value * 100).toFixed(2))}%`;
  if (kind === 'days') return String(Number(value.toFixed(1)));
  return value.toLocaleString(LOCALE, { maximumFractionDigits: 2 });
}

/** An output figure as shown ("8.3", "61"). */
export function outputText(value: number, digits: number): string {
  return value.toLocaleString(LOCALE, { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** The money fields shown with the currency, e.g. "Annual quota (USD)". */
function labelText(field: FunnelField, currency: string): string {
  const info = FUNNEL_FIELD_INFO[field];
  return info.kind === 'money' ? `${info.label} (${currency})` : info.kind === 'share' ? `${info.label} (%)` : info.label;
}

/**
 * The worksheet for `inputs` (already merged over the defaults and checked by the caller);
 * `id` keeps the field ids unique when a chapter holds more than one.
 */
export function funnelWorksheetHtml(inputs: FunnelInputs, options: { id: string; currency: string; title?: string }): string {
  const result = funnel(inputs);
  const title = options.title ?? 'Funnel worksheet: what your number takes';
  const assumptions = FUNNEL_FIELDS.map(
    (field) => `<div><dt>${escapeText(labelText(field, options.currency))}</dt><dd>${escapeText(fieldText(field, inputs[field]))}</dd></div>`,
  ).join('');
  const fields = FUNNEL_FIELDS.map((field) => {
    const id = `${options.id}-${field}`;
    const info = FUNNEL_FIELD_INFO[field];
    return (
      `<div class="field" data-funnel-field="${field}">` +
      `<label for="${id}">${escapeText(labelText(field, options.currency))}</label>` +
      `<input type="text" inputmode="decimal" autocomplete="off"${attribute('id', id)}${attribute('name', field)}${attribute('value', fieldText(field, inputs[field]))} aria-describedby="${id}-hint ${id}-error">` +
      `<p class="field__hint"${attribute('id', `${id}-hint`)}>${escapeText(info.hint)}</p>` +
      `<p class="field__error"${attribute('id', `${id}-error`)} data-error></p>` +
      `</div>`
    );
  }).join('');
  const rows = FUNNEL_OUTPUTS.map(
    ({ key, label, digits }) =>
      `<tr><th scope="row">${escapeText(label)}</th><td data-output="${key}">${result ? escapeText(outputText(result[key], digits)) : '—'}</td></tr>`,
  ).join('');
  return (
    `<pb-funnel-worksheet${attribute('data-currency', options.currency)}>` +
    `<section class="worksheet"${attribute('aria-label', title)}>` +
    `<h3>${escapeText(title)}</h3>` +
    `<p class="worksheet__intro">Work back from a year's quota to the activity a day it takes. <span data-static>A worked example with these figures:</span><span data-live hidden>Change any figure; the results follow.</span></p>` +
    `<dl class="worksheet__assumptions" data-static>${assumptions}</dl>` +
    `<form class="worksheet__form" data-form hidden novalidate>${fields}</form>` +
    `<table class="worksheet__results"><caption>What it takes</caption><tbody>${rows}</tbody></table>` +
    `<p class="worksheet__note muted" role="status" data-status></p>` +
    `</section></pb-funnel-worksheet>`
  );
}
