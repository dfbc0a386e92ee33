import { describe, expect, test } from 'vitest';
import { checkReferences, termReferences, type ReferenceGraph } from '../../../src/playbook/references.ts';

type Step = ReferenceGraph['paths'][number]['steps'][number];

/** A small playbook whose references all resolve; each test breaks one thing. */
function graph(over: Partial<ReferenceGraph> = {}): ReferenceGraph {
  return {
    sections: [{ id: 'basics', file: 'content/sections/basics.yaml' }],
    chapters: [
      {
        id: 'first-steps',
        file: 'content/playbook/first-steps.mdx',
        section: 'basics',
        related: ['second-steps'],
        body: 'Read about <Term id="cadence">cadence</Term>.',
      },
      { id: 'second-steps', file: 'content/playbook/second-steps.mdx', section: 'basics', related: [], body: '' },
    ],
    glossary: [{ id: 'cadence', file: 'content/glossary/cadence.yaml', related: ['first-steps'] }],
    paths: [
      {
        id: 'starter',
        file: 'content/paths/starter.yaml',
        steps: [{ kind: 'chapter', ref: 'first-steps' }, { kind: 'assessment', ref: 'habits' }, { kind: 'calculator' }, { kind: 'task' }],
      },
    ],
    assessments: [{ id: 'habits', file: 'content/assessments/habits.yaml' }],
    folders: { sections: 'content/sections', playbook: 'content/playbook', glossary: 'content/glossary', assessments: 'content/assessments' },
    ...over,
  };
}

const withSteps = (...steps: Step[]): Partial<ReferenceGraph> => ({ paths: [{ id: 'starter', file: 'content/paths/starter.yaml', steps }] });

describe('path steps', () => {
  test('a playbook whose references all resolve has no problems', () => {
    expect(checkReferences(graph())).toEqual([]);
  });

  test('a step pointing at a missing chapter names the path file, the step and the file it expected', () => {
    expect(checkReferences(graph(withSteps({ kind: 'chapter', ref: 'first-steps' }, { kind: 'chapter', ref: 'third-steps' })))).toMatchInlineSnapshot(`
      [
        "content/paths/starter.yaml: field "steps.1.ref" refers to chapter "third-steps", which does not exist (expected content/playbook/third-steps.mdx). Known chapters: first-steps, second-steps.",
      ]
    `);
  });

  test('a step pointing at a missing assessment names the path file, the step and the file it expected', () => {
    expect(checkReferences(graph(withSteps({ kind: 'assessment', ref: 'first-conversations' })))).toMatchInlineSnapshot(`
      [
        "content/paths/starter.yaml: field "steps.0.ref" refers to assessment "first-conversations", which does not exist (expected content/assessments/first-conversations.yaml). Known assessments: habits.",
      ]
    `);
  });

  test('with no assessments at all, the message says so', () => {
    expect(checkReferences(graph({ assessments: [] }))).toMatchInlineSnapshot(`
      [
        "content/paths/starter.yaml: field "steps.1.ref" refers to assessment "habits", which does not exist (expected content/assessments/habits.yaml). Known assessments: (none).",
      ]
    `);
  });

  test.each<[string, Step]>([
    ['a chapter id used as an assessment', { kind: 'assessment', ref: 'first-steps' }],
    ['an assessment id used as a chapter', { kind: 'chapter', ref: 'habits' }],
  ])('%s is caught: kinds are not interchangeable', (_name, step) => {
    expect(checkReferences(graph(withSteps(step)))).toHaveLength(1);
  });

  test('calculator and task steps point at nothing to check', () => {
    expect(checkReferences(graph(withSteps({ kind: 'calculator' }, { kind: 'task' })))).toEqual([]);
  });

  test('every broken step of every path is reported, in order', () => {
    const paths: ReferenceGraph['paths'] = [
      {
        id: 'a',
        file: 'a.yaml',
        steps: [
          { kind: 'chapter', ref: 'gone' },
          { kind: 'assessment', ref: 'gone' },
        ],
      },
      { id: 'b', file: 'b.yaml', steps: [{ kind: 'task' }, { kind: 'chapter', ref: 'also-gone' }] },
    ];
    expect(checkReferences(graph({ paths })).map((p) => p.split(' refers')[0])).toEqual([
      'a.yaml: field "steps.0.ref"',
      'a.yaml: field "steps.1.ref"',
      'b.yaml: field "steps.1.ref"',
    ]);
  });
});

