import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stringify } from 'yaml';
import { AGREEMENT_LABELS } from '../../../src/features/assessments/schema.ts';
import type { Assessment } from '../../../src/features/assessments/schema.ts';
import { chapterReferences } from '../../../src/features/assessments/recommend.ts';
import { parseAssessmentFile } from '../../../src/loaders/assessment-file.ts';
import { formatProblems } from '../../../src/common/problems.ts';

/** The chapter ids of the default playbook outline (docs/content-spec.md). */
const OUTLINE_CHAPTERS = new Set([
  'prospecting-qualifying-creating',
  'leads-versus-targets',
  'efficiency-versus-effectiveness',
  'beyond-bant',
  'value-creating-first-conversation',
  'earning-the-second-meeting',
  'case-for-senior-prospecting',
  'case-for-dedicated-team',
  'in-house-versus-outsourced',
  'assembly-line-critique',
  'weekly-prospecting-routine',
  'working-a-target-list',
  'owning-your-pipeline',
  'representing-the-brand',
  'warning-signs-starving-pipeline',
  'what-to-require-and-report',
  'accountability-create-and-capture',
  'compensation-that-rewards-creation',
  'sdr-career-path',
  'designing-hand-offs',
  'deciding-who-prospects',
]);

const FILE = 'src/content/assessments/tiny.yaml';

/** A small valid assessment as written in a file; each test breaks one thing. */
function tiny() {
  return {
    id: 'tiny',
    title: 'Tiny check',
    audience: 'rep',
    intro: 'Two questions.',
    minutes: 2,
    dimensions: [
      { id: 'routine', title: 'Routine', description: 'How often.' },
      { id: 'targets', title: 'Targets', description: 'Who.' },
    ] as Record<string, unknown>[],
    questions: [
      {
        id: 'time',
        dimension: 'routine',
        kind: 'single',
        prompt: 'How much time?',
        options: [
          { label: 'None', score: 0 },
          { label: 'Some', score: 2 },
        ] as Record<string, unknown>[],
      },
      { id: 'list', dimension: 'targets', kind: 'agreement', prompt: 'I keep a list.' },
    ] as Record<string, unknown>[],
    bands: [
      { from: 0, to: 49, label: 'Low', summary: 'Low.', chapters: ['owning-your-pipeline'] },
      { from: 50, to: 100, label: 'High', summary: 'High.', chapters: [] },
    ] as Record<string, unknown>[],
    dimensionAdvice: {
      routine: { low: 'Book time.', chapters: ['weekly-prospecting-routine'] },
      targets: { low: 'Write a list.', chapters: ['working-a-target-list'] },
    } as Record<string, unknown>,
  };
}

type Tiny = ReturnType<typeof tiny>;

function messageFor(change: (data: Tiny) => void, file = FILE): string {
  const data = tiny();
  change(data);
  const outcome = parseAssessmentFile(file, stringify(data));
  return outcome.ok ? 'parsed without problems' : formatProblems(file, outcome.problems);
}

/** The build's message for a file's text: one line per problem, or that it parsed. */
function messageOfText(file: string, text: string): string {
  const outcome = parseAssessmentFile(file, text);
  return outcome.ok ? 'parsed without problems' : formatProblems(file, outcome.problems);
}

/** Chapter ids an assessment names that are not in `chapters`. */
const unknownChapters = (assessment: Assessment, chapters: ReadonlySet<string>) => chapterReferences(assessment).filter((r) => !chapters.has(r.chapter));

function parsedTiny(change: (data: Tiny) => void = () => {}): Assessment {
  const data = tiny();
  change(data);
  const outcome = parseAssessmentFile(FILE, stringify(data));
  if (!outcome.ok) throw new Error(formatProblems(FILE, outcome.problems));
  return outcome.value;
}

function band(from: number, to: number, label: string) {
  return { from, to, label, summary: `${label}.`, chapters: [] };
}

