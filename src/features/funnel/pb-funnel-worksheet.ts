import { funnel, fieldProblem, FUNNEL_FIELD_INFO, FUNNEL_FIELDS, type FunnelInputs } from './model.ts';
import { FUNNEL_OUTPUTS, outputText } from './render.ts';
import { parseTypedNumber } from '../../common/typed-number.ts';

/**
 * `<pb-funnel-worksheet>`: turns the worked example a chapter shows into a form. Each field is read
 * as a person types numbers ("800k", "$40,000", "20%"); text it cannot read, or a value out of range,
 * is explained under the field and the results show "—" until it is fixed. Nothing is stored.
 */
class PbFunnelWorksheet extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector<HTMLFormElement>('[data-form]');
    if (!form || this.dataset['ready']) return;
    this.dataset['ready'] = 'true';
    for (const node of this.querySelectorAll<HTMLElement>('[data-static]')) node.hidden = true;
    for (const node of this.querySelectorAll<HTMLElement>('[data-live]')) node.hidden = false;
    form.hidden = false;
    form.addEventListener('input', () => this.#update(form));
    form.addEventListener('submit', (event) => event.preventDefault());
  }

  #update(form: HTMLFormElement): void {
    const inputs: Partial<FunnelInputs> = {};
    let problems = 0;
    for (const field of FUNNEL_FIELDS) {
      const input = form.querySelector<HTMLInputElement>(`input[name="${field}"]`);
      const error = form.querySelector<HTMLElement>(`[data-funnel-field="${field}"] [data-error]`);
      if (!input || !error) continue;
      const share = FUNNEL_FIELD_INFO[field].kind === 'share';
      const typed = parseTypedNumber(input.value, 'en-US', { percent: share });
      const value = typed.ok ? (share ? typed.value / 100 : typed.value) : Number.NaN;
      const problem = typed.ok ? fieldProblem(field, value) : typed.reason;
      error.textContent = problem ?? '';
      input.setAttribute('aria-invalid', String(problem !== undefined));
      if (problem) problems++;
      else inputs[field] = value;
    }
    const result = problems === 0 ? funnel(inputs as FunnelInputs) : undefined;
    for (const { key, digits } of FUNNEL_OUTPUTS) {
      const cell = this.querySelector<HTMLElement>(`[data-output="${key}"]`);
      if (cell) cell.textContent = result ? outputText(result[key], digits) : '—';
    }
    const status = this.querySelector<HTMLElement>('[data-status]');
    if (status) status.textContent = result ? '' : `Fix the ${problems === 1 ? 'figure' : `${problems} figures`} marked above to see what it takes.`;
  }
}

if (!customElements.get('pb-funnel-worksheet')) customElements.define('pb-funnel-worksheet', PbFunnelWorksheet);
