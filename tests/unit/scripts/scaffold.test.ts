import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { ChapterSchema } from '../../../src/playbook/schemas/chapter.ts';
import { GlossaryTermSchema } from '../../../src/playbook/schemas/glossary.ts';
import { SectionSchema } from '../../../src/playbook/schemas/section.ts';
import { slugify } from '../../../scripts/lib/scaffold.ts';

test.each([
  ['Handling the first objection', 'handling-the-first-objection'],
  ['  Café & Crème: 2 ways!  ', 'cafe-creme-2-ways'],
  ['SDR → AE hand-offs', 'sdr-ae-hand-offs'],
  ['!!!', ''],
])('slugify(%o) → %o', (title, id) => expect(slugify(title)).toBe(id));

describe('npm run new', () => {
  const dir = mkdtempSync(join(tmpdir(), 'pb-new-'));
  cpSync(resolve('tests/fixtures/content'), dir, { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [resolve('scripts/new.ts'), ...args], { env: { ...process.env, CONTENT_DIR: dir }, encoding: 'utf8' });

  test('creates a valid draft chapter at the end of its section', () => {
    const result = run('chapter', 'Handling the first objection', '--section', 'basics', '--audience', 'rep');
    expect(result.status, result.stderr).toBe(0);
    const text = readFileSync(join(dir, 'playbook/handling-the-first-objection.mdx'), 'utf8');
    const data = ChapterSchema.parse(parse(/^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? ''));
    expect(data).toMatchObject({ section: 'basics', order: 3, audience: 'rep', draft: true });
  });

  test('creates valid section and term files', () => {
    expect(run('section', 'Working with marketing').status).toBe(0);
    expect(SectionSchema.parse(parse(readFileSync(join(dir, 'sections/working-with-marketing.yaml'), 'utf8')))).toMatchObject({ order: 3 });
    expect(run('term', 'Pipeline coverage').status).toBe(0);
    expect(GlossaryTermSchema.parse(parse(readFileSync(join(dir, 'glossary/pipeline-coverage.yaml'), 'utf8'))).term).toBe('Pipeline coverage');
  });

  test('refuses an unknown section, naming the ones that exist, and never overwrites', () => {
    const unknown = run('chapter', 'X', '--section', 'nope');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toContain('There is no section "nope". Sections: basics, practice');
    const again = run('term', 'Target');
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/target\.yaml already exists/);
  });
});
