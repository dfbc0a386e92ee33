import { downloadText } from '../../browser/download.ts';
import {
  fillForm,
  measureCharts,
  part,
  readFormEntries,
  renderAnalysis,
  renderAnalysisPending,
  renderSaved,
  renderSavedChoices,
  renderSavedNotice,
  renderBreakEven,
  renderFieldErrors,
  renderImportNotice,
  renderLinkNotice,
  renderMessage,
  renderView,
  renderWarnings,
  toggleSolve,
} from './render.ts';
import {
  calculatorStore,
  readAnalysisParts,
  readDefaults,
  startOnChange,
  type AnalysisCompute,
  type AnalysisParts,
  type AnalysisViewMaker,
  type BreakEvenSentence,
  type CalculatorStore,
  type ExportFile,
} from './store.ts';
import type { Scenario } from './fields.ts';
import { formChanged } from './form-changed.ts';
import { PHONE_QUERY } from './phone-query.ts';
import { stampMemo } from './memo-stamp.ts';
import { MESSAGES } from './view/notices.ts';
import { NUMERIC_FIELD_PATHS, isFieldPath, readNumber, type NumericFieldPath } from './fields.ts';
import { fieldId, inputText, tidy } from './view/form.ts';
import { formatTypedNumber, parseTypedNumber } from '../../common/typed-number.ts';

/**
 * `<pb-calculator>`: wiring only. Events on the server-rendered form go to the store's actions
 * (store.ts); the store's state goes to the page through render.ts. The results follow every input
 * (no submit), stay on the last valid inputs (marked out of date) while one is not valid, and the
 * page's address follows the scenario so it can be shared. No zod here: the codec checks links and
 * files against the field table, which keeps the script small and needs no 'unsafe-eval'.
 */
class PbCalculator extends HTMLElement {
  #ready = false;
  #viewShown = false;
  #resize = 0;
  /** The locale, settled when first needed: that is the page's first use of Intl, which costs tens of milliseconds. */
  #locale: () => string = () => 'en-US';
  #analysisTimer = 0;
  #spreadsLoading = false;
  /** Puts the store's spreads into their inputs, once these are built (spreads-block.ts). */
  #fillSpreads: () => void = () => undefined;

