import { describe, expect, test } from 'vitest';
import type { z } from 'astro/zod';
import { ChapterSchema } from '../../../src/playbook/schemas/chapter.ts';
import { GlossaryTermSchema } from '../../../src/playbook/schemas/glossary.ts';
import { OnboardingPathSchema } from '../../../src/playbook/schemas/onboarding-path.ts';
import { SectionSchema } from '../../../src/playbook/schemas/section.ts';
import { SiteSettingsSchema } from '../../../src/playbook/schemas/site.ts';
import { formatProblems } from '../../../src/common/problems.ts';
import { problemsFromZod } from '../../../src/common/zod-problems.ts';

/** The message the build prints for `data` in `file`, or '' when the data is valid. */
function messageFor(schema: z.ZodType, file: string, data: unknown): string {
  const result = schema.safeParse(data);
  return result.success ? '' : formatProblems(file, problemsFromZod(result.error, data));
}

const chapter = { title: 'Leads are not targets', description: 'Why.', section: 'foundations', order: 1, audience: 'rep' };

describe('chapter frontmatter', () => {
  test('valid frontmatter gets defaults for audience, related and draft', () => {
    expect(ChapterSchema.parse({ title: 'T', description: 'D', section: 's', order: 0 })).toEqual({
      title: 'T',
      description: 'D',
      section: 's',
      order: 0,
      audience: 'both',
      related: [],
      draft: false,
    });
  });

  test('an unknown audience names the file, field, allowed values and what was given', () => {
    expect(messageFor(ChapterSchema, 'src/content/playbook/leads.mdx', { ...chapter, audience: 'everyone' })).toMatchInlineSnapshot(
      `"src/content/playbook/leads.mdx: field "audience": expected one of rep, leader, both; given "everyone"."`,
    );
  });

  test('a missing title and a text order are both reported', () => {
    expect(messageFor(ChapterSchema, 'src/content/playbook/leads.mdx', { ...chapter, title: undefined, order: 'first' })).toMatchInlineSnapshot(`
      "src/content/playbook/leads.mdx: field "title": expected text; given nothing (the field is missing).
      src/content/playbook/leads.mdx: field "order": expected a number; given "first"."
    `);
  });

  test('a misspelt field is rejected by name', () => {
    expect(messageFor(ChapterSchema, 'x.mdx', { ...chapter, relatd: ['a'] })).toMatchInlineSnapshot(
      `"x.mdx: field "relatd": expected no such field (it is not part of the format; check the spelling); given a list of 1 item."`,
    );
  });

  test('a description over 200 characters and a badly formed section id', () => {
    expect(messageFor(ChapterSchema, 'x.mdx', { ...chapter, description: 'd'.repeat(201), section: 'First Conversations' })).toMatchInlineSnapshot(`
      "x.mdx: field "description": expected text of at most 200 characters; given "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd…".
      x.mdx: field "section": expected lowercase-kebab-case id, e.g. "leads-versus-targets"; given "First Conversations"."
    `);
  });

  test('a related entry of the wrong type names its position', () => {
    expect(messageFor(ChapterSchema, 'x.mdx', { ...chapter, related: ['ok', 3] })).toMatchInlineSnapshot(`"x.mdx: field "related.1": expected text; given 3."`);
  });
});

describe('sections, glossary, site settings and paths', () => {
  test('a section without an order', () => {
    expect(messageFor(SectionSchema, 'src/content/sections/basics.yaml', { title: 'Basics', summary: 'S' })).toMatchInlineSnapshot(
      `"src/content/sections/basics.yaml: field "order": expected a number; given nothing (the field is missing)."`,
    );
  });

  test('a glossary term with an empty definition', () => {
    expect(messageFor(GlossaryTermSchema, 'src/content/glossary/sdr.yaml', { term: 'SDR', definition: '' })).toMatchInlineSnapshot(
      `"src/content/glossary/sdr.yaml: field "definition": expected text of at least 1 character; given ""."`,
    );
  });

  test.each([
    [{ accentColor: 'blue' }, 'accentColor', 'a 6-digit hex colour such as "#1d4ed8"'],
    [{ currency: 'usd' }, 'currency', 'a 3-letter ISO 4217 code such as "USD" or "EUR"'],
    [{ locale: 'not a locale!' }, 'locale', 'a BCP 47 locale such as "en-US" or "de-DE"'],
    [{ logo: '../secret.svg' }, 'logo', 'a file name inside public/ (no "..")'],
  ])('site settings %o: field %s expects %s', (override, field, expected) => {
    const message = messageFor(SiteSettingsSchema, 'src/content/site.yaml', { name: 'N', tagline: 'T', ...override });
    expect(message).toContain(`field "${field}": expected ${expected}; given`);
  });

  test('a path step of an unknown kind lists the kinds', () => {
    const data = { title: 'P', audience: 'rep', order: 1, summary: 'S', steps: [{ kind: 'video', description: 'd' }] };
    expect(messageFor(OnboardingPathSchema, 'src/content/paths/p.yaml', data)).toMatchInlineSnapshot(
      `"src/content/paths/p.yaml: field "steps.0.kind": expected one of chapter, assessment, check, calculator, task; given "video"."`,
    );
  });

  test('a task step needs a title', () => {
    const data = { title: 'P', audience: 'rep', order: 1, summary: 'S', steps: [{ kind: 'task', description: 'd' }] };
    expect(messageFor(OnboardingPathSchema, 'p.yaml', data)).toMatchInlineSnapshot(
      `"p.yaml: field "steps.0.title": expected text; given nothing (the field is missing)."`,
    );
  });
});

describe('path certification and check steps', () => {
  const path = { title: 'P', audience: 'rep', order: 1, summary: 'S', steps: [{ kind: 'check', ref: 'leads', description: 'Pass it.' }] };
  test('a check step and a certification block are accepted; assessments default to none', () => {
    const parsed = OnboardingPathSchema.parse({ ...path, certification: { title: 'Certified', chapters: 'all', checks: ['leads'] } });
    expect(parsed.certification).toEqual({ title: 'Certified', chapters: 'all', checks: ['leads'], assessments: [] });
  });
  test('a minimum score over 100 and a word other than all are named', () => {
    expect(
      messageFor(OnboardingPathSchema, 'p.yaml', {
        ...path,
        certification: { title: 'C', chapters: 'some', checks: 'all', assessments: [{ id: 'habits', minScore: 120 }] },
      }),
    ).toMatchInlineSnapshot(`
      "p.yaml: field "certification.chapters": expected the word all, or a list of chapter ids; given "some".
      p.yaml: field "certification.assessments.0.minScore": expected a number of at most 100; given 120."
    `);
  });
});
