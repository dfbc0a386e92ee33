import fc from 'fast-check';
import { cleanStores } from 'nanostores';
import { describe, expect, test, vi } from 'vitest';
import {
  AssessmentResultSchema,
  createResult,
  decodeResultLink,
  encodeResultLink,
  parseResultFile,
  readResultFile,
  resultProblems,
  type AssessmentResult,
} from '../../src/features/assessments/result-format.ts';
import { fileRefusal, linkRefusal } from '../../src/features/assessments/result-wording.ts';
import { parseTicks } from '../../src/components/mdx/checklist.ts';
import { importProgressText } from '../../src/features/progress/progress.ts';
import { parseProgressText, parseProgressValue, progressReason, readStoredProgress } from '../../src/features/progress/parse.ts';
import { importRefused } from '../../src/features/progress/transfer-wording.ts';
import { decodeLink, encodeLink, parseScenario, parseScenarioObject, parseScenarioText } from '../../src/features/calculator/codec.ts';
import { readDefaults } from '../../src/features/calculator/store.ts';
import { parseTheme } from '../../src/components/theme.ts';
import type { Problem } from '../../src/common/problems.ts';
import type { Assessment } from '../../src/features/assessments/schema.ts';
import { ProgressSchema, type Progress } from '../../src/features/progress/schema.ts';
import { FIELD_GROUPS, SCENARIO_FIELDS, type Scenario } from '../../src/features/calculator/fields.ts';
import { ScenarioSchema } from '../../src/features/calculator/schema.ts';
import { SavedAssessmentSchema, readSaved } from '../../src/features/assessments/saved.ts';
import { storageKey } from '../../src/features/assessments/store.ts';
import { METHODOLOGY_DEFAULTS, arbitraryScenario } from './calculator/fixtures.ts';
import { FIXTURE, load } from './assessments/fixtures.ts';

/**
 * Every parser of untrusted input (share links, files, imported and stored state) against random and
 * hostile input: it never throws, never changes a prototype, and yields either state that the format's
 * zod schema accepts or a refusal a person can read. Rendering (markup stays text) is checked in the
 * browser: tests/e2e/hostile-input.spec.ts.
 */

// HOSTILE_RUNS=5000 npx vitest run tests/unit/hostile-input.test.ts searches longer.
const RUNS = { numRuns: Number(process.env['HOSTILE_RUNS'] ?? 200) };

// ---------------------------------------------------------------------------------------------
// Hostile ingredients shared by every format.

const MARKUP = [
  '<img src=x onerror="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
  "'><svg/onload=alert(1)>",
  '<a href="javascript:alert(1)">x</a>',
  '</title><style>*{display:none}</style>',
  '<!--',
  '&lt;b&gt;',
  '${alert(1)}',
  '{{constructor.constructor("alert(1)")()}}',
];
const UNICODE = [
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  'a\uDBFFb',
  '\u202Eevil\u202C', // right-to-left override
  '\u200F\u200E', // RTL / LTR marks
  '\u2066isolate\u2069',
  '\u0000',
  '\u001B[31m',
  '\uFEFF',
  '\u2028\u2029',
  '\u0085',
  'Zoë Ødegård 佐藤 🙂',
  'e\u0301',
  '\uFFFF',
];
const NUMBER_TEXTS = [
  '0',
  '-0',
  '+0',
  '-1',
  '1e308',
  '1e309',
  '-1e309',
  'Infinity',
  '-Infinity',
  'NaN',
  '9007199254740991',
  '9007199254740993',
  '-9007199254740993',
  '5e-324',
  '1e-400',
  '0x10',
  '1_000',
  ' 1 ',
  '.5',
  '1.',
  '00012',
  '1E+2',
  '99',
  '100',
  '366',
  '4294967296',
];
const DANGEROUS_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'polluted',
  '',
  ' ',
  'length',
  '0',
];
/** Number literals as they can appear in JSON text (beyond what JSON.stringify writes). */
const RAW_NUMBERS = [
  '0',
  '-0',
  '-1',
  '1',
  '1.5',
  '99',
  '100',
  '1e308',
  '-1e308',
  '1e400',
  '-1e400',
  '5e-324',
  '1e-400',
  '9007199254740991',
  '9007199254740993',
  '-9007199254740993',
  '1E2',
  '0.30000000000000004',
  '1000000000',
  '1000000001',
  '366',
  '249',
  '150',
];

/** JSON objects that throw when code treats them as a string, number or list. */
const OBJECTS_THAT_BITE = [
  '{"length":{"toString":""}}',
  '{"toString":"","valueOf":""}',
  '{"length":-1}',
  '{"length":1e400}',
  '{"size":{"valueOf":""}}',
  '{"then":""}',
  '{"toJSON":""}',
];
const deepArrays = (depth: number): string => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObjects = (depth: number): string => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((code) => String.fromCharCode(code));

