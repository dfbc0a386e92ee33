import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  AssessmentResultSchema,
  createResult,
  decodeResultLink,
  encodeResultLink,
  parseResultFile,
  parseResultLinks,
  readResultFile,
  resultFileText,
} from '../../../src/features/assessments/result-format.ts';
import type { AssessmentResult } from '../../../src/features/assessments/result-format.ts';
import { distinctResults, distribution, peopleLines, rollUp } from '../../../src/features/assessments/roll-up.ts';
import { moreRefused, readStatus, resultFileTooLarge, resultsOfPerson } from '../../../src/features/assessments/result-wording.ts';
import { scoreAssessment } from '../../../src/features/assessments/scoring.ts';
import { fileRefusal, linkRefusal, teamLinkRefusal } from '../../../src/features/assessments/result-wording.ts';
import type { Assessment } from '../../../src/features/assessments/schema.ts';
import { FIXTURE, load } from './fixtures.ts';

// The same fixture as scoring.test.ts. Maximum points: a = 10 (q1 weight 2 + q2), b = 9, overall 19.

const fixture = load('fixture.yaml', FIXTURE);
const other = load('other.yaml', FIXTURE.replace('id: fixture', 'id: other').replace('title: Fixture', 'title: Other'));
const TAKEN = new Date('2025-03-04T09:30:00.000Z');

function result(q1: number, q2: number, q3: number, q4: number, name?: string): AssessmentResult {
  return createResult(fixture, { q1, q2, q3, q4 }, name === undefined ? { takenAt: TAKEN } : { takenAt: TAKEN, name });
}

/** What a person reads when the link is opened on `assessment`'s page. */
function linkReason(link: string, assessment: Assessment): string {
  const outcome = decodeResultLink(link, assessment);
  return outcome.ok ? 'accepted' : linkRefusal(outcome.problems, assessment);
}

/** What a person reads when the file is added to the team roll-up. */
function fileReason(text: string, assessments: readonly Assessment[], fileName?: string): string {
  const { assessment, outcome } = readResultFile(text, assessments);
  return outcome.ok ? 'accepted' : fileRefusal(outcome.problems, { fileName, assessments, assessment });
}

const fileOf = (data: unknown) => JSON.stringify(data);

describe('createResult and the result file', () => {
  test('orders answers as the questions, trims the name and drops a blank one', () => {
    const made = createResult(fixture, { q4: 1, q1: 2, q3: 0, q2: 4 }, { takenAt: TAKEN, name: '  Sam  ' });
    expect(made).toEqual({
      format: 'pb-assessment-result',
      version: 1,
      assessment: 'fixture',
      takenAt: '2025-03-04T09:30:00.000Z',
      answers: { q1: 2, q2: 4, q3: 0, q4: 1 },
      name: 'Sam',
    });
    expect(Object.keys(made.answers)).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(createResult(fixture, {}, { name: '   ' })).not.toHaveProperty('name');
  });

  test('a saved file reads back as the same result, with its assessment', () => {
    const saved = result(1, 3, 1, 1, 'Sam');
    expect(parseResultFile(resultFileText(saved), [other, fixture])).toEqual({ ok: true, value: { result: saved, assessment: fixture } });
  });
});

