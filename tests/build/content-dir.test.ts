// Builds the small fixture playbook from a folder outside src/content (as a team's own content
// repository would be) and checks what authors see when their content is wrong.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { formatProblems } from '../../src/common/problems.ts';
import { parseAssessmentFile } from '../../src/loaders/assessment-file.ts';

const work = mkdtempSync(join(tmpdir(), 'pb-content-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Copies the fixture playbook, applies `edit`, builds it; returns the exit code, output and site folder. */
function buildFixture(name: string, edit: (dir: string) => void = () => {}) {
  const content = join(work, name, 'content');
  cpSync(resolve('tests/fixtures/content'), content, { recursive: true });
  edit(content);
  return buildAgain(name);
}

/** Builds the content folder of an earlier `buildFixture(name)` again, into the same site folder and on the same cache. */
function buildAgain(name: string) {
  const content = join(work, name, 'content');
  const out = join(work, name, 'dist');
  const result = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: out, ASTRO_CACHE_DIR: join(work, name, 'cache'), ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: '/' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, ''), out, content };
}

const replaceIn = (file: string, from: string, to: string) => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));

/** A small self-assessment for the fixture playbook; its bands recommend `chapters`. */
const assessmentYaml = (id: string, chapters: string[]) => `id: ${id}
title: Fixture check
audience: rep
intro: Two questions.
minutes: 2
dimensions:
  - { id: habits, title: Habits, description: How often. }
questions:
  - { id: often, dimension: habits, kind: single, prompt: How often?, options: [{ label: Never, score: 0 }, { label: Daily, score: 2 }] }
  - { id: plan, dimension: habits, kind: agreement, prompt: I plan my week. }
bands:
  - { from: 0, to: 49, label: Low, summary: Low., chapters: [${chapters.join(', ')}] }
  - { from: 50, to: 100, label: High, summary: High. }
dimensionAdvice:
  habits: { low: Practise daily., chapters: [daily-habits] }
`;

/** Adds `assessments/<file>` with `text` to a content folder. */
const addAssessment = (dir: string, file: string, text: string) => {
  mkdirSync(join(dir, 'assessments'), { recursive: true });
  writeFileSync(join(dir, 'assessments', file), text);
};