/** Text a person, another program or an attacker might put where text is read. */
const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom(...MARKUP, ...UNICODE, ...NUMBER_TEXTS, ...DANGEROUS_KEYS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  {
    weight: 1,
    arbitrary: fc.array(fc.oneof(loneSurrogate, fc.constantFrom(...MARKUP, ...UNICODE)), { minLength: 2, maxLength: 4 }).map((parts) => parts.join('')),
  },
  // Long runs (the megabyte cases are explicit examples below, to keep the properties fast).
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('x', '<', '%', '&', '=', '\uD800', '9', '{', '[', ' '), fc.integer({ min: 100, max: 20_000 }))
      .map(([c, n]) => c.repeat(n)),
  },
);
const hostileKey = fc.oneof({ weight: 2, arbitrary: fc.constantFrom(...DANGEROUS_KEYS) }, { weight: 1, arbitrary: hostileString });

/**
 * JSON as a tree whose objects are lists of entries, so `__proto__` and repeated keys stay ordinary
 * keys in the text (an object literal would set a prototype instead), and leaves are raw text (so
 * `1e400` and `-0` can be written).
 */
type Tree = { raw: string } | { items: Tree[] } | { entries: [string, Tree][] };

const rawLeaf: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileString.map((s) => JSON.stringify(s)) },
  { weight: 3, arbitrary: fc.constantFrom(...RAW_NUMBERS) },
  { weight: 2, arbitrary: fc.constantFrom('true', 'false', 'null', '[]', '{}', '""') },
  // Objects that break naive checks: zod's length checks run on any value with a `length`, and
  // comparing one whose `toString` is not a function throws.
  { weight: 1, arbitrary: fc.constantFrom(...OBJECTS_THAT_BITE) },
  { weight: 1, arbitrary: fc.double().map((d) => JSON.stringify(d)) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 3_000 }).map(deepArrays) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 3_000 }).map(deepObjects) },
);

const hostileTree: fc.Arbitrary<Tree> = fc.letrec<{ tree: Tree; array: Tree; object: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small' },
    rawLeaf.map((raw): Tree => ({ raw })),
    tie('array'),
    tie('object'),
  ),
  array: fc.array(tie('tree'), { maxLength: 4 }).map((items): Tree => ({ items })),
  object: fc.array(fc.tuple(hostileKey, tie('tree')), { maxLength: 4 }).map((entries): Tree => ({ entries })),
})).tree;

/** A plain JSON-able value as a tree. */
function toTree(value: unknown): Tree {
  if (Array.isArray(value)) return { items: value.map(toTree) };
  if (value !== null && typeof value === 'object') return { entries: Object.entries(value).map(([k, v]) => [k, toTree(v)]) };
  return { raw: JSON.stringify(value) ?? 'null' };
}

function render(tree: Tree): string {
  if ('raw' in tree) return tree.raw;
  if ('items' in tree) return `[${tree.items.map(render).join(',')}]`;
  return `{${tree.entries.map(([k, v]) => `${JSON.stringify(k)}:${render(v)}`).join(',')}}`;
}

/** One change to a valid document: replace a value, add, drop, rename or repeat a key. */
interface Mutation {
  kind: 'replace' | 'add' | 'drop' | 'rename' | 'repeat';
  at: number;
  index: number;
  key: string;
  value: Tree;
}
const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('replace', 'replace', 'add', 'drop', 'rename', 'repeat'),
  at: fc.nat(),
  index: fc.nat(),
  key: hostileKey,
  value: hostileTree,
});

function containersOf(tree: Tree, out: Tree[] = []): Tree[] {
  if ('items' in tree) {
    out.push(tree);
    tree.items.forEach((item) => containersOf(item, out));
  } else if ('entries' in tree) {
    out.push(tree);
    tree.entries.forEach(([, v]) => containersOf(v, out));
  }
  return out;
}

function mutate(tree: Tree, m: Mutation): Tree {
  const containers = containersOf(tree);
  const target = containers[m.at % Math.max(1, containers.length)];
  if (!target || (m.kind === 'replace' && m.at % (containers.length + 1) === containers.length)) return m.value;
  if ('items' in target) {
    const i = m.index % (target.items.length + 1);
    if (m.kind === 'drop') target.items.splice(i, 1);
    else if (m.kind === 'add' || i === target.items.length) target.items.splice(i, 0, m.value);
    else target.items[i] = m.value;
  } else if ('entries' in target) {
    const i = m.index % Math.max(1, target.entries.length);
    const entry = target.entries[i];
    if (m.kind === 'add' || !entry) target.entries.splice(i, 0, [m.key, m.value]);
    else if (m.kind === 'drop') target.entries.splice(i, 1);
    else if (m.kind === 'rename') entry[0] = m.key;
    else if (m.kind === 'repeat') target.entries.push([entry[0], m.value]);
    else entry[1] = m.value;
  }
  return tree;
}

/**
 * JSON text for a format: mostly a valid document with a few hostile changes (so the checks deep
 * inside the parser run), sometimes random JSON, cut-off JSON or text that is not JSON at all.
 */
function hostileJsonText(valid: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.tuple(valid, fc.array(mutation, { maxLength: 3 })).map(([doc, changes]) => render(changes.reduce(mutate, toTree(doc)))) },
    { weight: 1, arbitrary: valid.map((doc) => JSON.stringify(doc)) },
    { weight: 1, arbitrary: hostileTree.map(render) },
    { weight: 1, arbitrary: fc.tuple(valid, fc.nat()).map(([doc, n]) => JSON.stringify(doc).slice(0, n % (JSON.stringify(doc).length + 1))) },
    { weight: 1, arbitrary: hostileString },
  );
}

