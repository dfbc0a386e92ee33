// npm test [-- <stage> …]: every check the project has — lint, format, types, unit tests, build tests,
// both site builds, the browser tests and the size budgets — run side by side as far as the cores and
// the stages' dependencies allow. Each stage's output is printed whole when it ends; a summary with
// each stage's time closes the run, and the exit code is 1 when any stage failed.
//   npm test                  all stages
//   npm test -- lint unit     only these (and the stages they need, e.g. e2e needs both builds)
//   TEST_JOBS=1 npm test      one stage at a time (default: one per core)
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';

/** One step of the test run. */
export interface Stage {
  name: string;
  /** The npm script it runs (with arguments), so each stage can also be run alone. */
  run: string[];
  /** Stages that must have passed first. */
  after?: string[];
  /**
   * The content this stage builds or type-checks. Astro keeps per-build state in the repository's
   * `.astro/` folder (the content module list among it), so stages that build different content
   * must not overlap; stages that build the same content may.
   */
  content?: 'default' | 'fixtures' | 'synthetic';
}

/** The stages, in order of priority: the builds first, so the browser tests (the longest) start early. */
export const STAGES: readonly Stage[] = [
  { name: 'build', run: ['build'], content: 'default' },
  { name: 'build:subpath', run: ['build:subpath'], content: 'default' },
  { name: 'check', run: ['check'], content: 'default' },
  { name: 'e2e', run: ['test:e2e'], after: ['build', 'build:subpath'] },
  { name: 'unit', run: ['test:unit', '--', '--exclude', 'tests/build/**'] },
  { name: 'build-tests', run: ['test:unit', '--', 'tests/build'], content: 'fixtures' },
  { name: 'budgets', run: ['test:budgets'], content: 'synthetic' },
  { name: 'lint', run: ['lint'] },
  { name: 'format', run: ['format:check'] },
];

/** How a stage ended. */
export type Outcome = 'passed' | 'failed' | 'skipped';

/** The stages to run for the names asked for (all when none), with the stages they need. */
export function selectStages(stages: readonly Stage[], names: readonly string[]): Stage[] {
  const byName = new Map(stages.map((s) => [s.name, s]));
  const unknown = names.filter((n) => !byName.has(n));
  if (unknown.length > 0) throw new Error(`unknown stage ${unknown.join(', ')}; the stages are ${stages.map((s) => s.name).join(', ')}`);
  if (names.length === 0) return [...stages];
  const wanted = new Set<string>();
  const add = (name: string): void => {
    if (wanted.has(name)) return;
    wanted.add(name);
    for (const dep of byName.get(name)?.after ?? []) add(dep);
  };
  names.forEach(add);
  return stages.filter((s) => wanted.has(s.name));
}

/**
 * The next stage that may start: the first, in priority order, whose dependencies have passed and
 * whose content does not clash with a running stage's. Returns 'skip' for a stage whose dependency
 * failed or was skipped.
 */
export function nextStage(
  pending: readonly Stage[],
  running: readonly Stage[],
  outcomes: ReadonlyMap<string, Outcome>,
): { stage: Stage; action: 'start' | 'skip' } | undefined {
  for (const stage of pending) {
    const deps = stage.after ?? [];
    if (deps.some((d) => outcomes.has(d) && outcomes.get(d) !== 'passed')) return { stage, action: 'skip' };
    if (!deps.every((d) => outcomes.get(d) === 'passed')) continue;
    if (stage.content && running.some((r) => r.content && r.content !== stage.content)) continue;
    return { stage, action: 'start' };
  }
  return undefined;
}

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Runs one stage's npm script; resolves with its exit code and everything it printed. */
function runStage(stage: Stage, color: boolean): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const env = { ...process.env, ...(color ? { FORCE_COLOR: '1' } : {}) };
    const child = spawn('npm', ['run', ...stage.run], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    children.add(child.pid ?? 0);
    const chunks: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => chunks.push(c));
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', (error) => chunks.push(Buffer.from(`${error.message}\n`)));
    child.on('close', (code, signal) => {
      children.delete(child.pid ?? 0);
      resolve({ code: code ?? (signal ? 1 : 0), output: Buffer.concat(chunks).toString('utf8') });
    });
  });
}

/** Process groups of the running stages, ended with the run when it is interrupted. */
const children = new Set<number>();

async function main(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true });
  const stages = selectStages(STAGES, positionals);
  const jobs = Math.max(1, Number(process.env['TEST_JOBS']) || availableParallelism());
  const color = Boolean(process.stdout.isTTY) && !process.env['NO_COLOR'];
  const started = Date.now();
  const outcomes = new Map<string, Outcome>();
  const times = new Map<string, number>();
  const pending = [...stages];
  const running: Stage[] = [];
  console.log(`npm test: ${stages.map((s) => s.name).join(', ')} (${jobs} at a time)`);

  await new Promise<void>((done) => {
    const pump = (): void => {
      for (let next = nextStage(pending, running, outcomes); next && (next.action === 'skip' || running.length < jobs);) {
        const { stage, action } = next;
        pending.splice(pending.indexOf(stage), 1);
        if (action === 'skip') {
          outcomes.set(stage.name, 'skipped');
          console.log(`\n── ${stage.name}: skipped (needs ${stage.after?.join(' and ')})`);
        } else {
          running.push(stage);
          const t0 = Date.now();
          console.log(`[${seconds(t0 - started)}] ${stage.name}: started (npm run ${stage.run.join(' ')})`);
          void runStage(stage, color).then(({ code, output }) => {
            running.splice(running.indexOf(stage), 1);
            times.set(stage.name, Date.now() - t0);
            outcomes.set(stage.name, code === 0 ? 'passed' : 'failed');
            const verdict = code === 0 ? 'passed' : `FAILED (exit ${code})`;
            console.log(`\n── ${stage.name}: ${verdict} in ${seconds(Date.now() - t0)} ${'─'.repeat(40)}\n${output.trimEnd()}\n`);
            pump();
          });
        }
        next = nextStage(pending, running, outcomes);
      }
      if (running.length > 0) return;
      // Nothing running and nothing can start: only a dependency outside the list could cause this.
      for (const stage of pending.splice(0)) outcomes.set(stage.name, 'skipped');
      done();
    };
    pump();
  });

  const width = Math.max(...stages.map((s) => s.name.length));
  console.log(`\nnpm test took ${seconds(Date.now() - started)}:`);
  for (const stage of stages) {
    const time = times.get(stage.name);
    console.log(`  ${stage.name.padEnd(width)}  ${(outcomes.get(stage.name) ?? 'skipped').padEnd(7)}  ${time === undefined ? '' : seconds(time)}`);
  }
  const count = (o: Outcome) => stages.filter((s) => outcomes.get(s.name) === o).length;
  console.log(`stages: ${count('passed')} passed, ${count('failed')} failed${count('skipped') ? `, ${count('skipped')} skipped` : ''}`);
  return count('passed') === stages.length ? 0 : 1;
}

if (import.meta.main) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      for (const pid of children) {
        try {
          process.kill(-pid, signal);
        } catch {
          /* already gone */
        }
      }
      process.exit(130);
    });
  }
  process.exitCode = await main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(`npm test: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  });
}