describe('parseAssessmentFile', () => {
  test('accepts a valid file and fills in defaults', () => {
    const assessment = parsedTiny();
    expect(assessment.questions[0]).toEqual({
      id: 'time',
      dimension: 'routine',
      kind: 'single',
      prompt: 'How much time?',
      weight: 1,
      reverse: false,
      options: [
        { label: 'None', score: 0 },
        { label: 'Some', score: 2 },
      ],
    });
    expect(assessment.links).toBeUndefined();
  });

  test.each([
    [false, [0, 1, 2, 3, 4]],
    [true, [4, 3, 2, 1, 0]],
  ])('generates the agreement scale (reverse: %s)', (reverse, scores) => {
    const assessment = parsedTiny((d) => {
      if (reverse) d.questions[1] = { ...d.questions[1], reverse: true };
    });
    expect(assessment.questions[1]?.options).toEqual(AGREEMENT_LABELS.map((label, i) => ({ label, score: scores[i] })));
  });

  test('sorts bands from low to high', () => {
    const assessment = parsedTiny((d) => d.bands.reverse());
    expect(assessment.bands.map((b) => b.from)).toEqual([0, 50]);
  });

  test('a question in an unknown dimension', () => {
    expect(messageFor((d) => (d.questions[1] = { ...d.questions[1], dimension: 'targts' }))).toMatchInlineSnapshot(`
      "src/content/assessments/tiny.yaml: field "questions.1.dimension": expected one of the dimension ids listed under "dimensions": routine, targets; given "targts".
      src/content/assessments/tiny.yaml: field "dimensions.1.id": expected a dimension that at least one question counts towards (no question has dimension: targets); given "targets"."
    `);
  });

  test('duplicate question ids', () => {
    expect(messageFor((d) => (d.questions[1] = { ...d.questions[1], id: 'time' }))).toMatchInlineSnapshot(
      `"src/content/assessments/tiny.yaml: field "questions.1.id": expected a question id not used before ("time" is already used by questions.0.id); given "time"."`,
    );
  });

  test('duplicate dimension ids', () => {
    expect(
      messageFor((d) => {
        d.dimensions.push({ id: 'routine', title: 'Again', description: 'Again.' });
      }),
    ).toMatchInlineSnapshot(
      `"src/content/assessments/tiny.yaml: field "dimensions.2.id": expected a dimension id not used before ("routine" is already used by dimensions.0.id); given "routine"."`,
    );
  });

  test('duplicate option labels', () => {
    expect(
      messageFor((d) => {
        (d.questions[0]?.['options'] as Record<string, unknown>[]).push({ label: 'Some', score: 4 });
      }),
    ).toMatchInlineSnapshot(
      `"src/content/assessments/tiny.yaml: field "questions.0.options.2.label": expected an option label not used before ("Some" is already used by questions.0.options.1.label); given "Some"."`,
    );
  });

  test('an option without a score', () => {
    expect(
      messageFor((d) => {
        (d.questions[0]?.['options'] as Record<string, unknown>[])[1] = { label: 'Some' };
      }),
    ).toMatchInlineSnapshot(
      `"src/content/assessments/tiny.yaml: field "questions.0.options.1.score": expected a score for every option of a single-choice question (a number of 0 or more: the points this answer earns); given nothing (the field is missing)."`,
    );
  });

  test('bands that leave a gap', () => {
    expect(messageFor((d) => (d.bands = [band(0, 39, 'Low'), band(45, 100, 'High')]))).toMatchInlineSnapshot(
      `"src/content/assessments/tiny.yaml: field "bands.1.from": expected 40, right after band "Low" ends at 39 (scores 40-44 are in no band); given 45."`,
    );
  });

  test('a gap of one score', () => {
    expect(messageFor((d) => (d.bands = [band(0, 39, 'Low'), band(41, 100, 'High')]))).toMatchInlineSnapshot(
      `"src/content/assessments/tiny.yaml: field "bands.1.from": expected 40, right after band "Low" ends at 39 (score 40 is in no band); given 41."`,
    );
  });

  test('bands that overlap', () => {
    expect(messageFor((d) => (d.bands = [band(0, 59, 'Low'), band(55, 100, 'High')]))).toMatchInlineSnapshot(
      `"src/content/assessments/tiny.yaml: field "bands.1.from": expected 60, right after band "Low" ends at 59 (scores 55-59 are in two bands); given 55."`,
    );
  });

  test('a band inside another', () => {
    expect(messageFor((d) => (d.bands = [band(0, 100, 'All'), band(20, 30, 'Some')]))).toMatchInlineSnapshot(
      `"src/content/assessments/tiny.yaml: field "bands.1.from": expected a range no other band covers (scores 20-30 are also in band "All"); given 20."`,
    );
  });

  test('bands that do not start at 0 or do not reach 100', () => {
    expect(messageFor((d) => (d.bands = [band(10, 49, 'Low'), band(50, 90, 'High')]))).toMatchInlineSnapshot(`
      "src/content/assessments/tiny.yaml: field "bands.0.from": expected 0, so that every score has a band (scores 0-9 are in no band); given 10.
      src/content/assessments/tiny.yaml: field "bands.1.to": expected 100, so that every score has a band (scores 91-100 are in no band); given 90."
    `);
  });

  test('a band that ends before it starts', () => {
    expect(messageFor((d) => (d.bands = [band(0, 49, 'Low'), band(80, 50, 'High')]))).toMatchInlineSnapshot(
      `"src/content/assessments/tiny.yaml: field "bands.1.from": expected a number no larger than this band's "to" (50); given 80."`,
    );
  });

  test('a band beyond 100', () => {
    expect(messageFor((d) => (d.bands = [band(0, 49, 'Low'), band(50, 120, 'High')]))).toMatchInlineSnapshot(
      `"src/content/assessments/tiny.yaml: field "bands.1.to": expected a number of at most 100; given 120."`,
    );
  });

  test('id that does not match the file name', () => {
    expect(messageFor(() => {}, 'src/content/assessments/other.yaml')).toMatchInlineSnapshot(
      `"src/content/assessments/other.yaml: field "id": expected the file name without .yaml ("other"), so links to /assessments/other/ work; given "tiny"."`,
    );
  });

  test('a single-choice question without options, and an agreement question with options', () => {
    expect(
      messageFor((d) => {
        const [first, second] = d.questions;
        d.questions = [
          { ...first, options: undefined },
          {
            ...second,
            options: [
              { label: 'Yes', score: 1 },
              { label: 'No', score: 0 },
            ],
          },
        ];
      }),
    ).toMatchInlineSnapshot(`
      "src/content/assessments/tiny.yaml: field "questions.0.options": expected a list of 2 to 8 options, each with a label and a score (a single-choice question needs answers to pick from); given nothing (the field is missing).
      src/content/assessments/tiny.yaml: field "questions.1.options": expected no options on an agreement question (its strongly disagree..strongly agree scale is generated; use kind: single to write your own options); given a list of 2 items."
    `);
  });

  test('reverse on a single-choice question and options that all score 0', () => {
    expect(
      messageFor((d) => {
        d.questions[0] = {
          ...d.questions[0],
          reverse: true,
          options: [
            { label: 'A', score: 0 },
            { label: 'B', score: 0 },
          ],
        };
      }),
    ).toMatchInlineSnapshot(`
      "src/content/assessments/tiny.yaml: field "questions.0.reverse": expected no "reverse" on a single-choice question (give each option the score it deserves instead); given true.
      src/content/assessments/tiny.yaml: field "questions.0.options": expected at least one option with a score above 0 (otherwise the question cannot count towards the result); given a list of 2 items."
    `);
  });

  test('an unknown kind, a misspelt field and a negative score', () => {
    expect(
      messageFor((d) => {
        d.questions[1] = { ...d.questions[1], kind: 'multiple', reversed: true };
        d.questions[0] = {
          ...d.questions[0],
          options: [
            { label: 'A', score: -1 },
            { label: 'B', score: 2 },
          ],
        };
      }),
    ).toMatchInlineSnapshot(`
      "src/content/assessments/tiny.yaml: field "questions.0.options.0.score": expected a number of at least 0; given -1.
      src/content/assessments/tiny.yaml: field "questions.1.kind": expected one of single, agreement; given "multiple".
      src/content/assessments/tiny.yaml: field "questions.1.reversed": expected no such field (it is not part of the format; check the spelling); given true."
    `);
  });

  test('a dimension without questions, missing advice and advice for an unknown dimension', () => {
    expect(
      messageFor((d) => {
        d.dimensions.push({ id: 'outcomes', title: 'Outcomes', description: 'What it produces.' });
        d.dimensionAdvice = { routine: { low: 'Book time.' }, target: { low: 'A list.' } };
      }),
    ).toMatchInlineSnapshot(`
      "src/content/assessments/tiny.yaml: field "dimensions.2.id": expected a dimension that at least one question counts towards (no question has dimension: outcomes); given "outcomes".
      src/content/assessments/tiny.yaml: field "dimensionAdvice.target": expected advice only for the dimension ids listed under "dimensions": routine, targets, outcomes; given an object.
      src/content/assessments/tiny.yaml: field "dimensionAdvice.targets": expected advice for every dimension: add "targets: { low: …, chapters: […] }" under dimensionAdvice; given nothing (the field is missing).
      src/content/assessments/tiny.yaml: field "dimensionAdvice.outcomes": expected advice for every dimension: add "outcomes: { low: …, chapters: […] }" under dimensionAdvice; given nothing (the field is missing)."
    `);
  });

  test('markup in text and a link outside the site', () => {
    expect(
      messageFor((d) => {
        Object.assign(d, { intro: 'Read **this** first.', links: [{ label: 'Calculator', href: 'https://example.com/calculator/' }] });
      }),
    ).toMatchInlineSnapshot(`
      "src/content/assessments/tiny.yaml: field "intro": expected plain text without markdown or HTML (leave out * \` [ ] < > and a leading #); given "Read **this** first.".
      src/content/assessments/tiny.yaml: field "links.0.href": expected a path inside the site starting with a single /, e.g. /calculator/; given "https://example.com/calculator/"."
    `);
  });

  test('text that is not YAML, and YAML that is not an object', () => {
    expect(messageOfText(FILE, 'title: [unclosed')).toMatchInlineSnapshot(
      `"src/content/assessments/tiny.yaml: the file: expected valid YAML; given text that cannot be read as YAML (Flow sequence in block collection must be sufficiently indented and end with a ] at line 1, column 17)."`,
    );
    expect(messageOfText(FILE, '- just\n- a list\n')).toMatchInlineSnapshot(
      `"src/content/assessments/tiny.yaml: the file: expected an object; given a list of 2 items."`,
    );
    expect(messageOfText(FILE, '')).toMatchInlineSnapshot(`"src/content/assessments/tiny.yaml: the file: expected an object; given null."`);
    expect(parseAssessmentFile(FILE, 'title: [unclosed')).toMatchObject({ ok: false, problems: [{ code: 'not_parseable', field: '' }] });
  });

  test('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        const outcome = parseAssessmentFile('x.yaml', text);
        expect(typeof outcome.ok).toBe('boolean');
      }),
    );
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...Array.from(
        { length: 9 },
        (_, i) =>
          `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [*${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}, *${String.fromCharCode(97 + i)}]`,
      ),
    ].join('\n');
    expect(parseAssessmentFile('x.yaml', bomb).ok).toBe(false);
    expect(parseAssessmentFile('x.yaml', '__proto__:\n  polluted: true\n').ok).toBe(false);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('chapter references', () => {
  test('lists every chapter an assessment names, where it names it, bands first', () => {
    const assessment = parsedTiny((d) => {
      d.bands[0] = { ...d.bands[0], chapters: ['owning-your-pipeline', 'owning-the-pipeline'] };
      d.dimensionAdvice['targets'] = { low: 'Write a list.', chapters: ['target-lists'] };
    });
    expect(chapterReferences(assessment)).toEqual([
      { field: 'bands.0.chapters.0', chapter: 'owning-your-pipeline' },
      { field: 'bands.0.chapters.1', chapter: 'owning-the-pipeline' },
      { field: 'dimensionAdvice.routine.chapters.0', chapter: 'weekly-prospecting-routine' },
      { field: 'dimensionAdvice.targets.chapters.0', chapter: 'target-lists' },
    ]);
    expect(unknownChapters(assessment, OUTLINE_CHAPTERS).map((r) => r.chapter)).toEqual(['owning-the-pipeline', 'target-lists']);
  });

  test('finds nothing missing when every chapter exists', () => {
    expect(unknownChapters(parsedTiny(), OUTLINE_CHAPTERS)).toEqual([]);
  });
});