/** Values of the wrong type for a parser that takes already-parsed input (not only what JSON can hold). */
const wrongTypes: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    undefined,
    null,
    NaN,
    Infinity,
    -Infinity,
    -0,
    10n,
    Symbol('x'),
    () => 1,
    new Date(Number.NaN),
    new Map([['horizonMonths', 1]]),
    new Set([1]),
    /x/,
    new Uint8Array(4),
    Object.create(null),
  ),
  fc.anything({
    withBigInt: true,
    withBoxedValues: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withSparseArray: true,
    withTypedArray: true,
    key: hostileKey,
    maxDepth: 3,
  }),
);

/** A link query: pairs of a valid link with hostile changes, written properly encoded or raw. */
type Pair = [string, string];
interface PairChange {
  kind: 'replace' | 'add' | 'drop' | 'rename' | 'repeat';
  at: number;
  key: string;
  value: string;
}

function changePairs(pairs: Pair[], changes: readonly PairChange[]): Pair[] {
  const out = pairs.map(([k, v]): Pair => [k, v]);
  for (const c of changes) {
    const i = c.at % (out.length + 1);
    const pair = out[i];
    if (c.kind === 'add' || !pair) out.splice(i, 0, [c.key, c.value]);
    else if (c.kind === 'drop') out.splice(i, 1);
    else if (c.kind === 'rename') pair[0] = c.key;
    else if (c.kind === 'repeat') out.push([pair[0], c.value]);
    else pair[1] = c.value;
  }
  return out;
}

function hostileQuery(validPairs: fc.Arbitrary<Pair[]>, keys: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const change = fc.record({ kind: fc.constantFrom('replace', 'replace', 'add', 'drop', 'rename', 'repeat'), at: fc.nat(), key: keys, value: hostileString });
  const written = fc
    .tuple(validPairs, fc.array(change, { maxLength: 4 }), fc.boolean(), fc.constantFrom('', '', '?', '#', '??', '&'))
    .map(([pairs, changes, raw, prefix]) => {
      const changed = changePairs(pairs, changes);
      // Raw: unencoded `<`, `&`, `#`, `%zz` and lone surrogates, as a hand-edited link can hold.
      return prefix + (raw ? changed.map(([k, v]) => `${k}=${v}`).join('&') : new URLSearchParams(changed).toString());
    });
  return fc.oneof({ weight: 6, arbitrary: written }, { weight: 1, arbitrary: hostileString });
}

const pairsOf = (query: string): Pair[] => [...new URLSearchParams(query)];

// ---------------------------------------------------------------------------------------------
// What every parser must do, whatever it is given.

type Fingerprint = unknown[][];
const GUARDED: readonly object[] = [
  Object.prototype,
  Array.prototype,
  Function.prototype,
  String.prototype,
  Number.prototype,
  Boolean.prototype,
  Map.prototype,
  Set.prototype,
];
const fingerprint = (proto: object): Fingerprint =>
  Reflect.ownKeys(proto).map((key) => {
    const d = Object.getOwnPropertyDescriptor(proto, key);
    return [key, d?.value, d?.get, d?.set, d?.writable, d?.enumerable, d?.configurable];
  });
const PRISTINE = GUARDED.map(fingerprint);

/** No prototype gained, lost or changed a property, and a fresh object carries nothing extra. */
function expectPrototypesIntact(): void {
  GUARDED.forEach((proto, i) => {
    const now = fingerprint(proto);
    const before = PRISTINE[i] ?? [];
    const same = now.length === before.length && now.every((entry, j) => entry.every((part, k) => Object.is(part, before[j]?.[k])));
    if (!same) expect.fail(`a prototype was changed: ${String(GUARDED[i]?.constructor?.name)}.prototype now has ${now.map(([key]) => String(key)).join(', ')}`);
  });
  const probe: Record<string, unknown> = {};
  expect(probe['polluted']).toBeUndefined();
  expect(([] as unknown as Record<string, unknown>)['polluted']).toBeUndefined();
}

