import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import type { z } from 'astro/zod';
import { parse } from 'yaml';
import { KnowledgeCheckSchema } from '../../../src/features/checks/schema.ts';
import { checkKnowledgeCheckReferences } from '../../../src/features/checks/references.ts';
import { formatProblems } from '../../../src/common/problems.ts';
import { problemsFromZod } from '../../../src/common/zod-problems.ts';

function messageFor(schema: z.ZodType, file: string, data: unknown): string {
  const result = schema.safeParse(data);
  return result.success ? '' : formatProblems(file, problemsFromZod(result.error, data));
}

const option = (text: string, correct: boolean) => ({
  text,
  correct,
  explanation: `Because ${text}.`,
});
const question = (id: string, kind = 'single', options = [option('a', true), option('b', false)]) => ({ id, kind, prompt: `Question ${id}?`, options });
const check = {
  chapter: 'leads-versus-targets',
  passMark: 0.8,
  questions: [question('one'), question('two'), question('three')],
};
const FILE = 'src/content/checks/leads-versus-targets.yaml';

describe('knowledge check files', () => {
  test('every check in the default content is valid', () => {
    const dir = 'src/content/checks';
    const files = readdirSync(dir).filter((f) => f.endsWith('.yaml'));
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) expect(messageFor(KnowledgeCheckSchema, f, parse(readFileSync(`${dir}/${f}`, 'utf8')))).toBe('');
  });

  test('a single-answer question with two correct options names the field and the count', () => {
    const bad = {
      ...check,
      questions: [question('one', 'single', [option('a', true), option('b', true)]), question('two'), question('three')],
    };
    expect(messageFor(KnowledgeCheckSchema, FILE, bad)).toMatchInlineSnapshot(
      `"src/content/checks/leads-versus-targets.yaml: field "questions.0.options": expected exactly one option with "correct: true" for a single-answer question (2 are marked correct); given a list of 2 items."`,
    );
  });

  test('a multiple-answer question with no correct option is refused', () => {
    const bad = {
      ...check,
      questions: [question('one', 'multiple', [option('a', false), option('b', false)]), question('two'), question('three')],
    };
    expect(messageFor(KnowledgeCheckSchema, FILE, bad)).toContain('field "questions.0.options": expected at least one option with "correct: true"');
  });

  test.each([
    [{ ...check, passMark: 0.3 }, 'field "passMark": expected a number of at least 0.5; given 0.3.'],
    [{ ...check, questions: [question('one'), question('two')] }, 'field "questions": expected a list of at least 3 items; given a list of 2 items.'],
    [
      {
        ...check,
        questions: [question('one'), question('one'), question('three')],
      },
      'field "questions.1.id": expected an id not used by another question in this file; given "one".',
    ],
    [
      {
        ...check,
        questions: [{ ...question('one'), kind: 'many' }, question('two'), question('three')],
      },
      'field "questions.0.kind": expected one of single, multiple; given "many".',
    ],
    [
      {
        ...check,
        questions: [
          {
            ...question('one'),
            options: [{ text: 'a', correct: true }, option('b', false)],
          },
          question('two'),
          question('three'),
        ],
      },
      'field "questions.0.options.0.explanation": expected text; given nothing (the field is missing).',
    ],
  ])('names file, field, expectation and value (%#)', (data, message) => {
    expect(messageFor(KnowledgeCheckSchema, FILE, data)).toBe(`${FILE}: ${message}`);
  });
});

describe('check references', () => {
  const chapters = new Set(['leads-versus-targets']);
  test('a check for a chapter that does not exist names the missing chapter file', () => {
    expect(
      checkKnowledgeCheckReferences(
        [
          {
            id: 'cold-calls',
            file: 'checks/cold-calls.yaml',
            chapter: 'cold-calls',
          },
        ],
        chapters,
        'playbook',
      ),
    ).toEqual([
      'checks/cold-calls.yaml: field "chapter": expected the id of an existing chapter (playbook/cold-calls.mdx does not exist); given "cold-calls".',
    ]);
  });
  test('a check whose chapter differs from its file name is refused', () => {
    expect(checkKnowledgeCheckReferences([{ id: 'a', file: 'checks/a.yaml', chapter: 'leads-versus-targets' }], chapters, 'playbook')[0]).toContain(
      'expected the file name without .yaml ("a")',
    );
  });
  test('a valid check passes', () => {
    expect(
      checkKnowledgeCheckReferences(
        [
          {
            id: 'leads-versus-targets',
            file: 'x',
            chapter: 'leads-versus-targets',
          },
        ],
        chapters,
        'playbook',
      ),
    ).toEqual([]);
  });
});
