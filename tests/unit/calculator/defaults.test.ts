import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseCalculatorDefaults } from '../../../src/features/calculator/defaults.ts';
import { contentDirectory, loadDefaultsFile } from '../../../src/features/calculator/defaults-node.ts';
import { SCENARIO_FIELDS } from '../../../src/features/calculator/fields.ts';
import { METHODOLOGY_DEFAULTS } from './fixtures.ts';

const temporary: string[] = [];
function temporaryDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'calc-defaults-'));
  temporary.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

const SHIPPED = readFileSync(new URL('../../../src/content/calculator/defaults.yaml', import.meta.url), 'utf8');

describe('the shipped defaults', () => {
  test('are exactly the methodology defaults', () => {
    const result = parseCalculatorDefaults(SHIPPED, 'defaults.yaml');
    expect(result.ok && result.value.scenario).toEqual(METHODOLOGY_DEFAULTS);
  });

  test('give a source or an assumption for every field', () => {
    const result = parseCalculatorDefaults(SHIPPED, 'defaults.yaml');
    if (!result.ok) throw new Error(result.message);
    expect(Object.keys(result.value.sources).sort()).toEqual([...SCENARIO_FIELDS.map((f) => f.path), 'uncertainty.spread'].sort());
    for (const text of Object.values(result.value.sources)) {
      expect(text).not.toMatch(/https?:/);
      expect(text.length).toBeLessThan(200);
    }
  });

  test('load through the Node helper from the project, whatever the working directory', () => {
    const result = loadDefaultsFile();
    expect(result.ok).toBe(true);
    expect(result.file).toMatch(/src[/\\]content[/\\]calculator[/\\]defaults\.yaml$/);
  });
});

describe('problems in a defaults file', () => {
  test('spreads: unknown keys are refused by name, each value checked, a spread on an empty deal value refused', () => {
    const broken = SHIPPED.replace(
      '      inHouse.rampMonths: 0.34\n',
      '      inHouse.rampMonths: 1.5\n      inHouse.seats: 0.2\n      inHouse.dealValue: 0.2\n',
    );
    const result = parseCalculatorDefaults(broken, 'team/defaults.yaml');
    expect(!result.ok && result.message).toMatchInlineSnapshot(`
      "team/defaults.yaml: field "scenario.uncertainty.spread.inHouse.rampMonths": expected a number of at most 1; given 1.5.
      team/defaults.yaml: field "scenario.uncertainty.spread.inHouse.seats": expected no such field (it is not part of the format; check the spelling); given 0.2.
      team/defaults.yaml: field "scenario.uncertainty.spread.inHouse.dealValue": expected no spread for inHouse.dealValue while it is empty (null: the shared average deal value is used; spread shared.averageDealValue instead, or set inHouse.dealValue); given 0.2."
    `);
  });

  test('invalid YAML', () => {
    const result = parseCalculatorDefaults('scenario: [1, 2\nsources: {}', 'site/defaults.yaml');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/^site\/defaults\.yaml: the file: expected valid YAML; given a syntax error: /);
  });

  test('wrong values, missing sources and unknown fields are all listed with the file name', () => {
    const broken = SHIPPED.replace('horizonMonths: 24', 'horizonMonths: 0')
      .replace('    baseSalary: 55000\n', '')
      .replace(/^ {2}shared\.grossMargin: .*\n/m, '')
      .replace('sources:\n', 'sources:\n  inHouse.salary: "Typical"\n');
    const result = parseCalculatorDefaults(broken, 'defaults.yaml');
    expect(!result.ok && result.message).toMatchInlineSnapshot(`
      "defaults.yaml: field "scenario.horizonMonths": expected a number of at least 1; given 0.
      defaults.yaml: field "scenario.inHouse.baseSalary": expected a number; given nothing (the field is missing).
      defaults.yaml: field "sources.shared.grossMargin": expected text; given nothing (the field is missing).
      defaults.yaml: field "sources.inHouse.salary": expected no such field (it is not part of the format; check the spelling); given "Typical"."
    `);
  });
});

describe('the Node loader', () => {
  test('reads from a content directory given as argument or CONTENT_DIR', () => {
    const dir = temporaryDir();
    mkdirSync(join(dir, 'calculator'));
    writeFileSync(join(dir, 'calculator', 'defaults.yaml'), SHIPPED.replace('horizonMonths: 24', 'horizonMonths: 36'));
    const result = loadDefaultsFile(dir);
    expect(result.ok && result.value.scenario.horizonMonths).toBe(36);
    const previous = process.env['CONTENT_DIR'];
    process.env['CONTENT_DIR'] = dir;
    try {
      expect(contentDirectory()).toBe(dir);
    } finally {
      if (previous === undefined) delete process.env['CONTENT_DIR'];
      else process.env['CONTENT_DIR'] = previous;
    }
  });

  test('a content folder without defaults uses the generator’s own, as the site build does', () => {
    const dir = temporaryDir();
    const result = loadDefaultsFile(dir);
    expect(result.ok).toBe(true);
    expect(result.file).toMatch(/src\/content\/calculator\/defaults\.yaml$/);
  });

  test('an unreadable file is a problem, not an exception', () => {
    const dir = temporaryDir();
    mkdirSync(join(dir, 'calculator', 'defaults.yaml'), { recursive: true });
    const result = loadDefaultsFile(dir);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message.replace(dir, '<dir>')).toMatchInlineSnapshot(
      `"<dir>/calculator/defaults.yaml: the file: expected a readable calculator defaults file (set CONTENT_DIR to the folder that holds calculator/defaults.yaml); given an unreadable file (EISDIR)."`,
    );
  });
});