describe('result links', () => {
  test('the link format', () => {
    expect(encodeResultLink(result(1, 3, 1, 1, 'Sam Lee'))).toMatchInlineSnapshot(
      `"#pb-result=1&a=fixture&t=2025-03-04T09%3A30%3A00.000Z&q=q1.1_q2.3_q3.1_q4.1&n=Sam+Lee&c=6160c44f"`,
    );
  });

  test.each([
    ['no name', undefined],
    ['a plain name', 'Sam'],
    ['markup and symbols stay text', '<img src=x onerror=alert(1)> & "Jo" + 50% #1 ?a=b'],
    ['non-Latin text', 'Zoë Ødegård 佐藤 🙂'],
  ])('round trip: %s', (_name, name) => {
    const original = result(2, 0, 4, 1, name);
    const link = encodeResultLink(original);
    expect(link.startsWith('#pb-result=1&')).toBe(true);
    expect(decodeResultLink(link, fixture)).toEqual({ ok: true, value: original });
    // Also as a whole URL, and without the #.
    expect(decodeResultLink(`https://intranet.example/playbook/assessments/fixture/${link}`, fixture)).toEqual({ ok: true, value: original });
    expect(decodeResultLink(link.slice(1), fixture)).toEqual({ ok: true, value: original });
  });

  test.each([
    ['an answer changed', (link: string) => link.replace('q1.1', 'q1.2')],
    ['the name changed', (link: string) => link.replace('n=Sam', 'n=Pat')],
    ['cut short', (link: string) => link.slice(0, link.indexOf('&c='))],
    ['the check code changed', (link: string) => link.replace(/c=[0-9a-f]{8}$/, 'c=00000000')],
  ])('a tampered link is refused: %s', (_name, tamper) => {
    const link = encodeResultLink(result(1, 3, 1, 1, 'Sam'));
    expect(linkReason(tamper(link), fixture)).toMatchInlineSnapshot(
      `"This result link has been changed or cut short since it was made, so it cannot be trusted. Ask for the link again, or for the result file."`,
    );
  });

  test('other refusals', () => {
    const link = encodeResultLink(result(1, 3, 1, 1));
    const unknownQuestion = encodeResultLink({ ...result(1, 3, 1, 1), answers: { q1: 1, q2: 3, q3: 1, q4: 1, q9: 0 } });
    const outOfRange = encodeResultLink({ ...result(1, 3, 1, 1), answers: { q1: 7, q2: 3, q3: 1, q4: 1 } });
    const missing = encodeResultLink({ ...result(1, 3, 1, 1), answers: { q1: 1 } });
    const badDate = encodeResultLink({ ...result(1, 3, 1, 1), takenAt: 'yesterday' });
    expect({
      otherAssessment: linkReason(link, other),
      noResult: linkReason('#section-2', fixture),
      empty: linkReason('', fixture),
      newer: linkReason(link.replace('pb-result=1', 'pb-result=2'), fixture),
      unknownQuestion: linkReason(unknownQuestion, fixture),
      outOfRange: linkReason(outOfRange, fixture),
      missing: linkReason(missing, fixture),
      badDate: linkReason(badDate, fixture),
      tooLong: linkReason(`#pb-result=1&n=${'x'.repeat(5000)}`, fixture),
    }).toMatchInlineSnapshot(`
      {
        "badDate": "This result is damaged and cannot be read:
      the result link: field "takenAt": expected an ISO date such as 2025-03-04 or 2025-03-04T09:30:00Z; given "yesterday".",
        "empty": "This link does not contain a self-assessment result.",
        "missing": "This result does not fit "Fixture". It does not answer every question (missing "q2", "q3", "q4").",
        "newer": "This result link was made by a newer version of the site (result format 2); this site reads format 1.",
        "noResult": "This link does not contain a self-assessment result.",
        "otherAssessment": "This link is a result of "fixture", not of "Other". Open it on that self-assessment's page.",
        "outOfRange": "This result does not fit "Fixture". Its answer to question "q1" is option 8, but that question has only 3 options.",
        "tooLong": "This link is too long to be a self-assessment result (5,015 characters; a result link is under 4,000).",
        "unknownQuestion": "This result does not fit "Fixture". It answers a question this self-assessment does not have ("q9"); it may come from another version of it.",
      }
    `);
  });
});

