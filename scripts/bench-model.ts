/**
 * `npm run bench:model`: times, for a 60-month scenario with every option sized for the target,
 * (1) evaluate + sensitivity, whose median must stay under 5 ms (typing in the page), and (2) the
 * uncertainty run of the methodology, 2,000 runs × 4 options × 60 months, whose median must stay
 * under 100 ms. Prints both medians; fails when either reaches its budget.
 */
import { cpus, platform, release } from 'node:os';
import { loadDefaultsFile } from '../src/features/calculator/defaults-node.ts';
import { evaluate } from '../src/features/calculator/model/cost-model.ts';
import { sensitivity } from '../src/features/calculator/model/sensitivity.ts';
import { runUncertainty } from '../src/features/calculator/model/uncertainty.ts';
import type { Scenario } from '../src/features/calculator/fields.ts';

const BUDGET_MS = 5;
const WARM_UP = 100;
const RUNS = 500;
const UNCERTAINTY_BUDGET_MS = 100;
const UNCERTAINTY_RUNS = 2000;
const UNCERTAINTY_WARM_UP = 5;
const UNCERTAINTY_REPEATS = 31;

const loaded = loadDefaultsFile();
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\n`);
  process.exit(1);
}
const defaults = loaded.value.scenario;
const scenario: Scenario = {
  ...defaults,
  horizonMonths: 60,
  inHouse: { ...defaults.inHouse, seats: null },
  outsourced: { ...defaults.outsourced, seats: null },
  fullCycle: { ...defaults.fullCycle, seats: null },
  uncertainty: { ...defaults.uncertainty, runs: UNCERTAINTY_RUNS },
};

// Kept in a module variable so that the work cannot be optimised away.
let lastEntries = 0;
function once(): number {
  const start = performance.now();
  const base = evaluate(scenario);
  lastEntries = sensitivity(scenario, { base }).entries.length;
  return performance.now() - start;
}

let lastProbability = 0;
function uncertaintyOnce(): number {
  const start = performance.now();
  // The base evaluation is included: it is what the page would run before the Monte Carlo.
  const result = runUncertainty(scenario, evaluate(scenario));
  lastProbability = result.inHouse?.probabilityLowest ?? 0;
  return performance.now() - start;
}

function measure(run: () => number, warmUp: number, repeats: number): { median: number; p95: number } {
  for (let i = 0; i < warmUp; i++) run();
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) times.push(run());
  times.sort((a, b) => a - b);
  const quantile = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))] ?? Number.NaN;
  return { median: quantile(0.5), p95: quantile(0.95) };
}

const { median, p95 } = measure(once, WARM_UP, RUNS);
const uncertainty = measure(uncertaintyOnce, UNCERTAINTY_WARM_UP, UNCERTAINTY_REPEATS);

const machine = cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(
  [
    `evaluate + sensitivity (${lastEntries} inputs), 60 months, 4 options in solve mode, ${RUNS} runs after ${WARM_UP} warm-up`,
    `median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms (budget: median < ${BUDGET_MS} ms)`,
    `uncertainty: ${UNCERTAINTY_RUNS} runs × 4 options × 60 months, ${UNCERTAINTY_REPEATS} repeats after ${UNCERTAINTY_WARM_UP} warm-up (in-house cheapest in ${(lastProbability * 100).toFixed(1)} % of runs)`,
    `median ${uncertainty.median.toFixed(3)} ms, p95 ${uncertainty.p95.toFixed(3)} ms (budget: median < ${UNCERTAINTY_BUDGET_MS} ms)`,
    `machine: ${machine}, ${cpus().length} cores, ${platform()} ${release()}, Node ${process.version}`,
    '',
  ].join('\n'),
);
if (!(median < BUDGET_MS)) {
  process.stderr.write(`bench:model: median ${median.toFixed(3)} ms is not under the ${BUDGET_MS} ms budget\n`);
  process.exit(1);
}
if (!(uncertainty.median < UNCERTAINTY_BUDGET_MS)) {
  process.stderr.write(`bench:model: uncertainty median ${uncertainty.median.toFixed(3)} ms is not under the ${UNCERTAINTY_BUDGET_MS} ms budget\n`);
  process.exit(1);
}