describe('the default assessments', () => {
  const folder = fileURLToPath(new URL('../../../src/content/assessments/', import.meta.url));
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.yaml'))
    .sort();

  test('are the four of the content outline', () => {
    expect(files).toEqual(['build-buy-or-full-cycle.yaml', 'first-conversations.yaml', 'prospecting-habits.yaml', 'prospecting-optional.yaml']);
  });

  test.each([
    ['prospecting-habits.yaml', 'rep'],
    ['first-conversations.yaml', 'rep'],
    ['prospecting-optional.yaml', 'leader'],
    ['build-buy-or-full-cycle.yaml', 'leader'],
  ])('%s parses, fits the brief and recommends only outline chapters', (file, audience) => {
    const outcome = parseAssessmentFile(`src/content/assessments/${file}`, readFileSync(`${folder}${file}`, 'utf8'));
    if (!outcome.ok) throw new Error(formatProblems(file, outcome.problems));
    const assessment = outcome.value;
    expect(assessment.audience).toBe(audience);
    expect(assessment.questions.length).toBeGreaterThanOrEqual(8);
    expect(assessment.questions.length).toBeLessThanOrEqual(15);
    expect(assessment.dimensions.length).toBeGreaterThanOrEqual(3);
    expect(assessment.dimensions.length).toBeLessThanOrEqual(4);
    expect(assessment.bands.length).toBeGreaterThanOrEqual(3);
    expect(assessment.bands.length).toBeLessThanOrEqual(4);
    expect(new Set(assessment.questions.map((q) => q.kind))).toEqual(new Set(['single', 'agreement']));
    expect(unknownChapters(assessment, OUTLINE_CHAPTERS)).toEqual([]);
  });

  test('build-buy-or-full-cycle links to the calculator', () => {
    const outcome = parseAssessmentFile('build-buy-or-full-cycle.yaml', readFileSync(`${folder}build-buy-or-full-cycle.yaml`, 'utf8'));
    expect(outcome.ok && outcome.value.links?.map((l) => l.href)).toEqual(['/calculator/', '/calculator/methodology/']);
  });
});