describe('parseResultFile', () => {
  const valid = result(1, 3, 1, 1);
  test.each<[string, string, RegExp]>([
    ['not JSON', 'name,score\nSam,3', /not JSON text/],
    ['JSON that is not a result', fileOf({ name: 'prospecting-playbook', version: '0.1.0' }), /no "format"/],
    ['a list', fileOf([valid]), /no "format"/],
    ['null', 'null', /no "format"/],
    ['a newer format version', fileOf({ ...valid, version: 2 }), /newer version/],
    ['an assessment this site does not have', fileOf({ ...valid, assessment: 'cold-calling' }), /does not have/],
    ['a damaged field', fileOf({ ...valid, takenAt: 'last week' }), /damaged[^]*takenAt/],
    ['an extra field', fileOf({ ...valid, score: 99 }), /damaged[^]*"score": expected no such field/],
    ['an unknown question', fileOf({ ...valid, answers: { ...valid.answers, 'q-old': 2 } }), /does not have \("q-old"\)/],
    ['an option out of range', fileOf({ ...valid, answers: { ...valid.answers, q4: 3 } }), /option 4, but that question has only 3/],
    ['missing answers', fileOf({ ...valid, answers: { q1: 0 } }), /missing "q2", "q3", "q4"/],
    ['too large', ' '.repeat(20_001), /too large/],
  ])('refuses %s', (_name, text, reason) => {
    expect(fileReason(text, [fixture, other], 'team/sam.json')).toMatch(reason);
  });

  test('refusal reasons', () => {
    // Pinned inline so the wording a person reads is visible here.
    const reasons = [
      fileReason('name,score\nSam,3', [fixture]),
      fileReason(fileOf({ name: 'prospecting-playbook' }), [fixture]),
      fileReason(fileOf({ ...valid, version: 2 }), [fixture]),
      fileReason(fileOf({ ...valid, assessment: 'cold-calling' }), [fixture, other]),
      fileReason(fileOf({ ...valid, takenAt: 'last week', answers: { ...valid.answers, q2: 'agree' } }), [fixture], 'team/sam.json'),
      fileReason(fileOf({ ...valid, answers: { ...valid.answers, 'q-old': 2, q4: 3 } }), [fixture]),
      fileReason(fileOf({ ...valid, answers: { q1: 0 } }), [fixture]),
    ];
    expect(reasons).toMatchInlineSnapshot(`
      [
        "This file is not a self-assessment result: it is not JSON text (results are saved as .json files from the results page).",
        "This file is not a self-assessment result: it has no "format": "pb-assessment-result" field. It may be a different kind of file.",
        "This result was saved by a newer version of the site (result format 2); this site reads format 1.",
        "This result is for a self-assessment this site does not have ("cold-calling"; it has: fixture, other).",
        "This result is damaged and cannot be read:
      team/sam.json: field "takenAt": expected an ISO date such as 2025-03-04 or 2025-03-04T09:30:00Z; given "last week".
      team/sam.json: field "answers.q2": expected a number; given "agree".",
        "This result does not fit "Fixture". Its answer to question "q4" is option 4, but that question has only 3 options. It answers a question this self-assessment does not have ("q-old"); it may come from another version of it.",
        "This result does not fit "Fixture". It does not answer every question (missing "q2", "q3", "q4").",
      ]
    `);
  });
});

describe('refusals carry stable codes', () => {
  const link = encodeResultLink(result(1, 3, 1, 1));
  const codesOf = (outcome: { ok: boolean; problems?: { code?: string; field: string }[] }) =>
    outcome.ok ? [] : (outcome.problems ?? []).map((p) => `${p.field}:${p.code}`);
  test.each<[string, string, string[]]>([
    ['not a result link', '#section-2', ['pb-result:not_parseable']],
    ['a newer format', link.replace('pb-result=1', 'pb-result=2'), ['pb-result:unsupported_version']],
    ['tampered', link.replace('q1.1', 'q1.2'), ['c:conflict']],
    ['too long', `#pb-result=1&n=${'x'.repeat(5000)}`, [':too_large']],
  ])('link: %s', (_name, text, codes) => {
    expect(codesOf(decodeResultLink(text, fixture))).toEqual(codes);
  });

  test.each<[string, string, string[]]>([
    ['not JSON', 'name,score', [':not_parseable']],
    ['another kind of JSON', fileOf({ name: 'x' }), ['format:missing']],
    ['an assessment this site does not have', fileOf({ ...result(1, 3, 1, 1), assessment: 'cold-calling' }), ['assessment:unknown_reference']],
    [
      'an unknown question and a missing answer',
      fileOf({ ...result(1, 3, 1, 1), answers: { q1: 1, q2: 3, q3: 1, 'q-old': 0 } }),
      ['answers.q-old:unknown_reference', 'answers.q4:missing'],
    ],
    ['an option out of range', fileOf({ ...result(1, 3, 1, 1), answers: { q1: 7, q2: 3, q3: 1, q4: 1 } }), ['answers.q1:conflict']],
  ])('file: %s', (_name, text, codes) => {
    expect(codesOf(parseResultFile(text, [fixture]))).toEqual(codes);
  });
});

