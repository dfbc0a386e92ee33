import { atom, batch, computed, type ReadableAtom } from 'nanostores';
import {
  GUARDED_PATHS,
  NUMERIC_FIELD_PATHS,
  isImplausible,
  readNumber,
  withField,
  type FieldPath,
  type NumericFieldPath,
  type Scenario,
  type SpreadKey,
} from './fields.ts';
import { MAX_FILE_LENGTH, decodeLink, encodeLink, parseScenario, parseScenarioText } from './codec.ts';
import { MODEL_IDS, evaluate, isModelId, type Evaluation, type ModelId } from './model/cost-model.ts';
import { readForm, type FormEntries } from './view/form.ts';
import { MESSAGES, STATUS, importTitle, problemItems, spreadStatus } from './view/notices.ts';
import { DEFAULT_TORNADO_MODEL, SERVER_CHART_WIDTHS, calculatorView, type BreakEvenQuery, type CalculatorView, type ChartWidths } from './view/view-model.ts';
import { DAMAGED_KEY, SAVED_KEY, readSaved, savedName, withSaved, writeSaved, type SavedScenario } from './view/saved-scenarios.ts';
import { DEFAULT_COMPARISON, comparedModels, comparisonFor } from './view/answer.ts';
import type { AnalysisView, analysisView } from './view/analysis.ts';
import { readSpreads, sameSpreads, spreadFields, withoutEmptyDealSpreads, type SpreadEntries, type SpreadGroup } from './view/spreads.ts';
import { summaryLine } from './view/summary-bar.ts';
import { implausibleIn, warningView, type Unconfirmed, type WarningView } from './view/plausibility.ts';
import type { UncertaintyResult } from './model/uncertainty.ts';
import type { ScenarioDiff } from './view/scenario-diff.ts';
import type { WhatWouldHaveToBeTrue } from './model/what-would-have-to-be-true.ts';
import { createFormatters, type Formatters } from '../../common/format.ts';
import type { Problem } from '../../common/problems.ts';

/**
 * The calculator page's state and the actions that change it. The results always show the last
 * valid scenario (`$scenario`); while an input is not valid, `$fieldErrors` says why and the
 * results are marked out of date. Everything the page shows derives from these stores
 * (`$view`, `$status`, `$breakEven`, the notices), so `pb-calculator.ts` only wires events to
 * actions and stores to render.ts. No DOM here.
 */

/** The break-even sentence as shown: out of date once the inputs change after it was found. */
export interface BreakEvenShown {
  text: string;
  stale: boolean;
}

/** The slower results of one scenario (uncertainty, what would have to be true), for the link they were computed for. */
export interface AnalysisResults {
  key: string;
  scenario: Scenario;
  evaluation: Evaluation;
  uncertainty: UncertaintyResult;
  whatIf: WhatWouldHaveToBeTrue;
}

/** The slower results themselves, without the scenario they are for. */
export interface AnalysisParts {
  uncertainty: UncertaintyResult;
  whatIf: WhatWouldHaveToBeTrue;
}

/** What computes the slower results: analysis-runner.ts in the page, or the same code in a worker (an answer that comes later). */
export type AnalysisCompute = (scenario: Scenario, evaluation: Evaluation) => AnalysisParts | Promise<AnalysisParts>;

/** Draws the slower results (view/analysis.ts, which the page loads on its own). */
export type AnalysisViewMaker = typeof analysisView;

/** The analysis as shown: its view, and whether the inputs changed since it was computed. */
export interface AnalysisShown {
  view: AnalysisView;
  pending: boolean;
}

/** A refused file's problems, as shown. */
export interface ImportNotice {
  title: string;
  items: string[];
}

/** What an action did, or why it could not: shown under the action buttons, or beside the saved scenarios for theirs. */
export interface ActionMessage {
  text: string;
  error: boolean;
  /** Set for the saved scenarios' actions (save, open, delete): the line beside them says it. */
  near?: 'saved';
}

/** A file to download. */
export interface ExportFile {
  name: string;
  text: string;
  type: string;
}