describe('chapters and glossary', () => {
  test('a chapter in a missing section', () => {
    const chapters = [{ id: 'first-steps', file: 'content/playbook/first-steps.mdx', section: 'advanced', related: [], body: '' }];
    expect(checkReferences(graph({ chapters, glossary: [], paths: [] }))).toMatchInlineSnapshot(`
      [
        "content/playbook/first-steps.mdx: field "section" refers to section "advanced", which does not exist (expected content/sections/advanced.yaml). Known sections: basics.",
      ]
    `);
  });

  test('a related chapter that does not exist', () => {
    const chapters = [{ id: 'first-steps', file: 'content/playbook/first-steps.mdx', section: 'basics', related: ['first-steps', 'nope'], body: '' }];
    expect(checkReferences(graph({ chapters, glossary: [], paths: [] }))).toMatchInlineSnapshot(`
      [
        "content/playbook/first-steps.mdx: field "related.1" refers to chapter "nope", which does not exist (expected content/playbook/nope.mdx). Known chapters: first-steps.",
      ]
    `);
  });

  test.each([
    ['counted from the body when the body start is unknown', undefined, 3],
    ['counted from the top of the file when the body starts on line 9', 9, 11],
  ])('a <Term> for a missing glossary entry: line %s', (_name, bodyStartLine, line) => {
    const body = 'Intro.\n\nSee <Term id="cadence">cadence</Term> and <Term id=\'sdr\'>SDRs</Term>.';
    const chapter = {
      id: 'first-steps',
      file: 'content/playbook/first-steps.mdx',
      section: 'basics',
      related: [],
      body,
      ...(bodyStartLine ? { bodyStartLine } : {}),
    };
    expect(checkReferences(graph({ chapters: [chapter], paths: [], glossary: [{ id: 'cadence', file: 'g.yaml', related: [] }] }))).toEqual([
      `content/playbook/first-steps.mdx: <Term id="sdr"> (line ${line}) refers to glossary term "sdr", which does not exist (expected content/glossary/sdr.yaml).`,
    ]);
  });

  test('a <Term> found when the chapter was rendered is reported at the file line it was found on', () => {
    const body = '\n'.repeat(8) + 'Intro.\n\nSee <Term id="cadence">cadence</Term> and <Term id=\'sdr\'>SDRs</Term>.';
    const terms = termReferences(body);
    expect(terms).toEqual([
      { id: 'cadence', line: 11 },
      { id: 'sdr', line: 11 },
    ]);
    const chapter = { id: 'first-steps', file: 'content/playbook/first-steps.mdx', section: 'basics', related: [], terms, bodyStartLine: 5 };
    expect(checkReferences(graph({ chapters: [chapter], paths: [], glossary: [{ id: 'cadence', file: 'g.yaml', related: [] }] }))).toEqual([
      `content/playbook/first-steps.mdx: <Term id="sdr"> (line 11) refers to glossary term "sdr", which does not exist (expected content/glossary/sdr.yaml).`,
    ]);
  });

  test('a glossary term related to a missing chapter', () => {
    const glossary = [{ id: 'cadence', file: 'content/glossary/cadence.yaml', related: ['first-steps', 'gone'] }];
    expect(checkReferences(graph({ glossary }))).toMatchInlineSnapshot(`
      [
        "content/glossary/cadence.yaml: field "related.1" refers to chapter "gone", which does not exist (expected content/playbook/gone.mdx). Known chapters: first-steps, second-steps.",
      ]
    `);
  });
});

describe('assessments', () => {
  test('a chapter an assessment recommends that does not exist names the assessment file, the field and the chapter file, like every reference', () => {
    const assessments: ReferenceGraph['assessments'] = [
      {
        id: 'habits',
        file: 'content/assessments/habits.yaml',
        chapters: [
          { field: 'bands.0.chapters.0', chapter: 'first-steps' },
          { field: 'bands.0.chapters.1', chapter: 'owning-the-pipeline' },
          { field: 'dimensionAdvice.targets.chapters.0', chapter: 'target-lists' },
        ],
      },
    ];
    expect(checkReferences(graph({ assessments }))).toMatchInlineSnapshot(`
      [
        "content/assessments/habits.yaml: field "bands.0.chapters.1" refers to chapter "owning-the-pipeline", which does not exist (expected content/playbook/owning-the-pipeline.mdx). Known chapters: first-steps, second-steps.",
        "content/assessments/habits.yaml: field "dimensionAdvice.targets.chapters.0" refers to chapter "target-lists", which does not exist (expected content/playbook/target-lists.mdx). Known chapters: first-steps, second-steps.",
      ]
    `);
  });

  test('the expected file is in the content folder the build reads, not the generator’s own', () => {
    const folders = {
      sections: '/teams/acme/content/sections',
      playbook: '/teams/acme/content/playbook',
      glossary: '/teams/acme/content/glossary',
      assessments: '/teams/acme/content/assessments',
    };
    const assessments: ReferenceGraph['assessments'] = [{ id: 'habits', file: 'habits.yaml', chapters: [{ field: 'bands.0.chapters.0', chapter: 'gone' }] }];
    expect(checkReferences(graph({ assessments, folders }))).toEqual([
      'habits.yaml: field "bands.0.chapters.0" refers to chapter "gone", which does not exist (expected /teams/acme/content/playbook/gone.mdx). Known chapters: first-steps, second-steps.',
    ]);
  });
});

describe('objections', () => {
  test('an objection pointing at a missing chapter names the objection file, the field and the file it expected', () => {
    expect(checkReferences(graph({ objections: [{ id: 'no-budget', file: 'content/objections/no-budget.yaml', chapter: 'handling-objections' }] })))
      .toMatchInlineSnapshot(`
        [
          "content/objections/no-budget.yaml: field "chapter" refers to chapter "handling-objections", which does not exist (expected content/playbook/handling-objections.mdx). Known chapters: first-steps, second-steps.",
        ]
      `);
  });

  test('an objection pointing at an existing chapter is fine', () => {
    expect(checkReferences(graph({ objections: [{ id: 'no-budget', file: 'content/objections/no-budget.yaml', chapter: 'second-steps' }] }))).toEqual([]);
  });
});