/** Runs a parser, which must not throw, then checks the prototypes. */
function safely<T>(run: () => T): T {
  let out: { value: T } | undefined;
  try {
    out = { value: run() };
  } catch (error) {
    expect.fail(`the parser threw: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
  }
  expectPrototypesIntact();
  return out.value;
}

/** Output is plain data: ordinary or null prototypes, no own `__proto__` key, JSON-safe. */
function expectPlainData(value: unknown, depth = 0): void {
  expect(depth).toBeLessThan(12);
  if (value === null || typeof value !== 'object') {
    expect(['string', 'number', 'boolean', 'undefined', 'object']).toContain(typeof value);
    return;
  }
  expect([Object.prototype, Array.prototype, null]).toContain(Object.getPrototypeOf(value));
  expect(Object.hasOwn(value, '__proto__')).toBe(false);
  for (const item of Object.values(value)) expectPlainData(item, depth + 1);
}

const isReadable = (text: unknown, input?: string): boolean =>
  typeof text === 'string' && text.trim().length > 0 && (input?.includes('[object') || !/\[object \w+\]/.test(text));

/** A sentence for a person: text, not empty, no `[object Object]` (unless the input itself says so). */
function expectReadable(text: unknown, input?: string): void {
  if (!isReadable(text, input)) expect.fail(`not a readable reason: ${JSON.stringify(text)}`);
}

function expectProblem(problem: Problem): void {
  if (typeof problem.field !== 'string' || !isReadable(problem.expected) || !isReadable(problem.given)) {
    expect.fail(`not a readable problem: ${JSON.stringify(problem)}`);
  }
}

function expectRefusal(problems: readonly Problem[]): void {
  expect(problems.length).toBeGreaterThan(0);
  problems.forEach(expectProblem);
}

// ---------------------------------------------------------------------------------------------
// Scenario links and files (src/features/calculator/codec.ts: the calculator page, npm run calc and the page's defaults).

const D = METHODOLOGY_DEFAULTS;
const FIELD_PATHS = SCENARIO_FIELDS.map((field) => field.path);

function expectValidScenario(scenario: Scenario): void {
  const checked = ScenarioSchema.safeParse(scenario);
  expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
  expectPlainData(scenario);
}

const scenarioLinkKey = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FIELD_PATHS) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'version',
      ...FIELD_GROUPS,
      'inHouse.__proto__',
      '__proto__.polluted',
      'constructor.prototype.polluted',
      'inHouse.constructor',
      'shared.toString',
    ),
  },
  { weight: 1, arbitrary: hostileKey },
);
const scenarioLink = hostileQuery(
  arbitraryScenario.map((scenario) => pairsOf(encodeLink(scenario))),
  scenarioLinkKey,
);
/** A whole scenario, a part of one (a file), or a results file wrapping one. */
const scenarioDocument: fc.Arbitrary<unknown> = fc.oneof(
  arbitraryScenario,
  arbitraryScenario.map((scenario) => ({ shared: scenario.shared, horizonMonths: scenario.horizonMonths })),
  arbitraryScenario.map((scenario) => ({ scenario, results: { inHouse: { totalCost: 1 } } })),
);
const scenarioText = hostileJsonText(scenarioDocument);

describe('scenario links and files', () => {
  test('decodeLink: any link gives a valid scenario and readable problems', () => {
    fc.assert(
      fc.property(scenarioLink, (query) => {
        const { scenario, problems } = safely(() => decodeLink(query, D));
        expectValidScenario(scenario);
        problems.forEach(expectProblem);
      }),
      RUNS,
    );
  });

  test('parseScenarioText: any file is a valid scenario or refused with every problem readable', () => {
    fc.assert(
      fc.property(scenarioText, (text) => {
        const outcome = safely(() => parseScenarioText(text, D));
        if (outcome.ok) expectValidScenario(outcome.value);
        else expectRefusal(outcome.problems);
      }),
      RUNS,
    );
  });

  test.each([
    ['parseScenarioObject (files and links)', (input: unknown) => parseScenarioObject(input, D)],
    ["parseScenario (the page's defaults)", parseScenario],
  ])('%s: any parsed value, of any type, is a valid scenario or refused', (_name, parse) => {
    fc.assert(
      fc.property(
        fc.oneof(
          scenarioText.map((text): unknown => JSON.parse(safeJson(text))),
          wrongTypes,
        ),
        (input) => {
          const outcome = safely(() => parse(input));
          if (outcome.ok) expectValidScenario(outcome.value);
          else expectRefusal(outcome.problems);
        },
      ),
      RUNS,
    );
  });
});

/** The text if it is JSON, else `null`: for properties over already-parsed values. */
function safeJson(text: string): string {
  try {
    JSON.parse(text);
    return text;
  } catch {
    return 'null';
  }
}

// ---------------------------------------------------------------------------------------------
// Assessment result links and files (src/features/assessments/result-format.ts).

// Maximum option index: q1 and q4 have 3 options, q2 and q3 (agreement) 5.
const fixture = load('fixture.yaml', FIXTURE);
const other = load('other.yaml', FIXTURE.replace('id: fixture', 'id: other'));

const isoDate = fc.date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true });
const isoTime = isoDate.map((date) => date.toISOString());

/** A result as the site writes it, with a name that may be anything a person types. */
const validResult: fc.Arbitrary<AssessmentResult> = fc
  .record({
    answers: fc.tuple(fc.nat(2), fc.nat(4), fc.nat(4), fc.nat(2)),
    takenAt: isoDate,
    name: fc.option(fc.oneof(fc.string({ maxLength: 20 }), hostileString), { nil: undefined }),
  })
  .map(({ answers: [q1, q2, q3, q4], takenAt, name }) => createResult(fixture, { q1, q2, q3, q4 }, name === undefined ? { takenAt } : { takenAt, name }));

function expectFittingResult(result: AssessmentResult, assessment: Assessment): void {
  const checked = AssessmentResultSchema.safeParse(result);
  expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
  expect(resultProblems(result, assessment)).toEqual([]);
  expectPlainData(result);
}

/**
 * A link with a correct check code around hostile content (so the answers, date and name really are
 * read), or a real link edited by hand (so the check code is wrong), or anything else.
 */
const resultLink: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: hostileJsonText(validResult).map((text) => {
      try {
        return encodeResultLink(JSON.parse(text) as AssessmentResult);
      } catch {
        return '#pb-result=1'; // not a result at all: nothing to encode
      }
    }),
  },
  {
    weight: 2,
    arbitrary: hostileQuery(
      validResult.map((result) => pairsOf(encodeResultLink(result).slice(1))),
      fc.oneof(fc.constantFrom('pb-result', 'a', 't', 'q', 'n', 'c'), hostileKey),
    ).map((query) => (query.startsWith('#') ? query : `#${query}`)),
  },
  { weight: 1, arbitrary: hostileString.map((s) => `https://intranet.example/playbook/assessments/fixture/#pb-result=1&${s}`) },
);

describe('assessment result links and files', () => {
  test('decodeResultLink: any link is a result that fits, or refused with a reason', () => {
    fc.assert(
      fc.property(resultLink, (link) => {
        const outcome = safely(() => decodeResultLink(link, fixture));
        if (outcome.ok) expectFittingResult(outcome.value, fixture);
        else expectReadable(linkRefusal(outcome.problems, fixture), [...new URLSearchParams(link.slice(link.indexOf('#') + 1))].flat().join('&'));
      }),
      RUNS,
    );
  });

  test('parseResultFile: any file is a result of a known assessment that fits it, or refused', () => {
    fc.assert(
      fc.property(hostileJsonText(validResult), hostileString, (text, fileName) => {
        const { assessment, outcome } = safely(() => readResultFile(text, [other, fixture]));
        if (outcome.ok) {
          expect([other, fixture]).toContain(outcome.value.assessment);
          expect(assessment).toBe(outcome.value.assessment);
          expectFittingResult(outcome.value.result, outcome.value.assessment);
        } else {
          expectReadable(fileRefusal(outcome.problems, { fileName, assessments: [other, fixture], assessment }));
        }
      }),
      RUNS,
    );
  });

  test('a result made from any typed name reads back the same from its link', () => {
    fc.assert(
      fc.property(validResult, fc.oneof(hostileString, fc.string({ unit: 'binary', minLength: 70, maxLength: 90 })), (made, name) => {
        const result = createResult(fixture, made.answers, { takenAt: new Date(made.takenAt), name });
        expectFittingResult(result, fixture);
        expect(safely(() => decodeResultLink(encodeResultLink(result), fixture))).toEqual({ ok: true, value: result });
      }),
      RUNS,
    );
  });

  // Found by the property above: a name holding half of an emoji (typed, pasted or cut at 80
  // characters) made a link that was refused as "changed or cut short", since URL encoding turns the
  // half into U+FFFD. Names are now cleaned when a result is made, and such names refused when read.
  test.each([
    ['trimmed', '  Sam  ', 'Sam'],
    ['a tab becomes a space', 'Ana\tLee', 'Ana Lee'],
    ['cut at 80 without splitting an emoji', `${'x'.repeat(79)}🙂`, 'x'.repeat(79)],
    ['an emoji that fits is kept', `${'x'.repeat(78)}🙂`, `${'x'.repeat(78)}🙂`],
    ['half of an emoji is dropped', 'a\uD83Db', 'ab'],
    ['only a line separator: no name', '\u2028', undefined],
  ])('a typed name is cleaned: %s', (_what, typed, kept) => {
    const result = createResult(fixture, { q1: 0, q2: 0, q3: 0, q4: 0 }, { takenAt: new Date('2025-03-04T09:30:00.000Z'), name: typed });
    expect(result.name).toBe(kept);
    expect(decodeResultLink(encodeResultLink(result), fixture)).toEqual({ ok: true, value: result });
  });

  test('a file whose name holds half of an emoji is refused, saying why', () => {
    const text =
      '{"format":"pb-assessment-result","version":1,"assessment":"fixture","takenAt":"2025-03-04","answers":{"q1":0,"q2":0,"q3":0,"q4":0},"name":"Jo \\ud83d"}';
    const { assessment, outcome } = readResultFile(text, [fixture]);
    expect(outcome.ok).toBe(false);
    expect(outcome.ok ? '' : fileRefusal(outcome.problems, { fileName: 'jo.json', assessments: [fixture], assessment })).toBe(
      'This result is damaged and cannot be read:\njo.json: field "name": expected a name without broken characters (half of an emoji or other two-part character); given "Jo \\ud83d".',
    );
  });

  test('every result a file holds can be shared as a link that reads back the same', () => {
    fc.assert(
      fc.property(hostileJsonText(validResult), (text) => {
        const file = safely(() => parseResultFile(text, [fixture]));
        if (!file.ok) return;
        // Compared as JSON: an answer written -0 in the file is option 0 in the link.
        const fromLink = safely(() => decodeResultLink(encodeResultLink(file.value.result), fixture));
        expect(JSON.stringify(fromLink)).toBe(JSON.stringify({ ok: true, value: file.value.result }));
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Imported and stored progress (src/features/progress/progress.ts, src/features/progress/store.ts).

const kebab = fc.stringMatching(/^[a-z0-9]{1,8}(?:-[a-z0-9]{1,8}){0,2}$/);
const validProgress: fc.Arbitrary<Progress> = fc.record(
  {
    format: fc.constant('pb-progress' as const),
    version: fc.constant(1 as const),
    chapters: fc.dictionary(kebab, isoTime, { maxKeys: 4, noNullPrototype: true }),
    steps: fc.dictionary(
      fc.tuple(kebab, kebab).map(([path, step]) => `${path}/${step}`),
      isoTime,
      { maxKeys: 4, noNullPrototype: true },
    ),
    lastVisited: fc.record({ chapter: kebab, at: isoTime }),
  },
  { requiredKeys: ['format', 'version', 'chapters', 'steps'] },
);
const progressText = hostileJsonText(validProgress);

function expectValidProgress(progress: Progress): void {
  const checked = ProgressSchema.safeParse(progress);
  expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
  expectPlainData(progress);
}

const deepFreeze = <T>(value: T): T => {
  if (value !== null && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

describe('imported and stored progress', () => {
  test('parseProgressText and parseProgressValue: valid progress or a reason', () => {
    fc.assert(
      fc.property(fc.oneof({ weight: 4, arbitrary: progressText }, { weight: 1, arbitrary: wrongTypes }), (input) => {
        const outcome = safely(() => (typeof input === 'string' ? parseProgressText(input) : parseProgressValue(input)));
        if (outcome.ok) expectValidProgress(outcome.value);
        else expectReadable(progressReason(outcome.problems));
      }),
      RUNS,
    );
  });

  test('readStoredProgress: always valid progress, with a notice exactly when the text was refused', () => {
    fc.assert(
      fc.property(progressText, (text) => {
        const stored = safely(() => readStoredProgress(text));
        expectValidProgress(stored.progress);
        if (parseProgressText(text).ok) expect(stored.notice).toBeUndefined();
        else expectReadable(stored.notice);
      }),
      RUNS,
    );
  });

  test('importProgressText: merged valid progress keeping everything done, or a message; the current progress is never changed', () => {
    fc.assert(
      fc.property(validProgress, progressText, hostileString, (current, text, fileName) => {
        const frozen = deepFreeze(structuredClone(current));
        const outcome = safely(() => importProgressText(frozen, text));
        expect(frozen).toEqual(current);
        if (!outcome.ok) return expectReadable(importRefused(fileName, outcome.problems));
        expectValidProgress(outcome.value.progress);
        for (const id of Object.keys(current.chapters)) expect(Object.hasOwn(outcome.value.progress.chapters, id)).toBe(true);
        for (const key of Object.keys(current.steps)) expect(Object.hasOwn(outcome.value.progress.steps, key)).toBe(true);
      }),
      RUNS,
    );
  });

  test('the progress store holds valid progress whatever is stored, and says when it ignored something', async () => {
    vi.resetModules();
    const storage = await import('@nanostores/persistent');
    storage.useTestStorageEngine();
    storage.cleanTestStorage();
    const store = await import('../../src/features/progress/store.ts');
    const unsubscribe = store.$progress.subscribe(() => {});
    try {
      fc.assert(
        fc.property(progressText, (text) => {
          // As another tab (or anything else on this origin) writing to the key.
          safely(() => storage.setTestStorageKey('pb-progress:/', text));
          expectValidProgress(store.$progress.get());
          if (!parseProgressText(text).ok) expectReadable(store.$notice.get());
        }),
        RUNS,
      );
    } finally {
      unsubscribe();
      cleanStores(store.$progress, store.$notice);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Stored answers (src/features/assessments/store.ts), theme and checklist ticks.

const answersArb = fc.dictionary(fc.constantFrom('q1', 'q2', 'q3', 'q4', 'gone'), fc.nat(5), { maxKeys: 5, noNullPrototype: true });
const validSaved = fc.record(
  {
    version: fc.constant(1),
    answers: answersArb,
    finishedAt: isoTime,
    name: fc.string({ maxLength: 12 }),
    history: fc.array(fc.record({ takenAt: isoTime, answers: answersArb, overall: fc.nat(100), band: fc.constantFrom('Low', 'High') }), { maxLength: 3 }),
  },
  { requiredKeys: ['version', 'answers', 'history'] },
);
const savedText = hostileJsonText(validSaved);
const OPTION_COUNTS: Record<string, number> = { q1: 3, q2: 5, q3: 5, q4: 3 };

/** Valid stored state whose current answers all fit the assessment. */
function expectValidSaved(saved: unknown): void {
  const checked = SavedAssessmentSchema.safeParse(saved);
  expect(checked.success, JSON.stringify(checked.error?.issues)).toBe(true);
  if (!checked.success) return;
  for (const [id, index] of Object.entries(checked.data.answers)) expect(index).toBeLessThan(OPTION_COUNTS[id] ?? 0);
  expectPlainData(saved);
}

/** True when the stored text is a valid saved state as it stands (so no notice is due for dropping it). */
function storedIsValid(text: string): boolean {
  try {
    return SavedAssessmentSchema.safeParse(JSON.parse(text)).success;
  } catch {
    return false;
  }
}

describe('stored answers, theme and checklist ticks', () => {
  test('readSaved: valid answers that fit the assessment, with a notice whenever something was set aside', () => {
    fc.assert(
      fc.property(savedText, (text) => {
        const read = safely(() => readSaved(text, fixture));
        expectValidSaved(read.saved);
        if (read.notice !== undefined) expectReadable(read.notice);
        if (!storedIsValid(text) && text !== '') expectReadable(read.notice);
      }),
      RUNS,
    );
  });

  // Found by the property above: zod runs its length checks on wrongly typed values too, and comparing
  // a `length` whose `toString` is not a function throws, so readSaved threw out of the page's store.
  test.each([
    ['the name', '{"version":1,"answers":{},"history":[],"name":{"length":{"toString":""}}}'],
    [
      'a band in the history',
      '{"version":1,"answers":{},"history":[{"takenAt":"2025-03-04T09:30:00.000Z","answers":{},"overall":0,"band":{"length":{"toString":""}}}]}',
    ],
    ['the history', '{"version":1,"answers":{},"history":{"length":{"valueOf":"","toString":""}}}'],
  ])('readSaved sets aside a value that makes zod throw: %s', (_where, text) => {
    expect(readSaved(text, fixture)).toEqual({
      saved: { version: 1, answers: {}, history: [] },
      damaged: true,
      notice:
        'One saved entry for this self-assessment could not be read and was set aside; your other answers and results are kept. A copy of what was stored is kept: download or discard it from the notice at the top of the page.',
    });
  });

  test('the answers store holds valid answers whatever is stored', async () => {
    vi.resetModules();
    const storage = await import('@nanostores/persistent');
    storage.useTestStorageEngine();
    storage.cleanTestStorage();
    const { assessmentStore } = await import('../../src/features/assessments/store.ts');
    const store = assessmentStore(fixture);
    try {
      fc.assert(
        fc.property(savedText, (text) => {
          safely(() => storage.setTestStorageKey(storageKey('/', fixture.id), text));
          expectValidSaved(store.$saved.get());
          const notice = readSaved(text, fixture).notice;
          if (notice !== undefined) expect(store.$notice.get()).toBe(notice);
        }),
        RUNS,
      );
    } finally {
      cleanStores(store.$saved, store.$notice);
    }
  });

  test('parseTheme: any stored value is one of the three choices', () => {
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom('light', 'dark', 'system', 'Light', ' dark', '__proto__'), hostileString, wrongTypes), (value) => {
        const theme = safely(() => parseTheme(value));
        expect(['system', 'light', 'dark']).toContain(theme);
        if (value === 'light' || value === 'dark') expect(theme).toBe(value);
      }),
      RUNS,
    );
  });

  test('parseTicks: any stored text gives positions of items that exist', () => {
    fc.assert(
      fc.property(hostileJsonText(fc.array(fc.nat(40), { maxLength: 8 })), fc.nat(30), (text, itemCount) => {
        const ticked = safely(() => parseTicks(text, itemCount));
        for (const i of ticked) {
          expect(Number.isInteger(i)).toBe(true);
          expect(i).toBeGreaterThanOrEqual(0);
          expect(i).toBeLessThan(itemCount);
        }
      }),
      RUNS,
    );
  });

  test('parseTicks reads what the page writes', () => {
    expect([...parseTicks('[0,2,5]', 4)]).toEqual([0, 2]);
    expect([...parseTicks('[2,2,"1",1.5,-1,null]', 4)]).toEqual([2]);
    expect([...parseTicks(null, 4)]).toEqual([]);
    expect([...parseTicks('{"0":true}', 4)]).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Megabyte and deeply nested input, as explicit examples (too slow to generate at random).

const HUGE = 1_000_000;
/** A valid document with `deep` put where a value is expected. */
const withDeep = (deep: string) => ({
  scenario: `{"horizonMonths":${deep}}`,
  result: `{"format":"pb-assessment-result","version":1,"assessment":"fixture","takenAt":"2025-01-01","answers":{"q1":${deep}}}`,
  progress: `{"format":"pb-progress","version":1,"chapters":${deep},"steps":{}}`,
  saved: `{"version":1,"answers":{},"history":[${deep}]}`,
});
const manyKeys = (count: number, value: string) => `{${Array.from({ length: count }, (_, i) => `"k${i}":${value}`).join(',')}}`;

const BIG_TEXTS: [string, string][] = [
  ['a value that throws when compared', '{"length":{"toString":""}}'],
  ['a megabyte of one character', 'x'.repeat(HUGE)],
  ['a megabyte of markup in a JSON string', JSON.stringify(MARKUP[0]!.repeat(Math.floor(HUGE / MARKUP[0]!.length)))],
  ['10,000 nested arrays', deepArrays(10_000)],
  ['10,000 nested objects', deepObjects(10_000)],
  ['100,000 nested arrays', deepArrays(100_000)],
  ['unclosed nesting', '['.repeat(HUGE - 1)],
  ['60,000 keys', manyKeys(60_000, '1')],
  ['60,000 __proto__ keys', `{${Array.from({ length: 60_000 }, () => '"__proto__":{"polluted":1}').join(',')}}`],
  ['a megabyte of lone surrogates', '"' + '\\ud800'.repeat(HUGE / 6 - 1) + '"'],
];
const DEEP_IN_PLACE: [string, ReturnType<typeof withDeep>][] = [
  ['a value whose length throws when compared, in a field', withDeep('{"length":{"toString":""}}')],
  [
    'the same as every text field',
    {
      scenario: '{"currency":{"length":{"toString":""}}}',
      result:
        '{"format":"pb-assessment-result","version":1,"assessment":"fixture","takenAt":{"length":{"toString":""}},"answers":{"q1":0,"q2":0,"q3":0,"q4":0},"name":{"length":{"toString":""}}}',
      progress:
        '{"format":"pb-progress","version":1,"chapters":{},"steps":{},"lastVisited":{"chapter":{"length":{"toString":""}},"at":"2026-01-01T00:00:00.000Z"}}',
      saved: '{"version":1,"answers":{},"history":[],"name":{"length":{"toString":""}}}',
    },
  ],
  ['10,000 nested arrays in a field', withDeep(deepArrays(10_000))],
  ['10,000 nested objects in a field', withDeep(deepObjects(10_000))],
];
const BIG_LINKS: [string, string][] = [
  ['a megabyte link', `?horizonMonths=${'9'.repeat(HUGE)}`],
  ['a megabyte of separators', '&'.repeat(HUGE)],
  ['a megabyte of markup', `#pb-result=1&n=${encodeURIComponent(MARKUP[0]!).repeat(HUGE / 60)}`],
  ['thousands of repeated fields', `?${'inHouse.seats=1&'.repeat(500)}`],
  ['thousands of unknown fields', `?${Array.from({ length: 700 }, (_, i) => `__proto__${i}=<b>`).join('&')}`],
];

/** Every parser of text, with what it must give back. */
const TEXT_PARSERS: [string, (text: string, format: keyof ReturnType<typeof withDeep> | undefined) => void][] = [
  [
    'parseScenarioText',
    (text, format) => {
      if (format && format !== 'scenario') return;
      const outcome = safely(() => parseScenarioText(text, D));
      if (outcome.ok) expectValidScenario(outcome.value);
      else expectRefusal(outcome.problems);
    },
  ],
  [
    'readDefaults',
    (text, format) => {
      if (format && format !== 'scenario') return;
      const defaults = safely(() => readDefaults(text));
      if (defaults) expectValidScenario(defaults);
    },
  ],
  [
    'parseResultFile',
    (text, format) => {
      if (format && format !== 'result') return;
      const { assessment, outcome } = safely(() => readResultFile(text, [fixture]));
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expectReadable(fileRefusal(outcome.problems, { assessments: [fixture], assessment }));
    },
  ],
  [
    'readStoredProgress',
    (text, format) => {
      if (format && format !== 'progress') return;
      const stored = safely(() => readStoredProgress(text));
      expectValidProgress(stored.progress);
      expectReadable(stored.notice);
    },
  ],
  [
    'importProgressText',
    (text, format) => {
      if (format && format !== 'progress') return;
      const outcome = safely(() => importProgressText(readStoredProgress(null).progress, text));
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expectReadable(importRefused(text.slice(0, 200), outcome.problems));
    },
  ],
  [
    'readSaved',
    (text, format) => {
      if (format && format !== 'saved') return;
      const read = safely(() => readSaved(text, fixture));
      expectValidSaved(read.saved);
      expectReadable(read.notice);
    },
  ],
  [
    'parseTicks',
    (text, format) => {
      if (format) return;
      expect(safely(() => parseTicks(text, 10)).size).toBe(0);
    },
  ],
  [
    'parseTheme',
    (text, format) => {
      if (format) return;
      expect(safely(() => parseTheme(text))).toBe('system');
    },
  ],
];

const LINK_PARSERS: [string, (link: string) => void][] = [
  [
    'decodeLink',
    (link) => {
      const { scenario, problems } = safely(() => decodeLink(link, D));
      expectValidScenario(scenario);
      problems.forEach(expectProblem);
    },
  ],
  [
    'decodeResultLink',
    (link) => {
      const outcome = safely(() => decodeResultLink(link, fixture));
      expect(outcome.ok).toBe(false);
      if (!outcome.ok) expectReadable(linkRefusal(outcome.problems, fixture));
    },
  ],
];

describe('megabyte and deeply nested input', () => {
  test.each(BIG_TEXTS.flatMap(([what, text]) => TEXT_PARSERS.map(([name, check]) => [name, what, text, check] as const)))(
    '%s: %s',
    (_name, _what, text, check) => {
      check(text, undefined);
    },
  );

  test.each(DEEP_IN_PLACE.flatMap(([what, texts]) => TEXT_PARSERS.map(([name, check]) => [name, what, texts, check] as const)))(
    '%s: %s',
    (_name, _what, texts, check) => {
      for (const [format, text] of Object.entries(texts)) check(text, format as keyof typeof texts);
    },
  );

  test.each(BIG_LINKS.flatMap(([what, link]) => LINK_PARSERS.map(([name, check]) => [name, what, link, check] as const)))(
    '%s: %s',
    (_name, _what, link, check) => {
      check(link);
    },
  );

  test.each([
    ['parseScenarioObject', (value: unknown) => parseScenarioObject(value, D)],
    ['parseScenario', (value: unknown) => parseScenario(value)],
    ['parseProgressValue', (value: unknown) => parseProgressValue(value)],
  ])('%s: deeply nested values and a megabyte string in a field', (_name, parse) => {
    for (const value of [
      JSON.parse(deepArrays(10_000)),
      JSON.parse(deepObjects(10_000)),
      { horizonMonths: 'x'.repeat(HUGE), chapters: 'x'.repeat(HUGE), format: 'x'.repeat(HUGE) },
    ]) {
      const outcome = safely(() => parse(value));
      expect(outcome.ok).toBe(false);
    }
  });
});