/** The calculator's stores and actions. */
export interface CalculatorStore {
  /** The scenario the results are for: the last one whose inputs were all valid. */
  $scenario: ReadableAtom<Scenario>;
  /** A message per input that is not valid; empty when the results are current. */
  $fieldErrors: ReadableAtom<ReadonlyMap<FieldPath, string>>;
  /** True while an input is not valid: the results are kept but out of date. */
  $stale: ReadableAtom<boolean>;
  /** The status line over the results. */
  $status: ReadableAtom<string>;
  /** Formatters for the scenario's currency. */
  $formatters: ReadableAtom<Formatters>;
  $evaluation: ReadableAtom<Evaluation>;
  /** The scenario's link query (empty for the defaults): what the slower results and the break-even are kept for. */
  $link: ReadableAtom<string>;
  /** The page's address query: the scenario and the question chosen (empty for the defaults and the default question). */
  $shareLink: ReadableAtom<string>;
  $tornadoModel: ReadableAtom<ModelId>;
  /** The question the verdict answers: a comparison id (view/answer.ts). */
  $comparison: ReadableAtom<string>;
  $chartWidths: ReadableAtom<ChartWidths>;
  /** Everything the results, charts and form hints show. */
  $view: ReadableAtom<CalculatorView>;
  /** Allowed values that look like a typing slip, by field: held back from the results until the person chooses, or (from a link or file) used with a warning. */
  $unconfirmed: ReadableAtom<ReadonlyMap<NumericFieldPath, Unconfirmed>>;
  /** The warnings shown next to those fields. */
  $warnings: ReadableAtom<readonly WarningView[]>;
  /** Keeps a value that looked like a typing slip: a held value goes into the results; the warning goes. */
  keepValue(path: string): void;
  /** The line kept in view while editing on narrower screens: the cheapest option, and whether the answer is out of date. */
  $summary: ReadableAtom<string>;
  /** How sure the answer is and what would have to be true; null until first computed in the page. */
  $analysis: ReadableAtom<AnalysisShown | null>;
  /** Whether the analysis shown (the server's, or the last computed) is not for the current scenario. */
  $analysisPending: ReadableAtom<boolean>;
  /** The last break-even sentence, marked when out of date; null when there is none. */
  $breakEven: ReadableAtom<BreakEvenShown | null>;
  /** What the opening link could not use, one sentence each; empty when nothing. */
  $linkNotice: ReadableAtom<readonly string[]>;
  /** Why the last imported file was refused; null when it was not. */
  $importNotice: ReadableAtom<ImportNotice | null>;
  $message: ReadableAtom<ActionMessage>;
  /** A message per "how sure are you?" input that is not valid; the ranges keep the last valid spreads meanwhile. */
  $spreadErrors: ReadableAtom<ReadonlyMap<SpreadKey, string>>;
  /** The "how sure are you?" inputs for the scenario (their hints say where each input is drawn). */
  $spreads: ReadableAtom<SpreadGroup[]>;
  /** Reads the typed spreads: the scenario takes them when all are valid. */
  editSpreads(entries: SpreadEntries): void;
  /** Puts the spreads back to the site's defaults, and says so (the spread inputs must be refilled). */
  resetSpreads(): void;
  /** The scenarios saved in this browser, newest first. */
  $saved: ReadableAtom<readonly SavedScenario[]>;
  /** Why (part of) the saved list could not be read; empty when it could. */
  $savedNotice: ReadableAtom<string>;
  /** Two saved scenarios side by side, as last compared; null before any comparison. */
  $savedDiff: ReadableAtom<ScenarioDiff | null>;
  /**
   * Compares the saved scenarios at two places in the list (each opened as its link, with the same
   * checks); false, and says why, when they are the same place or one is missing. Its code loads
   * when first asked for (view/scenario-diff.ts).
   */
  compareSaved(first: number, second: number): Promise<boolean>;
  /** Saves the current scenario under a name (an existing one of that name is replaced). */
  saveScenario(name: string): void;
  /** Opens a saved scenario (the form must be refilled); false when there is none at that place. */
  openSaved(index: number): boolean;
  deleteSaved(index: number): void;
  /** Opens the page's link: what it can use replaces the defaults; the rest is listed. */
  openLink(search: string): void;
  /** Reads the whole form: the results follow when every input is valid, else they go out of date. */
  edit(entries: FormEntries): void;
  /** Imports a scenario or results file; true when it replaced the scenario (the form must be refilled). */
  importFile(file: { name: string; size: number; text(): Promise<string> }): Promise<boolean>;
  /** Back to the defaults (the form must be refilled). */
  reset(): void;
  /**
   * Finds where two models cost the same per opportunity as one input moves, with `sentence`
   * (view/break-even-sentence.ts, which the page loads when first needed); ignores unknown choices.
   */
  findBreakEven(path: string, models: readonly string[], sentence: BreakEvenSentence): void;
  setTornadoModel(model: string): void;
  /**
   * Computes the uncertainty and "what would have to be true" for the current scenario with `compute`
   * (slow: call it off the typing path, or give one that runs in a worker). An answer is shown for the
   * scenario it was asked for; one that comes back after a newer answer is dropped.
   */
  analyse(compute: AnalysisCompute): Promise<void>;
  /**
   * Takes the slower results the server computed for the defaults, so the page need not compute them
   * again; false (nothing taken) unless the page shows the defaults.
   */
  useDefaultsAnalysis(parts: AnalysisParts): boolean;
  /** True when the analysis shown is not for the current scenario. */
  analysisPending(): boolean;
  /**
   * Gives the code that draws the analysis (view/analysis.ts). Until it is given, `$analysis` stays
   * null and the page keeps what the server drew for the defaults.
   */
  useAnalysisView(maker: AnalysisViewMaker): void;
  /** Chooses the question the verdict answers; an unknown id means all options. */
  setComparison(id: string): void;
  setChartWidths(widths: ChartWidths): void;
  /**
   * The inputs, summary and monthly series as CSV for finance (with the page's link when given), and
   * says so. Its code loads when first asked for (view/finance-csv.ts), keeping the page's first script small.
   */
  exportCsv(link?: string): Promise<ExportFile>;
  /** The scenario and results as JSON (what `npm run calc` prints), and says so; results-file.ts loads when first asked for. */
  exportJson(): Promise<ExportFile>;
  say(text: string, error?: boolean, near?: 'saved'): void;
}