describe('pasted result links (the team roll-up)', () => {
  const ann = result(1, 3, 1, 1, 'Ann');
  const bo = { ...result(2, 2, 3, 0, 'Bo'), assessment: 'other' };
  const reasons = (text: string) =>
    parseResultLinks(text, [fixture, other]).map(({ line, assessment, outcome }) => [
      line,
      outcome.ok ? outcome.value.name : teamLinkRefusal(outcome.problems, assessment),
    ]);

  test('one link per line, blank lines skipped, each read against the assessment it names', () => {
    const text = `https://intranet.example/assessments/fixture/${encodeResultLink(ann)}\n\n   \n${encodeResultLink(bo)}\r\n`;
    expect(reasons(text)).toEqual([
      [1, 'Ann'],
      [4, 'Bo'],
    ]);
    expect(parseResultLinks(text, [fixture, other]).map((r) => r.assessment?.id)).toEqual(['fixture', 'other']);
  });

  test('lines that are not result links, links for assessments this site does not have, and damaged links are refused', () => {
    const unknown = encodeResultLink({ ...ann, assessment: 'cold-calling' });
    const text = ['https://intranet.example/assessments/fixture/', unknown, encodeResultLink(ann).replace('q1.1', 'q1.2'), `#pb-result=1&a=fixture`].join('\n');
    expect(reasons(text)).toMatchInlineSnapshot(`
      [
        [
          1,
          "This is not a result link: it has no “#pb-result=…” part. Copy the link from the “Copy result link” button on a results page.",
        ],
        [
          2,
          "This link is for a self-assessment this site does not have ("cold-calling").",
        ],
        [
          3,
          "This result link has been changed or cut short since it was made, so it cannot be trusted. Ask for the link again, or for the result file.",
        ],
        [
          4,
          "This result link has been changed or cut short since it was made, so it cannot be trusted. Ask for the link again, or for the result file.",
        ],
      ]
    `);
  });

  test('nothing pasted reads as nothing', () => {
    expect(parseResultLinks('', [fixture])).toEqual([]);
    expect(parseResultLinks('\n \n', [fixture])).toEqual([]);
  });
});

describe('rollUp', () => {
  // Per person (see scoring.test.ts):   overall  a   b   chapters (all three are "read next")
  //   Ann (1,3,1,1)                       53     50  56  ch-mid, shared, a-1
  //   Bo  (2,2,3,0)                       47     80  11  ch-low, b-1, b-2
  //   Cy  (0,4,0,2)                       68     40  100 ch-mid, shared, a-1
  const team = [result(1, 3, 1, 1, 'Ann'), result(2, 2, 3, 0, 'Bo'), result(0, 4, 0, 2, 'Cy')];

  test('three results give hand-computed spreads and ranked chapters', () => {
    const summary = rollUp(team, fixture);
    expect(summary.people).toBe(3);
    expect(summary.overall).toEqual({
      min: 47,
      max: 68,
      mean: 56, // (53 + 47 + 68) / 3
      median: 53,
      buckets: [
        { from: 0, to: 24, count: 0 },
        { from: 25, to: 49, count: 1 },
        { from: 50, to: 74, count: 2 },
        { from: 75, to: 100, count: 0 },
      ],
    });
    expect(summary.dimensions.map(({ id, min, max, mean, median, buckets }) => [id, min, max, mean, median, buckets.map((b) => b.count)])).toEqual([
      ['a', 40, 80, 56.7, 50, [0, 1, 1, 1]], // (50 + 80 + 40) / 3 = 56.67
      ['b', 11, 100, 55.7, 56, [1, 0, 1, 1]], // (56 + 11 + 100) / 3 = 55.67
    ]);
    expect(summary.chapters).toEqual([
      { chapter: 'ch-mid', people: 2, readNext: 2 },
      { chapter: 'shared', people: 2, readNext: 2 },
      { chapter: 'a-1', people: 2, readNext: 2 },
      { chapter: 'ch-low', people: 1, readNext: 1 },
      { chapter: 'b-1', people: 1, readNext: 1 },
      { chapter: 'b-2', people: 1, readNext: 1 },
    ]);
  });

  test('skips duplicates, other assessments and results that do not fit', () => {
    const foreign = { ...result(1, 1, 1, 1), assessment: 'other' };
    const broken = { ...result(1, 1, 1, 1), answers: { q1: 9 } };
    const summary = rollUp([...team, team[0] as AssessmentResult, foreign, broken], fixture);
    expect(summary.people).toBe(3);
    expect(summary.skipped).toEqual({ otherAssessment: 1, notFitting: 1, duplicate: 1 });
    expect(summary.overall?.mean).toBe(56);
  });

  test('an empty team', () => {
    expect(rollUp([], fixture)).toEqual({
      assessment: 'fixture',
      people: 0,
      skipped: { otherAssessment: 0, notFitting: 0, duplicate: 0 },
      overall: null,
      dimensions: [],
      chapters: [],
      bestFits: [],
      tooClose: 0,
    });
  });

  test('a recommendation assessment counts how often each option fitted best', () => {
    const leader = load(
      'build-buy-or-full-cycle.yaml',
      readFileSync(new URL('../../../src/content/assessments/build-buy-or-full-cycle.yaml', import.meta.url), 'utf8'),
    );
    // Every question answered with its first option, or with its last one.
    const answered = (name: string, pick: (count: number) => number): AssessmentResult => ({
      format: 'pb-assessment-result',
      version: 1,
      assessment: leader.id,
      takenAt: '2025-03-04T09:30:00.000Z',
      name,
      answers: Object.fromEntries(leader.questions.map((q) => [q.id, pick(q.options.length)])),
    });
    const best = (r: AssessmentResult) => {
      const outcome = scoreAssessment(leader, r.answers);
      if (!outcome.ok || !outcome.value.recommendation) throw new Error('not scored');
      return outcome.value.recommendation;
    };
    const first = best(answered('A', () => 0));
    const last = best(answered('B', (n) => n - 1));
    expect(first.best.id).not.toBe(last.best.id);
    const summary = rollUp([answered('A', () => 0), answered('B', (n) => n - 1), answered('C', (n) => n - 1)], leader);
    expect(summary.bestFits.map((f) => [f.id, f.people])).toEqual([
      [last.best.id, 2],
      [first.best.id, 1],
    ]);
    expect(summary.tooClose).toBe(0);
  });

  test.each([
    [[40], 40, 40],
    [[10, 20], 15, 15],
    [[0, 25, 49, 50, 75, 100], 49.5, 49.8], // median (49 + 50) / 2; mean 299 / 6 = 49.83
  ])('distribution(%j): median %d, mean %d', (scores, median, mean) => {
    expect(distribution(scores)).toMatchObject({ median, mean });
  });
});

