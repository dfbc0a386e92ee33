import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import type { z } from 'astro/zod';
import { ObjectionSchema } from '../../../src/playbook/schemas/objection.ts';
import { formatProblems } from '../../../src/common/problems.ts';
import { problemsFromZod } from '../../../src/common/zod-problems.ts';

const FILE = 'src/content/objections/not-interested.yaml';

/** The message the build prints for `data` in `file`, or '' when the data is valid. */
function messageFor(schema: z.ZodType, file: string, data: unknown): string {
  const result = schema.safeParse(data);
  return result.success ? '' : formatProblems(file, problemsFromZod(result.error, data));
}

const valid = parse(readFileSync(FILE, 'utf8')) as Record<string, unknown>;
const withChange = (change: Record<string, unknown>) => ({ ...valid, ...change });
const turn = (speaker: string, line = 'Fair enough.') => ({ speaker, line });

describe('objection files', () => {
  test('a real objection file from the library is valid', () => {
    expect(messageFor(ObjectionSchema, FILE, valid)).toBe('');
    expect(ObjectionSchema.parse(valid).category).toBe('brush-off');
  });

  test('an unknown category lists the categories and names what was given', () => {
    expect(messageFor(ObjectionSchema, FILE, withChange({ category: 'price' }))).toMatchInlineSnapshot(
      `"src/content/objections/not-interested.yaml: field "category": expected one of brush-off, timing, budget, status-quo, authority, need, trust, competitor; given "price"."`,
    );
  });

  test('an exchange of one line, or of nine, is rejected', () => {
    expect(messageFor(ObjectionSchema, FILE, withChange({ exchange: [turn('buyer')] }))).toMatchInlineSnapshot(
      `"src/content/objections/not-interested.yaml: field "exchange": expected a list of at least 2 items; given a list of 1 item."`,
    );
    expect(
      messageFor(ObjectionSchema, FILE, withChange({ exchange: Array.from({ length: 9 }, (_, i) => turn(i % 2 ? 'rep' : 'buyer')) })),
    ).toMatchInlineSnapshot(`"src/content/objections/not-interested.yaml: field "exchange": expected a list of at most 8 items; given a list of 9 items."`);
  });

  test('a line by an unknown speaker, or with a misspelt field, names its position', () => {
    expect(messageFor(ObjectionSchema, FILE, withChange({ exchange: [turn('buyer'), turn('prospect')] }))).toMatchInlineSnapshot(
      `"src/content/objections/not-interested.yaml: field "exchange.1.speaker": expected one of buyer, rep; given "prospect"."`,
    );
    expect(messageFor(ObjectionSchema, FILE, withChange({ exchange: [turn('buyer'), { speaker: 'rep', text: 'Hi' }] }))).toMatchInlineSnapshot(`
      "src/content/objections/not-interested.yaml: field "exchange.1.line": expected text; given nothing (the field is missing).
      src/content/objections/not-interested.yaml: field "exchange.1.text": expected no such field (it is not part of the format; check the spelling); given "Hi"."
    `);
  });

  test('an objection over 160 characters, a missing response and a chapter that is not an id', () => {
    expect(messageFor(ObjectionSchema, FILE, withChange({ objection: 'o'.repeat(161), response: undefined, chapter: 'Handling Objections' })))
      .toMatchInlineSnapshot(`
      "src/content/objections/not-interested.yaml: field "objection": expected text of at most 160 characters; given "oooooooooooooooooooooooooooooooooooooooooooooooooooooooooooo…".
      src/content/objections/not-interested.yaml: field "response": expected text; given nothing (the field is missing).
      src/content/objections/not-interested.yaml: field "chapter": expected lowercase-kebab-case id, e.g. "leads-versus-targets"; given "Handling Objections"."
    `);
  });

  test('a field that is not part of the format is rejected by name', () => {
    expect(messageFor(ObjectionSchema, FILE, withChange({ chapters: ['handling-objections'] }))).toMatchInlineSnapshot(
      `"src/content/objections/not-interested.yaml: field "chapters": expected no such field (it is not part of the format; check the spelling); given a list of 1 item."`,
    );
  });
});