  connectedCallback(): void {
    // Moving the element in the page calls this again; the listeners are already in place.
    if (this.#ready) return;
    this.#ready = true;
    const defaults = readDefaults(this.dataset['defaults']);
    if (!defaults) {
      renderMessage(this, { text: MESSAGES.noDefaults, error: true });
      return;
    }
    const store = calculatorStore(defaults, this.dataset['locale'] || 'en-US', {
      storage: browserStorage(),
      breakEven: part(this, '[data-be-result]').textContent ?? '',
      // The charts start as the server drew them; their holders are measured once laid out (#wire), so
      // opening the page never waits for a layout, and a chart is redrawn only if its width differs.
    });

    const locale = () => store.$formatters.get().locale;
    this.#locale = locale;
    store.openLink(location.search);
    // Opened on the defaults, the page already shows their slower results: computed at build time, they are taken as they are.
    const defaultsAnalysis = readAnalysisParts(this.dataset['defaultsAnalysis']);
    if (defaultsAnalysis) store.useDefaultsAnalysis(defaultsAnalysis);
    // Opened on the defaults, the form already shows them as the server wrote them. What was typed
    // before this code started (on a slow connection the form shows first), or what the browser put
    // back going back to the page, is read as it stands; a link's values are written into the form.
    const typed = !location.search && formChanged(this);
    const asServed = !location.search && !typed;
    if (location.search) this.#fill(store);
    else if (typed) {
      // As the form's input listener below does for each change: a "solve" box ticked or unticked
      // first locks its seats box, or unlocks it with the solved number, then the form is read.
      for (const box of this.querySelectorAll<HTMLInputElement>('[data-form] input[data-solve]'))
        if (box.checked !== box.defaultChecked) toggleSolve(this, box, store.$evaluation.get());
      store.edit(readFormEntries(this));
    }
    if (!asServed) writeUrl(store.$shareLink.get());
    if (store.$link.get() !== '') this.#findBreakEven(store);
    // For the element's whole life: moving it in the page keeps its state and its listeners.
    store.$shareLink.listen(writeUrl);
    // The printed memo is complete and current: dated, with the link, the break-even and the analysis brought up to date.
    window.addEventListener('beforeprint', () => {
      stampMemo(this, locale());
      if (store.$breakEven.get()?.stale) this.#findBreakEven(store);
      if (store.analysisPending() && loadedAnalysis) store.analyse(loadedAnalysis);
      // The memo prints the range chart wide and one line per option, whatever the screen's width, so that it keeps to two pages.
      store.setChartWidths({ ...store.$chartWidths.get(), ranges: PRINT_RANGE_WIDTH, print: true });
      this.#showView(store);
    });
    window.addEventListener('afterprint', () => store.setChartWidths(measureCharts(this)));
    // Whether the page still shows what the server wrote (the groups' lines, below, may load later).
    let stillAsServed = asServed;
    startOnChange(!asServed, [store.$scenario, store.$fieldErrors, store.$unconfirmed, store.$spreadErrors], () => (stillAsServed = false));
    // The code that draws the analysis comes once the page is idle, and draws once the analysis, its
    // question or the charts' widths differ from what the server drew: until then the server's drawing stands.
    const analysisCode = new Promise<AnalysisViewMaker>((resolve) =>
      whenIdle(
        () =>
          void import('./view/analysis.ts').then(
            ({ analysisView }) => resolve(analysisView),
            () => undefined,
          ),
      ),
    );
    startOnChange(!asServed, [store.$link, store.$comparison, store.$chartWidths], () => void analysisCode.then((maker) => store.useAnalysisView(maker)));
    this.#wire(store);
    // The page follows the store from the next task on: opening the page is two shorter tasks instead
    // of one long one, so a phone answers a tap in between. What changed meanwhile is drawn then.
    window.setTimeout(() => this.#follow(store, () => stillAsServed));
  }

  /** Draws the store's state on the page, and goes on doing so; loads the groups' and the analysis's code. */
  #follow(store: CalculatorStore, stillAsServed: () => boolean): void {
    store.$fieldErrors.subscribe((errors) => renderFieldErrors(this, errors));
    store.$warnings.subscribe((warnings) => renderWarnings(this, warnings));
    store.$status.subscribe((status) => (part(this, '[data-status]').textContent = status));
    store.$shareLink.subscribe(() => (part(this, '[data-memo-link]').textContent = location.href));
    store.$breakEven.subscribe((shown) => renderBreakEven(this, shown));
    store.$analysis.subscribe((shown) => renderAnalysis(this, shown));
    store.$analysisPending.subscribe((pending) => renderAnalysisPending(this, pending));
    store.$saved.subscribe((items) => renderSaved(this, items, this.#locale));
    store.$savedNotice.subscribe((text) => renderSavedNotice(this, text));
    store.$saved.subscribe((items) => renderSavedChoices(this, items));
    store.$savedDiff.subscribe((diff) => {
      if (diff) void import('./compare-render.ts').then(({ renderSavedDiff }) => renderSavedDiff(this, diff));
    });
    // The uncertainty run and "what would have to be true" take a moment: they follow the inputs
    // once typing pauses, never on a keystroke.
    store.$link.subscribe(() => this.#scheduleAnalysis(store));
    store.$linkNotice.subscribe((items) => renderLinkNotice(this, items));
    store.$importNotice.subscribe((notice) => renderImportNotice(this, notice));
    store.$message.subscribe((message) => renderMessage(this, message));
    // The input groups are disclosures on a phone only, so their code loads there (or once the window
    // narrows to a phone's width), on its own: once the page is idle when it still shows what the
    // server wrote (the groups are served closed, each with its line), at once otherwise. Until it
    // runs, or if it cannot load, they open and close as plain disclosures. Wider screens show every
    // group's fields whether it is open or not (the page's first script opened them, calculator-start.ts).
    const phone = window.matchMedia(PHONE_QUERY);
    const loadGroups = () => void import('./groups.ts').then(({ wireGroups }) => wireGroups(this, store, stillAsServed())).catch(() => undefined);
    if (phone.matches) {
      if (stillAsServed()) whenIdle(loadGroups);
      else loadGroups();
    } else phone.addEventListener('change', loadGroups, { once: true });
  }

  disconnectedCallback(): void {
    cancelAnimationFrame(this.#resize);
    clearTimeout(this.#analysisTimer);
  }

  #scheduleAnalysis(store: CalculatorStore): void {
    clearTimeout(this.#analysisTimer);
    if (!store.analysisPending()) return;
    this.#analysisTimer = window.setTimeout(() => {
      if (!store.analysisPending()) return;
      // In a worker: the page stays responsive while it runs. The page's own copy of the code is
      // loaded too (when idle), so that printing can bring the analysis up to date at once.
      void import('./analysis-client.ts').then(({ analyseOffThread }) => store.analyse(analyseOffThread)).catch(() => store.say(NOT_LOADED, true));
      whenIdle(() => {
        void loadAnalysis().catch(() => undefined);
        void loadBreakEven().catch(() => undefined);
      });
    }, ANALYSIS_DELAY_MS);
  }

  #wire(store: CalculatorStore): void {
    const form = part<HTMLFormElement>(this, '[data-form]');
    form.addEventListener('submit', (event) => event.preventDefault());
    form.addEventListener('input', (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.dataset['solve']) toggleSolve(this, target, store.$evaluation.get());
      store.edit(readFormEntries(this));
    });
    // Leaving a field shows what was read, with thousands separators: "70k" becomes "70,000".
    form.addEventListener('change', (event) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.hasAttribute('data-number')) showReading(target, store, this.#locale());
    });
    // The inputs are text (so that they can show "70,000"); the arrow keys still step them.
    form.addEventListener('keydown', (event) => {
      const target = event.target;
      if (!(target instanceof HTMLInputElement) || !target.hasAttribute('data-number') || target.disabled) return;
      if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
      const next = stepInput(target, event.key === 'ArrowUp' ? 1 : -1, store, this.#locale());
      if (next === null) return;
      event.preventDefault();
      target.value = next;
      store.edit(readFormEntries(this));
    });
    // A value that looks like a typing slip: keep it, or take the suggestion; the field keeps the focus.
    form.addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-warning-action]');
      const path = button?.dataset['path'] ?? '';
      const input = isFieldPath(path) ? this.querySelector<HTMLInputElement>(`#f-${fieldId(path)}`) : null;
      if (!button || !input) return;
      if (button.dataset['warningAction'] === 'keep') store.keepValue(path);
      else {
        input.value = button.dataset['value'] ?? input.value;
        store.edit(readFormEntries(this));
      }
      input.focus();
    });
    part(this, '[data-stale-list]').addEventListener('click', (event) => {
      const link = (event.target as Element).closest('a');
      const input = link ? document.getElementById(link.getAttribute('href')?.slice(1) ?? '') : null;
      if (input) {
        event.preventDefault();
        input.focus();
      }
    });
    const download = (file: Promise<ExportFile>) =>
      void file.then(
        ({ name, text, type }) => downloadText(name, text, type),
        () => store.say(NOT_LOADED, true),
      );
    part(this, '[data-copy]').addEventListener('click', () => void this.#copyLink(store));
    part(this, '[data-download-csv]').addEventListener('click', () => download(store.exportCsv(location.href)));
    part(this, '[data-download-json]').addEventListener('click', () => download(store.exportJson()));
    const importInput = part<HTMLInputElement>(this, '[data-import]');
    importInput.addEventListener('change', () => {
      const file = importInput.files?.[0];
      if (!file) return;
      void store
        .importFile(file)
        .then((imported) => imported && this.#fill(store))
        .finally(() => (importInput.value = ''));
    });
    part(this, '[data-reset]').addEventListener('click', () => {
      store.reset();
      this.#fill(store);
    });
    part(this, '[data-print]').addEventListener('click', () => window.print());
    const saveForm = part<HTMLFormElement>(this, '[data-save-form]');
    saveForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const name = part<HTMLInputElement>(this, '[data-save-name]');
      store.saveScenario(name.value);
      name.value = '';
    });
    part(this, '[data-saved-list]').addEventListener('click', (event) => {
      const button = (event.target as Element).closest<HTMLButtonElement>('button[data-saved-action]');
      if (!button) return;
      const index = Number(button.dataset['index']);
      if (button.dataset['savedAction'] === 'open') {
        if (store.openSaved(index)) this.#fill(store);
      } else store.deleteSaved(index);
    });
    // "How sure are you?": its inputs are built, and their code loaded, when the block is first opened.
    const spreads = part<HTMLDetailsElement>(this, '[data-spreads]');
    const openSpreads = () => {
      if (!spreads.open || this.#spreadsLoading) return;
      this.#spreadsLoading = true;
      void import('./spreads-block.ts').then(
        ({ buildSpreads }) => (this.#fillSpreads = buildSpreads(this, store)),
        () => store.say(NOT_LOADED, true),
      );
    };
    spreads.addEventListener('toggle', openSpreads);
    openSpreads();
    const compareSaved = part<HTMLFormElement>(this, '[data-sc-form]');
    compareSaved.addEventListener('submit', (event) => {
      event.preventDefault();
      const index = (selector: string) => Number(part<HTMLSelectElement>(this, selector).value);
      store.compareSaved(index('[data-sc-a]'), index('[data-sc-b]')).catch(() => store.say(NOT_LOADED, true));
    });
    const compare = part<HTMLSelectElement>(this, '[data-compare]');
    compare.addEventListener('change', () => store.setComparison(compare.value));
    const tornado = part<HTMLSelectElement>(this, '[data-tornado-model]');
    tornado.addEventListener('change', () => store.setTornadoModel(tornado.value));
    part(this, '[data-be-run]').addEventListener('click', () => this.#findBreakEven(store));
    for (const select of this.querySelectorAll('[data-be-controls] select')) select.addEventListener('change', () => this.#findBreakEven(store));
    const charts = part(this, '[data-charts]');
    // The charts are drawn for their holders' widths, in a frame of their own: once they come near the
    // view, or the scenario differs from the server's; again whenever their width changes.
    let width = -1;
    let measured = false;
    const measure = () => {
      measured = true;
      cancelAnimationFrame(this.#resize);
      this.#resize = requestAnimationFrame(() => {
        store.setChartWidths(measureCharts(this));
        this.#showView(store);
      });
    };
    new ResizeObserver(() => {
      if (charts.clientWidth === width) return;
      width = charts.clientWidth;
      if (measured) measure();
    }).observe(charts);
    const near = new IntersectionObserver(
      (entries) => {
        if (!entries.some((entry) => entry.isIntersecting)) return;
        near.disconnect();
        measure();
      },
      { rootMargin: '100% 0px' },
    );
    for (const holder of this.querySelectorAll('[data-charts], [data-analysis]')) near.observe(holder);
    // Any change from the server's scenario or question (a link, an edit, an import, a saved scenario).
    if (store.$shareLink.get() !== '') measure();
    const changed = () => {
      if (!measured) measure();
    };
    store.$shareLink.listen(changed);
    store.$fieldErrors.listen(changed);
    store.$unconfirmed.listen(changed);
    store.$tornadoModel.listen(changed);
    // Or as soon as the reader scrolls or acts, so that no chart is redrawn as it comes into sight.
    const engage = () => {
      for (const type of ENGAGE_EVENTS) window.removeEventListener(type, engage, true);
      changed();
    };
    for (const type of ENGAGE_EVENTS) window.addEventListener(type, engage, { capture: true, passive: true });
  }

  /**
   * From here on the results and the summary bar follow the store. Until then the server's rendering
   * stands: opened on the defaults, it is the same, and the page's view is worked out only once it
   * differs or its charts come near the view, for their measured widths.
   */
  #showView(store: CalculatorStore): void {
    if (this.#viewShown) return;
    this.#viewShown = true;
    store.$view.subscribe((view) => renderView(this, view));
    store.$summary.subscribe((line) => (part(this, '[data-bar-text]').textContent = line));
    part(this, '[data-bar]').hidden = false;
  }

  /** Puts the store's scenario into the form and the spread inputs (after it was replaced as a whole). */
  #fill(store: CalculatorStore): void {
    fillForm(this, store.$scenario.get(), this.#locale());
    this.#fillSpreads();
  }

  #findBreakEven(store: CalculatorStore): void {
    const models = [...this.querySelectorAll<HTMLSelectElement>('[data-be-model]')].map((select) => select.value);
    const path = part<HTMLSelectElement>(this, '[data-be-path]').value;
    // Loaded already (as before printing), the sentence is found at once.
    if (loadedBreakEven) store.findBreakEven(path, models, loadedBreakEven);
    else
      void loadBreakEven().then(
        (sentence) => store.findBreakEven(path, models, sentence),
        () => store.say(NOT_LOADED, true),
      );
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

/** The browser's localStorage, or null where it is turned off (reading it can throw). */
function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

let loadedAnalysis: ((scenario: Scenario, evaluation: Parameters<AnalysisCompute>[1]) => AnalysisParts) | null = null;
/** The slower results' code in the page itself, loaded once, on its own, when first needed. */
async function loadAnalysis(): Promise<(scenario: Scenario, evaluation: Parameters<AnalysisCompute>[1]) => AnalysisParts> {
  loadedAnalysis ??= (await import('./analysis-runner.ts')).computeAnalysis;
  return loadedAnalysis;
}

let loadedBreakEven: BreakEvenSentence | null = null;
/** The break-even search, loaded when first asked for, or when the inputs first change (so that printing can bring it up to date at once). */
async function loadBreakEven(): Promise<BreakEvenSentence> {
  loadedBreakEven ??= (await import('./view/break-even-sentence.ts')).breakEvenSentence;
  return loadedBreakEven;
}

/** Runs `task` once the page is idle (at the latest after a second), or soon where browsers cannot say. */
function whenIdle(task: () => void): void {
  if ('requestIdleCallback' in window) window.requestIdleCallback(task, { timeout: 1000 });
  else setTimeout(task, 200);
}

/** Said when code loaded on first use could not be loaded. */
const NOT_LOADED = 'That did not work: part of the page did not load. Reload the page to try again.';

/** What the reader does first that makes the page draw its charts for the screen. */
const ENGAGE_EVENTS = ['scroll', 'wheel', 'touchstart', 'pointerdown', 'keydown'] as const;

/** The width the range chart is drawn at for print. */
const PRINT_RANGE_WIDTH = 900;

/** How long typing must pause before the slower results are recomputed. */
const ANALYSIS_DELAY_MS = 400;

/** Rewrites a valid field in the form's style (thousands separators); a field with a message keeps what was typed. */
function showReading(input: HTMLInputElement, store: CalculatorStore, locale: string): void {
  const path = input.dataset['path'] ?? '';
  if (
    !isFieldPath(path) ||
    store.$fieldErrors.get().has(path) ||
    store.$unconfirmed.get().get(path as NumericFieldPath)?.held ||
    !(NUMERIC_FIELD_PATHS as readonly string[]).includes(path)
  )
    return;
  const value = readNumber(store.$scenario.get(), path as NumericFieldPath);
  if (value !== null) input.value = inputText(path as NumericFieldPath, value, locale);
}

/** The text one step up or down from the field's current value, kept in its range; null when the text cannot be read. */
function stepInput(input: HTMLInputElement, direction: 1 | -1, store: CalculatorStore, locale: string): string | null {
  const path = input.dataset['path'] ?? '';
  if (!(NUMERIC_FIELD_PATHS as readonly string[]).includes(path)) return null;
  const field = store.$view.get().fields[path as NumericFieldPath];
  const reading = parseTypedNumber(input.value, locale, { percent: true });
  if (!reading.ok || !Number.isFinite(reading.value)) return null;
  const stepped = tidy(Math.min(field.max, Math.max(field.min, reading.value + direction * field.step)));
  return formatTypedNumber(stepped, locale);
}

/** Keeps the page's address in step with the scenario, so the address is always a share link. */
function writeUrl(query: string): void {
  history.replaceState(history.state, '', query ? `?${query}` : location.pathname);
}

if (!customElements.get('pb-calculator')) customElements.define('pb-calculator', PbCalculator);