/** Writes the break-even sentence of a question (view/break-even-sentence.ts). */
export type BreakEvenSentence = (scenario: Scenario, query: BreakEvenQuery, fmt: Formatters) => string;

/** Where saved scenarios live (the browser's localStorage; a plain object in tests). */
export type SavedStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Options for `calculatorStore`. */
export interface StoreOptions {
  /** Where saved scenarios are kept; without it, saving is not offered. */
  storage?: SavedStorage | null;
  /** The break-even sentence the server rendered for the defaults. */
  breakEven?: string;
  /** How wide the charts' holders are. */
  widths?: ChartWidths;
}

const NO_ERRORS: ReadonlyMap<FieldPath, string> = new Map();
const NO_SPREAD_ERRORS: ReadonlyMap<SpreadKey, string> = new Map();

/**
 * Runs `start` at once when `now`, else when any of `triggers` first changes. The page uses it for the
 * parts the server already wrote for the state it opened in: they are worked out (which formats
 * numbers, and the page's first use of Intl is slow) only once that state changes.
 */
export function startOnChange(now: boolean, triggers: readonly ReadableAtom<unknown>[], start: () => void): void {
  if (now) {
    start();
    return;
  }
  let started = false;
  const stops = triggers.map(($trigger) =>
    $trigger.listen(() => {
      if (started) return;
      started = true;
      for (const stop of stops) stop();
      start();
    }),
  );
}

/** Reads the page's default scenario (`data-defaults`); null when it is missing or not a valid scenario. */
export function readDefaults(text: string | undefined): Scenario | null {
  try {
    const parsed = parseScenario(JSON.parse(text ?? ''));
    return parsed.ok ? parsed.value : null;
  } catch {
    return null;
  }
}

/**
 * Reads the slower results the server computed for the defaults (`data-defaults-analysis`); null when the
 * text is missing or not of their shape, and the page then computes them itself.
 */