describe('the roll-up’s inputs', () => {
  const input = (r: AssessmentResult, source: string) => ({ result: r, source });

  test('a result added many times is read once, in the "read" total as in the averages', () => {
    const ana = result(1, 2, 3, 4, 'Ana');
    const inputs = [input(ana, 'a.json'), ...Array.from({ length: 4999 }, (_, i) => input({ ...ana }, `copy-${i}.json`)), input(result(0, 0, 0, 0), 'b.json')];
    const { distinct, duplicates } = distinctResults(inputs);
    expect(distinct.map((d) => d.source)).toEqual(['a.json', 'b.json']);
    expect(duplicates).toBe(4999);
    expect(readStatus(distinct.length, 0, duplicates)).toBe('2 results read (4999 duplicates counted once). Nothing was uploaded.');
  });

  test('one name is listed once with how many results carry it; unnamed results one line each', () => {
    const lines = peopleLines([
      input(result(1, 1, 1, 1, 'Ana'), 'a.json'),
      input(result(2, 2, 2, 2, 'Ana'), 'a2.json'),
      input(result(3, 3, 3, 3, 'Ana'), 'a3.json'),
      input(result(1, 1, 1, 1), 'x.json'),
      input(result(2, 2, 2, 2), 'y.json'),
    ]);
    expect(lines.map((l) => [l.first.source, l.results])).toEqual([
      ['a.json', 3],
      ['x.json', 1],
      ['y.json', 1],
    ]);
    expect(resultsOfPerson(3)).toBe(' — 3 results');
    expect(resultsOfPerson(1)).toBe('');
  });

  test('a huge file is refused as too large, and long lists of refusals end with a count', () => {
    expect(resultFileTooLarge(700 * 1024 * 1024, 20_000)).toBe('The file is too large (700 MB) to be a result file: result files are under 20 KB.');
    expect(moreRefused(4980)).toBe('and 4980 more not included.');
  });
});

