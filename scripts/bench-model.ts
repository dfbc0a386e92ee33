/**
 * `npm run bench:model`: times evaluate + sensitivity for a 60-month scenario (all three models
 * sized for the target) and fails when the median reaches the 5 ms budget.
 */
import { cpus, platform, release } from 'node:os';
import { loadDefaultsFile } from '../src/features/calculator/defaults-node.ts';
import { evaluate } from '../src/features/calculator/model/cost-model.ts';
import { sensitivity } from '../src/features/calculator/model/sensitivity.ts';
import type { Scenario } from '../src/features/calculator/fields.ts';

const BUDGET_MS = 5;
const WARM_UP = 100;
const RUNS = 500;

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
};

// Kept in a module variable so that the work cannot be optimised away.
let lastEntries = 0;
function once(): number {
  const start = performance.now();
  const base = evaluate(scenario);
  lastEntries = sensitivity(scenario, { base }).entries.length;
  return performance.now() - start;
}

for (let i = 0; i < WARM_UP; i++) once();
const times: number[] = [];
for (let i = 0; i < RUNS; i++) times.push(once());
times.sort((a, b) => a - b);
const quantile = (share: number) => times[Math.min(times.length - 1, Math.floor(share * times.length))] ?? Number.NaN;
const median = quantile(0.5);
const p95 = quantile(0.95);

const machine = cpus()[0]?.model ?? 'unknown CPU';
process.stdout.write(
  [
    `evaluate + sensitivity (${lastEntries} inputs), 60 months, 3 models in solve mode, ${RUNS} runs after ${WARM_UP} warm-up`,
    `median ${median.toFixed(3)} ms, p95 ${p95.toFixed(3)} ms (budget: median < ${BUDGET_MS} ms)`,
    `machine: ${machine}, ${cpus().length} cores, ${platform()} ${release()}, Node ${process.version}`,
    '',
  ].join('\n'),
);
if (!(median < BUDGET_MS)) {
  process.stderr.write(`bench:model: median ${median.toFixed(3)} ms is not under the ${BUDGET_MS} ms budget\n`);
  process.exit(1);
}