export function readAnalysisParts(text: string | undefined): AnalysisParts | null {
  try {
    const parsed: unknown = JSON.parse(text ?? '');
    return isAnalysisParts(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isNumberOrNull = (value: unknown): boolean => value === null || isNumber(value);

function isAnalysisParts(value: unknown): value is AnalysisParts {
  if (!isRecord(value) || !isRecord(value['uncertainty']) || !isRecord(value['whatIf'])) return false;
  const uncertainty = value['uncertainty'];
  const optionOk = (o: unknown): boolean =>
    o === null || (isRecord(o) && isNumberOrNull(o['p10']) && isNumberOrNull(o['p50']) && isNumberOrNull(o['p90']) && isNumber(o['probabilityLowest']));
  if (!MODEL_IDS.every((model) => model in uncertainty && optionOk(uncertainty[model]))) return false;
  const whatIf = value['whatIf'];
  if (whatIf['status'] === 'no-cheapest') return typeof whatIf['reason'] === 'string';
  const requirementOk = (r: unknown): boolean =>
    isRecord(r) &&
    typeof r['path'] === 'string' &&
    (NUMERIC_FIELD_PATHS as readonly string[]).includes(r['path']) &&
    isNumber(r['baseValue']) &&
    ((r['status'] === 'value' && isNumber(r['value']) && isNumberOrNull(r['costPerOpportunity'])) ||
      (r['status'] === 'not-within-range' && typeof r['reason'] === 'string'));
  return (
    whatIf['status'] === 'found' &&
    isModelId(String(whatIf['cheapest'])) &&
    isNumber(whatIf['costPerOpportunity']) &&
    Array.isArray(whatIf['options']) &&
    whatIf['options'].every(
      (o: unknown) =>
        isRecord(o) &&
        isModelId(String(o['model'])) &&
        isNumberOrNull(o['costPerOpportunity']) &&
        Array.isArray(o['requirements']) &&
        o['requirements'].every(requirementOk),
    )
  );
}

/** Creates the calculator's stores for the page's defaults and locale, starting at the defaults. */
export function calculatorStore(defaults: Scenario, locale: string, options: StoreOptions = {}): CalculatorStore {
  const defaultsFormat = createFormatters(locale, defaults.currency);
  const $scenario = atom<Scenario>(defaults);
  const $fieldErrors = atom<ReadonlyMap<FieldPath, string>>(NO_ERRORS);
  const $spreadErrors = atom<ReadonlyMap<SpreadKey, string>>(NO_SPREAD_ERRORS);
  const $fromLink = atom(false);
  const $linkProblems = atom<readonly Problem[]>([]);
  const $refused = atom<{ fileName: string; problems: readonly Problem[] } | null>(null);
  const $found = atom({ key: '', text: options.breakEven ?? '' });
  const $tornadoModel = atom<ModelId>(DEFAULT_TORNADO_MODEL);
  const $comparison = atom<string>(DEFAULT_COMPARISON);
  const $analysed = atom<AnalysisResults | null>(null);
  const $chartWidths = atom<ChartWidths>(options.widths ?? SERVER_CHART_WIDTHS);
  const $message = atom<ActionMessage>({ text: '', error: false });
  const $unconfirmed = atom<ReadonlyMap<NumericFieldPath, Unconfirmed>>(new Map());
  // Values the person kept although they looked like a slip: not asked about again.
  const kept = new Map<NumericFieldPath, number>();
  const heldCount = (unconfirmed: ReadonlyMap<NumericFieldPath, Unconfirmed>): number => [...unconfirmed.values()].filter((u) => u.held).length;

  const $stale = computed($fieldErrors, (errors) => errors.size > 0);
  const $status = computed([$fieldErrors, $spreadErrors, $fromLink, $unconfirmed], (errors, spreadErrors, fromLink, unconfirmed) => {
    const main =
      errors.size > 0
        ? STATUS.stale(errors.size)
        : heldCount(unconfirmed) > 0
          ? STATUS.unconfirmed(heldCount(unconfirmed))
          : fromLink
            ? STATUS.fromLink
            : STATUS.current;
    // A spread that is not valid holds the ranges and the link back: said as plainly as an input to fix.
    if (spreadErrors.size === 0) return main;
    return spreadStatus([...spreadErrors.keys()], main === STATUS.current ? '' : main);
  });
  const $currency = computed($scenario, (scenario) => scenario.currency);
  const $formatters = computed($currency, (currency) => createFormatters(locale, currency));
  const $evaluation = computed($scenario, (scenario) => evaluate(scenario));
  // The page's own address stays clean while it shows the defaults; any other scenario is written whole.
  const defaultsLink = encodeLink(defaults);
  const $link = computed($scenario, (scenario) => {
    const link = encodeLink(scenario);
    return link === defaultsLink ? '' : link;
  });
  const defaultsShareLink = encodeLink(defaults, DEFAULT_COMPARISON);
  const $shareLink = computed([$scenario, $comparison], (scenario, comparison) => {
    const link = encodeLink(scenario, comparison);
    return link === defaultsShareLink ? '' : link;
  });
  const $view = computed(
    [$scenario, $evaluation, $formatters, $tornadoModel, $chartWidths, $comparison],
    (scenario, evaluation, fmt, tornadoModel, widths, comparison) => calculatorView(scenario, fmt, { evaluation, widths, tornadoModel, comparison }),
  );
  const $summary = computed([$view, $fieldErrors, $unconfirmed], (view, errors, unconfirmed) =>
    summaryLine(view.verdict.figures, { errors: errors.size, unconfirmed: heldCount(unconfirmed) }),
  );
  const $warnings = computed($unconfirmed, (unconfirmed) => [...unconfirmed].map(([path, u]) => warningView(path, u, defaultsFormat.locale)));
  // Shown for the scenario it was computed for (never mixed with newer inputs), marked pending until recomputed.
  const $analysisMaker = atom<AnalysisViewMaker | null>(null);
  const $analysisPending = computed([$analysed, $link], (analysed, link) => analysed?.key !== link);
  const $analysis = computed(
    [$analysed, $analysisPending, $comparison, $formatters, $chartWidths, $analysisMaker],
    (analysed, pending, comparison, fmt, widths, analysisView) => {
      if (!analysed || !analysisView) return null;
      const { scenario, evaluation, uncertainty, whatIf } = analysed;
      const models = comparedModels(comparisonFor(comparison), scenario);
      return {
        view: analysisView(evaluation, uncertainty, whatIf, scenario, models, fmt, widths.ranges ?? 0, widths.print === true),
        pending,
      };
    },
  );
  const $spreads = computed([$scenario, $formatters], (scenario, fmt) => spreadFields(scenario, fmt, defaults.uncertainty.spread));
  const $breakEven = computed([$found, $link], ({ key, text }, link): BreakEvenShown | null => {
    if (!text) return null;
    if (key === link) return { text, stale: false };
    return { text: `Out of date: the inputs changed since this was found. Press “Find break-even” to update it. (Was: ${text})`, stale: true };
  });
  const $linkNotice = computed($linkProblems, (problems) => problemItems(problems, defaults, defaultsFormat, true));
  const $importNotice = computed($refused, (refused) =>
    refused && refused.problems.length > 0
      ? { title: importTitle(refused.fileName, refused.problems.length), items: problemItems(refused.problems, defaults, defaultsFormat, false) }
      : null,
  );

  // Analyses asked for and the newest one shown, in order: an older answer never replaces a newer one.
  let analysisAsked = 0;
  let analysisShown = 0;

  const say = (text: string, error = false, near?: 'saved'): void => $message.set(near ? { text, error, near } : { text, error });

  const storage = options.storage ?? null;
  let storedText: string | null;
  try {
    storedText = storage?.getItem(SAVED_KEY) ?? null;
  } catch {
    storedText = null;
  }
  const firstReading = readSaved(storedText);
  let damagedText = firstReading.damaged ? storedText : null;
  const $saved = atom<readonly SavedScenario[]>(firstReading.items);
  const $savedNotice = atom<string>(firstReading.problem ?? '');
  const $savedDiff = atom<ScenarioDiff | null>(null);
  const storeSaved = (items: SavedScenario[]): boolean => {
    try {
      // A damaged list is kept aside once, before it is written over.
      if (damagedText !== null) storage?.setItem(DAMAGED_KEY, damagedText);
      damagedText = null;
      storage?.setItem(SAVED_KEY, writeSaved(items));
      $saved.set(items);
      return true;
    } catch {
      say('This browser did not let the page save (storage is full or turned off). Nothing was changed.', true, 'saved');
      return false;
    }
  };
  const refuse = (fileName: string, problem: Problem): false => {
    $refused.set({ fileName, problems: [problem] });
    return false;
  };

  /** A whole new scenario (import, reset): every message about the old one goes. */
  function load(scenario: Scenario): void {
    batch(() => {
      $fieldErrors.set(NO_ERRORS);
      $spreadErrors.set(NO_SPREAD_ERRORS);
      $linkProblems.set([]);
      $refused.set(null);
      $fromLink.set(false);
      $scenario.set(scenario);
      $unconfirmed.set(implausibleIn(scenario));
    });
  }

  return {
    $scenario,
    $fieldErrors,
    $stale,
    $status,
    $formatters,
    $evaluation,
    $link,
    $shareLink,
    $tornadoModel,
    $comparison,
    $chartWidths,
    $view,
    $summary,
    $unconfirmed,
    $warnings,
    $analysis,
    $analysisPending,
    $spreadErrors,
    $spreads,
    $saved,
    $savedNotice,
    $savedDiff,
    $breakEven,
    $linkNotice,
    $importNotice,
    $message,
    openLink(search) {
      const { scenario, problems, question } = decodeLink(search, defaults);
      batch(() => {
        $comparison.set(comparisonFor(question ?? DEFAULT_COMPARISON).id);
        $linkProblems.set(problems);
        $fromLink.set(problems.length > 0);
        $spreadErrors.set(NO_SPREAD_ERRORS);
        $scenario.set(scenario);
        // The sender chose these values: they are used, and the warning says what they look like.
        $unconfirmed.set(implausibleIn(scenario));
      });
    },
    editSpreads(entries) {
      const { scenario, errors } = readSpreads(entries, $scenario.get(), locale);
      batch(() => {
        $spreadErrors.set(errors.size > 0 ? errors : NO_SPREAD_ERRORS);
        if (errors.size === 0 && !sameSpreads(scenario.uncertainty.spread, $scenario.get().uncertainty.spread)) $scenario.set(scenario);
      });
    },
    resetSpreads() {
      const current = $scenario.get();
      batch(() => {
        $spreadErrors.set(NO_SPREAD_ERRORS);
        $scenario.set({ ...current, uncertainty: { ...current.uncertainty, spread: { ...defaults.uncertainty.spread } } });
      });
      say('The spreads are back to the defaults.');
    },
    edit(entries) {
      const current = $scenario.get();
      const read = readForm(entries, current, locale);
      const errors = read.errors;
      let scenario = read.scenario;
      // A value that looks like a typing slip does not change the answer until the person says so.
      const unconfirmed = new Map<NumericFieldPath, Unconfirmed>();
      for (const path of GUARDED_PATHS) {
        const value = readNumber(scenario, path);
        if (value === null || !isImplausible(path, value) || kept.get(path) === value) continue;
        const before = readNumber(current, path);
        if (value === before) {
          // Already in use (from a link or a file): its warning stays until the person chooses.
          const shown = $unconfirmed.get().get(path);
          if (shown?.value === value) unconfirmed.set(path, shown);
          continue;
        }
        unconfirmed.set(path, { value, held: true });
        scenario = withField(scenario, path, before);
      }
      batch(() => {
        $fieldErrors.set(errors);
        $unconfirmed.set(unconfirmed);
        if (errors.size > 0) return;
        $fromLink.set(false);
        $scenario.set(withoutEmptyDealSpreads(scenario));
      });
    },
    async importFile(file) {
      // The limit is in characters; a character takes at most 4 bytes in UTF-8.
      if (file.size > MAX_FILE_LENGTH * 4) {
        return refuse(file.name, {
          code: 'too_large',
          field: '',
          expected: `a file of at most ${MAX_FILE_LENGTH} characters`,
          given: `${Math.round(file.size / 1024)} KB`,
        });
      }
      let text: string;
      try {
        text = await file.text();
      } catch {
        return refuse(file.name, { code: 'not_parseable', field: '', expected: 'a readable file', given: 'a file the browser could not read' });
      }
      const parsed = parseScenarioText(text, defaults);
      if (!parsed.ok) {
        $refused.set({ fileName: file.name, problems: parsed.problems });
        return false;
      }
      load(parsed.value);
      say(MESSAGES.imported(file.name));
      return true;
    },
    reset() {
      load(defaults);
      say(MESSAGES.reset);
    },
    findBreakEven(path, [a = '', b = ''], sentence) {
      if (!(NUMERIC_FIELD_PATHS as readonly string[]).includes(path) || !isModelId(a) || !isModelId(b)) return;
      const text = sentence($scenario.get(), { path: path as NumericFieldPath, models: [a, b] }, $formatters.get());
      $found.set({ key: $link.get(), text });
    },
    setTornadoModel(model) {
      $tornadoModel.set(isModelId(model) ? model : DEFAULT_TORNADO_MODEL);
    },
    saveScenario(typed) {
      const name = savedName(typed, $saved.get());
      // The share link, so the scenario opens again on the question it was saved with.
      if (storeSaved(withSaved($saved.get(), { name, savedAt: new Date().toISOString(), link: $shareLink.get() }))) {
        say(`Saved “${name}” in this browser.`, false, 'saved');
      }
    },
    openSaved(index) {
      const entry = $saved.get()[index];
      if (!entry) return false;
      const { scenario, problems, question } = decodeLink(`?${entry.link}`, defaults);
      batch(() => {
        load(scenario);
        // Saved before links carried the question: the question on screen stays.
        if (question !== undefined) $comparison.set(comparisonFor(question).id);
        $linkProblems.set(problems);
      });
      say(`Opened “${entry.name}”.`, false, 'saved');
      return true;
    },
    async compareSaved(first, second) {
      const items = $saved.get();
      const a = items[first];
      const b = items[second];
      if (!a || !b) {
        say('Choose two saved scenarios to compare.', true);
        return false;
      }
      if (first === second) {
        say(`Choose two different scenarios: both choices are “${a.name}”.`, true);
        return false;
      }
      const { diffScenarios } = await import('./view/scenario-diff.ts');
      const opened = [a, b].map((entry) => {
        const { scenario, problems } = decodeLink(`?${entry.link}`, defaults);
        return { name: entry.name, scenario, problems: problems.length };
      }) as [{ name: string; scenario: Scenario; problems: number }, { name: string; scenario: Scenario; problems: number }];
      $savedDiff.set(diffScenarios(opened[0], opened[1], locale));
      say(`Comparing “${a.name}” with “${b.name}”.`);
      return true;
    },
    deleteSaved(index) {
      const entry = $saved.get()[index];
      if (!entry) return;
      if (storeSaved($saved.get().filter((_, i) => i !== index))) say(`Deleted “${entry.name}”.`, false, 'saved');
    },
    keepValue(path) {
      const shown = $unconfirmed.get().get(path as NumericFieldPath);
      if (!shown) return;
      kept.set(path as NumericFieldPath, shown.value);
      const rest = new Map($unconfirmed.get());
      rest.delete(path as NumericFieldPath);
      batch(() => {
        $unconfirmed.set(rest);
        if (shown.held) $scenario.set(withField($scenario.get(), path as NumericFieldPath, shown.value));
      });
    },
    async analyse(compute) {
      const scenario = $scenario.get();
      const evaluation = $evaluation.get();
      const key = $link.get();
      const asked = ++analysisAsked;
      const show = (parts: AnalysisParts): void => {
        if (asked < analysisShown) return;
        analysisShown = asked;
        $analysed.set({ key, scenario, evaluation, ...parts });
      };
      const parts = compute(scenario, evaluation);
      // Computed in the page (as before printing), the answer is shown at once, before the call returns.
      show(parts instanceof Promise ? await parts : parts);
    },
    useDefaultsAnalysis(parts) {
      if ($link.get() !== '' || $analysed.get() !== null) return false;
      $analysed.set({ key: '', scenario: $scenario.get(), evaluation: $evaluation.get(), ...parts });
      return true;
    },
    analysisPending() {
      return $analysisPending.get();
    },
    useAnalysisView(maker) {
      $analysisMaker.set(maker);
    },
    setComparison(id) {
      $comparison.set(comparisonFor(id).id);
    },
    setChartWidths(widths) {
      $chartWidths.set(widths);
    },
    async exportCsv(link = '') {
      const scenario = $scenario.get();
      const evaluation = $evaluation.get();
      const { financeCsv } = await import('./view/finance-csv.ts');
      say(MESSAGES.csv(scenario.horizonMonths));
      return { name: 'pipeline-cost.csv', text: financeCsv(scenario, evaluation, link), type: 'text/csv;charset=utf-8' };
    },
    async exportJson() {
      const scenario = $scenario.get();
      const evaluation = $evaluation.get();
      const { resultsJson } = await import('./results-file.ts');
      say(MESSAGES.json);
      return { name: 'pipeline-cost-results.json', text: resultsJson(scenario, evaluation), type: 'application/json' };
    },
    say,
  };
}