describe('untrusted input', () => {
  const prototypeNames = Object.getOwnPropertyNames(Object.prototype).sort();
  const unpolluted = () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeNames);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  };
  const DANGEROUS_KEYS = ['__proto__', 'constructor', 'prototype', 'q1', 'q2', 'polluted', 'toString'];
  const key = fc.oneof(fc.constantFrom(...DANGEROUS_KEYS), fc.string({ maxLength: 8 }));
  // Builds JSON text by hand so `__proto__` really is a key in the text (an object literal would not keep it).
  const objectText = (entries: [string, unknown][]) => `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}`).join(',')}}`;
  const nasty = fc.array(fc.tuple(key, fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constant({ polluted: true }))), { maxLength: 6 });

  test('decodeResultLink never throws or pollutes, for any string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'binary' }),
          fc.webUrl({ withFragments: true }),
          fc.string().map((s) => `#pb-result=1&${s}`),
        ),
        (text) => {
          expect(typeof decodeResultLink(text, fixture).ok).toBe('boolean');
          unpolluted();
        },
      ),
    );
  });

  test('decodeResultLink with crafted answer keys', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...DANGEROUS_KEYS), fc.nat(9)), { minLength: 1, maxLength: 6 }), (pairs) => {
        // A link with a valid check code, so the answers really are parsed.
        const answers: Record<string, number> = { q1: 0, q2: 0, q3: 0, q4: 0 };
        for (const [k, v] of pairs) Object.defineProperty(answers, k, { value: v, enumerable: true, configurable: true, writable: true });
        const link = encodeResultLink({ ...result(0, 0, 0, 0), answers });
        const outcome = decodeResultLink(link, fixture);
        const optionCounts: Record<string, number> = { q1: 3, q2: 5, q3: 5, q4: 3 };
        // Later pairs overwrite earlier ones, so judge the final answers.
        const onlyKnown = Object.entries(answers).every(([k, v]) => Object.hasOwn(optionCounts, k) && v < (optionCounts[k] ?? 0));
        expect(outcome.ok).toBe(onlyKnown);
        unpolluted();
      }),
    );
  });

  test('parseResultFile never throws or pollutes, for any JSON or text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), nasty.map(objectText)), (text) => {
        expect(typeof parseResultFile(text, [fixture]).ok).toBe('boolean');
        unpolluted();
      }),
    );
  });

  test('parseResultFile with dangerous keys inside an otherwise valid result', () => {
    fc.assert(
      fc.property(nasty, fc.boolean(), (entries, inAnswers) => {
        const answers = objectText([['q1', 0], ['q2', 0], ['q3', 0], ['q4', 0], ...entries]);
        const text = inAnswers
          ? `{"format":"pb-assessment-result","version":1,"assessment":"fixture","takenAt":"2025-01-01","answers":${answers}}`
          : objectText([
              ['format', 'pb-assessment-result'],
              ['version', 1],
              ['assessment', 'fixture'],
              ['takenAt', '2025-01-01'],
              ['answers', { q1: 0, q2: 0, q3: 0, q4: 0 }],
              ...entries,
            ]);
        const outcome = parseResultFile(text, [fixture]);
        if (outcome.ok) expect(AssessmentResultSchema.safeParse(outcome.value.result).success).toBe(true);
        unpolluted();
      }),
    );
    expect(
      parseResultFile(
        '{"format":"pb-assessment-result","version":1,"assessment":"fixture","takenAt":"2025-01-01","answers":{"q1":0,"q2":0,"q3":0,"q4":0,"__proto__":{"polluted":true}}}',
        [fixture],
      ).ok,
    ).toBe(false);
    unpolluted();
  });

  test('huge and deeply nested input is refused, not thrown', () => {
    const deep = `${'['.repeat(9_000)}${']'.repeat(9_000)}`;
    const deepObject = `{"format":"pb-assessment-result","version":1,"assessment":"fixture","takenAt":"2025-01-01","answers":{"q1":${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}}}`;
    expect(fileReason(deep, [fixture])).toMatch(/not a self-assessment result/);
    expect(fileReason(deepObject, [fixture])).toMatch(/damaged/);
    expect(fileReason('x'.repeat(5_000_000), [fixture])).toMatch(/too large/);
    expect(linkReason(`#pb-result=1&q=${'q1.1_'.repeat(1_000_000)}`, fixture)).toMatch(/too long/);
    expect(decodeResultLink(undefined as unknown as string, fixture).ok).toBe(false);
    expect(parseResultFile(undefined as unknown as string, [fixture]).ok).toBe(false);
  });
});