describe('CONTENT_DIR builds', () => {
  test('a content folder outside the repository builds into a full site, without drafts, and without a warning for the folders it leaves out', () => {
    const { status, out, output, content } = buildFixture('valid');
    expect(status, output).toBe(0);
    // No assessments, knowledge checks or objections: optional, so the build says nothing about them.
    expect(['assessments', 'checks', 'objections'].filter((name) => existsSync(join(content, name)))).toEqual([]);
    expect(output.split('\n').filter((line) => line.includes('[WARN]'))).toEqual([]);
    const home = readFileSync(join(out, 'index.html'), 'utf8');
    expect(home).toContain('Fixture Playbook');
    expect(home).toContain('lang="en-GB"');
    expect(existsSync(join(out, 'chapters/first-steps/index.html'))).toBe(true);
    expect(existsSync(join(out, 'chapters/unfinished/index.html'))).toBe(false);
    // The header links only to the parts the content has; an empty part's page says it is empty.
    const mainNav = /<nav class="site-nav" aria-label="Main">([\s\S]*?)<\/nav>/.exec(home)?.[1] ?? '';
    expect([...mainNav.matchAll(/>([^<>]+)<\/a>/g)].map((m) => m[1]!.trim())).toEqual(['Playbook', 'Paths', 'Calculator', 'Glossary']);
    expect(readFileSync(join(out, 'objections/index.html'), 'utf8')).toContain('This playbook has no objections yet.');
    // The calculator falls back to the generator's defaults when the folder has none.
    // The accent from the folder's site settings reaches the stylesheet every page links first.
    const firstStylesheet = /<link rel="stylesheet" href="\/([^"]+)">/.exec(readFileSync(join(out, 'index.html'), 'utf8'))?.[1] ?? '';
    expect(readFileSync(join(out, firstStylesheet), 'utf8')).toContain('--accent-light:#0f766e');
  });

  test('a required folder that is missing fails the build naming it', () => {
    const { status, output, content } = buildFixture('no-chapters', (dir) => rmSync(join(dir, 'playbook'), { recursive: true }));
    expect(status).not.toBe(0);
    expect(output).toContain(
      `Missing content folder: ${join(content, 'playbook')} (every playbook needs its playbook/ folder, even with one file in it; src/content/playbook shows the layout).`,
    );
  });

  test('an optional folder removed since the last build leaves nothing of it behind, quietly', () => {
    const objection = `objection: "Send me an email."
category: brush-off
behind: Often a polite way to end the call.
response: Agree, and ask one question that makes the email worth opening.
exchange:
  - { speaker: buyer, line: "Just send me an email." }
  - { speaker: rep, line: "Will do. What should it cover so it's worth your time?" }
chapter: first-steps
`;
    const first = buildFixture('objections-removed', (dir) => {
      mkdirSync(join(dir, 'objections'));
      writeFileSync(join(dir, 'objections', 'send-me-an-email.yaml'), objection);
    });
    expect(first.status, first.output).toBe(0);
    expect(readFileSync(join(first.out, 'objections/index.html'), 'utf8')).toContain('Send me an email.');
    rmSync(join(first.content, 'objections'), { recursive: true });
    const again = buildAgain('objections-removed');
    expect(again.status, again.output).toBe(0);
    expect(readFileSync(join(again.out, 'objections/index.html'), 'utf8')).not.toContain('Send me an email.');
    expect(again.output.split('\n').filter((line) => line.includes('[WARN]'))).toEqual([]);
  });

  test('invalid frontmatter fails the build naming the file, field, expected and given', () => {
    const { status, output, content } = buildFixture('invalid-field', (dir) =>
      replaceIn(join(dir, 'playbook/first-steps.mdx'), 'audience: rep', 'audience: everybody'),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(`${join(content, 'playbook/first-steps.mdx')}: field "audience": expected one of rep, leader, both; given "everybody".`);
  });

  test('a chapter in a section that does not exist fails the build naming both ends', () => {
    const { status, output } = buildFixture('missing-section', (dir) =>
      replaceIn(join(dir, 'playbook/daily-habits.mdx'), 'section: practice', 'section: pratice'),
    );
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /playbook\/daily-habits\.mdx: field "section" refers to section "pratice", which does not exist \(expected .*sections\/pratice\.yaml\)\. Known sections: basics, practice\./,
    );
  });

  test('a related chapter, a glossary term and a path step that do not exist are all reported', () => {
    const { status, output } = buildFixture('missing-refs', (dir) => {
      replaceIn(join(dir, 'playbook/first-steps.mdx'), 'related: [daily-habits]', 'related: [daily-habit]');
      replaceIn(join(dir, 'playbook/first-steps.mdx'), '<Term id="target">', '<Term id="targets">');
      replaceIn(join(dir, 'paths/starter.yaml'), 'ref: first-steps', 'ref: first-step');
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(
      /first-steps\.mdx: field "related\.0" refers to chapter "daily-habit", which does not exist \(expected .*playbook\/daily-habit\.mdx\)/,
    );
    // The line is the line of the chapter file the author opens, frontmatter included.
    const line =
      readFileSync(resolve('tests/fixtures/content/playbook/first-steps.mdx'), 'utf8')
        .split('\n')
        .findIndex((l) => l.includes('<Term id="target">')) + 1;
    expect(output).toContain(`first-steps.mdx: <Term id="targets"> (line ${line}) refers to glossary term "targets", which does not exist`);
    expect(output).toMatch(/starter\.yaml: field "steps\.0\.ref" refers to chapter "first-step", which does not exist/);
  });

  test('a broken site settings file fails the build with its YAML line', () => {
    const { status, output } = buildFixture('bad-yaml', (dir) => writeFileSync(join(dir, 'site.yaml'), 'name: A\ntagline: [unclosed\n'));
    expect(status).not.toBe(0);
    expect(output).toMatch(/site\.yaml:\d+: not valid YAML/);
  });

  test('an assessment whose id is not its file name fails the build with the message the tests pin', () => {
    const text = assessmentYaml('habits-check', ['first-steps']);
    const { status, output, content } = buildFixture('assessment-id', (dir) => addAssessment(dir, 'fixture-check.yaml', text));
    expect(status).not.toBe(0);
    const file = join(content, 'assessments/fixture-check.yaml');
    const line = `${file}: field "id": expected the file name without .yaml ("fixture-check"), so links to /assessments/fixture-check/ work; given "habits-check".`;
    expect(output).toContain(line);
    // The same check and wording as the file parser the unit tests use.
    const parsed = parseAssessmentFile(file, text);
    expect(parsed.ok ? '' : formatProblems(file, parsed.problems)).toBe(line);
  });

  test('a chapter an assessment recommends that does not exist is named in the content folder being built (CONTENT_DIR)', () => {
    const { status, output, content } = buildFixture('assessment-chapter', (dir) =>
      addAssessment(dir, 'fixture-check.yaml', assessmentYaml('fixture-check', ['first-steps', 'third-steps'])),
    );
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${join(content, 'assessments/fixture-check.yaml')}: field "bands.0.chapters.1" refers to chapter "third-steps", which does not exist (expected ${join(content, 'playbook/third-steps.mdx')}). Known chapters: daily-habits, first-steps, second-steps.`,
    );
    expect(output).not.toContain('src/content/playbook/third-steps.mdx');
  });
});
