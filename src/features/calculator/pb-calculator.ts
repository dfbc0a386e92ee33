import { downloadText } from '../../browser/download.ts';
import {
  fillForm,
  measureCharts,
  part,
  readFormEntries,
  renderBreakEven,
  renderFieldErrors,
  renderImportNotice,
  renderLinkNotice,
  renderMessage,
  renderView,
  toggleSolve,
} from './render.ts';
import { calculatorStore, readDefaults, type CalculatorStore, type ExportFile } from './store.ts';
import { MESSAGES } from './view/notices.ts';

/**
 * `<pb-calculator>`: wiring only. Events on the server-rendered form go to the store's actions
 * (store.ts); the store's state goes to the page through render.ts. The results follow every input
 * (no submit), stay on the last valid inputs (marked out of date) while one is not valid, and the
 * page's address follows the scenario so it can be shared. No zod here: the codec checks links and
 * files against the field table, which keeps the script small and needs no 'unsafe-eval'.
 */
class PbCalculator extends HTMLElement {
  #ready = false;
  #resize = 0;

  connectedCallback(): void {
    // Moving the element in the page calls this again; the listeners are already in place.
    if (this.#ready) return;
    this.#ready = true;
    const defaults = readDefaults(this.dataset['defaults']);
    if (!defaults) {
      renderMessage(this, { text: MESSAGES.noDefaults, error: true });
      return;
    }
    for (const el of this.querySelectorAll<HTMLElement>('[data-actions], [data-tornado-control], [data-be-controls]')) el.hidden = false;
    const store = calculatorStore(defaults, this.dataset['locale'] || 'en-US', {
      breakEven: part(this, '[data-be-result]').textContent ?? '',
      widths: measureCharts(this),
    });

    store.openLink(location.search);
    fillForm(this, store.$scenario.get());
    if (location.search) writeUrl(store.$link.get());
    if (store.$link.get() !== '') this.#findBreakEven(store);
    // For the element's whole life: moving it in the page keeps its state and its listeners.
    store.$view.subscribe((view) => renderView(this, view));
    store.$fieldErrors.subscribe((errors) => renderFieldErrors(this, errors));
    store.$status.subscribe((status) => (part(this, '[data-status]').textContent = status));
    store.$link.listen(writeUrl);
    store.$breakEven.subscribe((shown) => renderBreakEven(this, shown));
    store.$linkNotice.subscribe((items) => renderLinkNotice(this, items));
    store.$importNotice.subscribe((notice) => renderImportNotice(this, notice));
    store.$message.subscribe((message) => renderMessage(this, message));
    this.#wire(store);
  }

  disconnectedCallback(): void {
    cancelAnimationFrame(this.#resize);
  }

  #wire(store: CalculatorStore): void {
    const form = part<HTMLFormElement>(this, '[data-form]');
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('input', (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.dataset['solve']) toggleSolve(this, target, store.$evaluation.get());
      store.edit(readFormEntries(this));
    });
    part(this, '[data-stale-list]').addEventListener('click', (event) => {
      const link = (event.target as Element).closest('a');
      const input = link ? document.getElementById(link.getAttribute('href')?.slice(1) ?? '') : null;
      if (input) {
        event.preventDefault();
        input.focus();
      }
    });
    const download = ({ name, text, type }: ExportFile) => downloadText(name, text, type);
    part(this, '[data-copy]').addEventListener('click', () => void this.#copyLink(store));
    part(this, '[data-download-csv]').addEventListener('click', () => download(store.exportCsv()));
    part(this, '[data-download-json]').addEventListener('click', () => download(store.exportJson()));
    const importInput = part<HTMLInputElement>(this, '[data-import]');
    importInput.addEventListener('change', () => {
      const file = importInput.files?.[0];
      if (!file) return;
      void store
        .importFile(file)
        .then((imported) => imported && fillForm(this, store.$scenario.get()))
        .finally(() => (importInput.value = ''));
    });
    part(this, '[data-reset]').addEventListener('click', () => {
      store.reset();
      fillForm(this, store.$scenario.get());
    });
    part(this, '[data-print]').addEventListener('click', () => window.print());
    const tornado = part<HTMLSelectElement>(this, '[data-tornado-model]');
    tornado.addEventListener('change', () => store.setTornadoModel(tornado.value));
    part(this, '[data-be-run]').addEventListener('click', () => this.#findBreakEven(store));
    for (const select of this.querySelectorAll('[data-be-controls] select')) select.addEventListener('change', () => this.#findBreakEven(store));
    const charts = part(this, '[data-charts]');
    let width = charts.clientWidth;
    new ResizeObserver(() => {
      if (charts.clientWidth === width) return;
      width = charts.clientWidth;
      cancelAnimationFrame(this.#resize);
      this.#resize = requestAnimationFrame(() => store.setChartWidths(measureCharts(this)));
    }).observe(charts);
  }

  #findBreakEven(store: CalculatorStore): void {
    const models = [...this.querySelectorAll<HTMLSelectElement>('[data-be-model]')].map((select) => select.value);
    store.findBreakEven(part<HTMLSelectElement>(this, '[data-be-path]').value, models);
  }

  async #copyLink(store: CalculatorStore): Promise<void> {
    const url = location.href;
    const field = part<HTMLInputElement>(this, '[data-share-url]');
    field.value = url;
    part(this, '[data-share]').hidden = false;
    try {
      await navigator.clipboard.writeText(url);
      store.say(MESSAGES.copied);
    } catch {
      field.focus();
      field.select();
      store.say(MESSAGES.copyByHand);
    }
  }
}

/** Keeps the page's address in step with the scenario, so the address is always a share link. */
function writeUrl(query: string): void {
  history.replaceState(history.state, '', query ? `?${query}` : location.pathname);
}

if (!customElements.get('pb-calculator')) customElements.define('pb-calculator', PbCalculator);
