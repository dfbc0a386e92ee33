import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { resultsJson } from '../../../src/features/calculator/results-file.ts';
import { evaluate } from '../../../src/features/calculator/model/cost-model.ts';
import { METHODOLOGY_DEFAULTS } from '../calculator/fixtures.ts';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SCRIPT = join(ROOT, 'scripts', 'calc.ts');
const work = mkdtempSync(join(tmpdir(), 'calc-cli-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function calc(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  const result = spawnSync(process.execPath, [SCRIPT, ...args], {
    cwd: work, // not the project root: the script must find its defaults on its own
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: '', ...options.env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

describe('npm run calc', () => {
  test('a valid file prints the results JSON and exits 0', () => {
    const { status, stdout, stderr } = calc([file('ok.json', '{"horizonMonths": 12, "inHouse": {"seats": 4}}')]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^\{\n {2}"version": 2,\n {2}"inHouse": \{\n {4}"seats": 4,/);
    const results = JSON.parse(stdout);
    expect(Object.keys(results)).toEqual(['version', 'inHouse', 'outsourced', 'fullCycle', 'bridge', 'scenario']);
    expect(results.inHouse.months).toHaveLength(12);
    // 20 / (12 · 0.45) = 3.7 → 4 agency reps; D: A's 4 SDRs and B's 4 reps.
    expect(results.outsourced.seats).toBe(4);
    expect([results.bridge.seats, results.bridge.agencySeats]).toEqual([4, 4]);
    expect(Object.keys(results.fullCycle.uncertainty)).toEqual(['p10', 'p50', 'p90', 'probabilityLowest']);
    expect(results.scenario.horizonMonths).toBe(12);
  });

  test('an invalid file prints every problem to stderr, nothing to stdout, and exits 1', () => {
    const { status, stdout, stderr } = calc([file('bad.json', '{"horizonMonths": 99, "inHouse": {"salary": 1, "rampMonths": "three"}}')]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.replaceAll(work, '<dir>')).toMatchInlineSnapshot(`
      "<dir>/bad.json: field "horizonMonths": expected a whole number from 1 to 60; given 99.
      <dir>/bad.json: field "inHouse.salary": expected no such field (it is not part of the format; check the spelling); given 1.
      <dir>/bad.json: field "inHouse.rampMonths": expected a whole number from 0 to 24; given "three".
      "
    `);
  });

  test('its own output reads back as the same scenario, with the same results', () => {
    const first = calc([file('first.json', '{"horizonMonths": 18, "outsourced": {"seats": 3}, "fullCycle": {"aeTimeValuation": "displacedMargin"}}')]);
    expect(first.status).toBe(0);
    const again = calc([file('results.json', first.stdout)]);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(first.stdout);
  });

  test('reads the results file the page downloads', () => {
    const scenario = { ...METHODOLOGY_DEFAULTS, horizonMonths: 30, currency: 'EUR', inHouse: { ...METHODOLOGY_DEFAULTS.inHouse, seats: 7 } };
    const downloaded = resultsJson(scenario, evaluate(scenario));
    const { status, stdout, stderr } = calc(['-'], { input: downloaded });
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toBe(downloaded);
  });

  test('a version-1 file is read as version 2, with a note on stderr; a newer one is refused', () => {
    const old = calc(['-'], { input: '{"version": 1, "horizonMonths": 12}' });
    expect(old.status).toBe(0);
    expect(old.stderr).toMatch(/^<stdin>: note: This scenario was saved by an earlier version of the calculator \(version 1\)\./);
    expect(JSON.parse(old.stdout).scenario).toMatchObject({ version: 2, horizonMonths: 12, bridge: { months: 6 } });
    const newer = calc(['-'], { input: '{"version": 3, "horizonMonths": 12}' });
    expect(newer.status).toBe(1);
    expect(newer.stdout).toBe('');
    expect(newer.stderr).toMatch(/^<stdin>: field "version": expected version 1 or 2: this scenario comes from a newer calculator/);
  });

  test('the command line and the page’s export agree number for number, uncertainty included', () => {
    const scenario = { ...METHODOLOGY_DEFAULTS, uncertainty: { ...METHODOLOGY_DEFAULTS.uncertainty, runs: 500, seed: 99 } };
    const { status, stdout } = calc(['-'], { input: JSON.stringify(scenario) });
    expect(status).toBe(0);
    // The page builds its download with resultsJson from the scenario it shows.
    expect(stdout).toBe(resultsJson(scenario, evaluate(scenario)));
    expect(JSON.parse(stdout).bridge.uncertainty.p50).toBeGreaterThan(0);
  });

  test('- reads the scenario from stdin', () => {
    const { status, stdout } = calc(['-'], { input: '{"fullCycle": {"seats": 2}}' });
    expect(status).toBe(0);
    expect(JSON.parse(stdout).fullCycle.seats).toBe(2);
  });

  test('invalid stdin is named as such', () => {
    const { status, stdout, stderr } = calc(['-'], { input: 'not json' });
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^<stdin>: the file: expected a JSON object/);
  });

  test('CONTENT_DIR chooses the defaults', () => {
    const content = join(work, 'content');
    mkdirSync(join(content, 'calculator'), { recursive: true });
    const shipped = readFileSync(join(ROOT, 'src', 'content', 'calculator', 'defaults.yaml'), 'utf8');
    writeFileSync(join(content, 'calculator', 'defaults.yaml'), shipped.replace('horizonMonths: 24', 'horizonMonths: 6'));
    const { status, stdout } = calc(['-'], { input: '{}', env: { CONTENT_DIR: content } });
    expect(status).toBe(0);
    expect(JSON.parse(stdout).scenario.horizonMonths).toBe(6);
  });

  test('broken defaults are reported with their file and exit 1', () => {
    const content = join(work, 'broken');
    mkdirSync(join(content, 'calculator'), { recursive: true });
    writeFileSync(join(content, 'calculator', 'defaults.yaml'), 'scenario: {}\n');
    const { status, stdout, stderr } = calc(['-'], { input: '{}', env: { CONTENT_DIR: content } });
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain(`${join(content, 'calculator', 'defaults.yaml')}: field "scenario.version": expected exactly 2`);
  });

  test.each([
    { args: [], status: 2, stderr: /expected one scenario file/ },
    { args: ['a.json', 'b.json'], status: 2, stderr: /given 2/ },
    { args: ['--verbose', 'a.json'], status: 2, stderr: /unknown option --verbose/ },
    { args: ['missing.json'], status: 1, stderr: /^missing\.json: cannot read the scenario file \(no such file\)\.$/m },
  ])('$args exits $status', ({ args, status, stderr }) => {
    const result = calc(args);
    expect(result.status).toBe(status);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(stderr);
  });

  test('--help', () => {
    const { status, stdout } = calc(['--help']);
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: npm run calc -- <scenario\.json \| ->/);
  });
});
