// When a build may take the quick path (only chapters' bodies changed) and how it finds the old HTML in
// a page. The build tests (tests/build/build-skip.test.ts) check its pages against a cold build.
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { describe, expect, test } from 'vitest';
import { splitChapter, type BuildRecord, type InputState } from '../../../scripts/lib/build-fingerprint.ts';
import { headingsDigest, occurrences, planQuickRebuild, type RecordedChapter } from '../../../scripts/lib/quick-rebuild.ts';

const recorded = (id: string, file: string, head = 'head'): RecordedChapter => ({
  id,
  file,
  head,
  html: `/cache/${id}.html`,
  headings: headingsDigest([{ depth: 2, slug: 'why', text: 'Why' }]),
  readingMinutes: 3,
});

const last: BuildRecord = {
  inputs: 'in-1',
  output: 'out-1',
  code: 'code-1',
  chapters: { '/c/playbook/a.mdx': recorded('a', 'a-1'), '/c/playbook/b.mdx': recorded('b', 'b-1') },
};
const now = (changes: Partial<InputState> = {}, chapters: InputState['chapters'] = {}): InputState => ({
  inputs: 'in-2',
  code: 'code-1',
  chapters: { '/c/playbook/a.mdx': { file: 'a-1', head: 'head' }, '/c/playbook/b.mdx': { file: 'b-1', head: 'head' }, ...chapters },
  ...changes,
});

describe('whether a build can take the quick path', () => {
  test('yes, with the chapters whose bodies alone changed', () => {
    expect(planQuickRebuild(last, now({}, { '/c/playbook/b.mdx': { file: 'b-2', head: 'head' } }), 'out-1')).toEqual({
      edits: [{ path: '/c/playbook/b.mdx', last: last.chapters!['/c/playbook/b.mdx'], file: 'b-2' }],
    });
  });

  test.each([
    ['no chapters were recorded', { inputs: 'in-1', output: 'out-1' }, now(), 'out-1', 'the last build did not record its chapters'],
    ['there is no record', undefined, now(), 'out-1', 'the last build did not record its chapters'],
    [
      'the built folder changed',
      last,
      now({}, { '/c/playbook/b.mdx': { file: 'b-2', head: 'head' } }),
      'out-2',
      'the built folder is not as the last build left it',
    ],
    ['the built folder is missing', last, now(), undefined, 'the built folder is not as the last build left it'],
    ['code, settings or other content changed', last, now({ code: 'code-2' }), 'out-1', 'something besides chapters changed'],
    ['a chapter was added', last, now({}, { '/c/playbook/c.mdx': { file: 'c-1', head: 'head' } }), 'out-1', 'a chapter was added or removed'],
    ['a frontmatter changed', last, now({}, { '/c/playbook/a.mdx': { file: 'a-2', head: 'head-2' } }), 'out-1', 'the frontmatter of /c/playbook/a.mdx changed'],
    ['nothing changed in the chapters', last, now(), 'out-1', 'no chapter changed'],
  ])('no, when %s', (_what, before, state, output, reason) => {
    expect(planQuickRebuild(before, state, output)).toEqual({ reason });
  });

  test('no, when a chapter was removed and another added', () => {
    const state = now();
    delete state.chapters['/c/playbook/a.mdx'];
    state.chapters['/c/playbook/c.mdx'] = { file: 'a-1', head: 'head' };
    expect(planQuickRebuild(last, state, 'out-1')).toEqual({ reason: 'a chapter was added or removed' });
  });
});

describe('a chapter file split as the content layer reads it', () => {
  test.each([
    ['frontmatter and body', '---\ntitle: A\n---\n\nBody text.\n'],
    ['blank lines before the frontmatter', '\n\n---\ntitle: A\n---\nBody.'],
    ['a byte-order mark', '\uFEFF---\ntitle: A\n---\nBody.'],
    ['Windows line ends', '---\r\ntitle: A\r\n---\r\nBody.\r\n'],
    ['a rule in the body', '---\ntitle: A\n---\nAbove.\n\n---\n\nBelow.'],
    ['no frontmatter', 'Only a body.\n'],
  ])('%s: the body is what Astro’s MDX integration stores', (_what, text) => {
    expect(splitChapter(text).body).toBe(parseFrontmatter(text, { frontmatter: 'empty-with-spaces' }).content.trim());
  });

  test('the frontmatter part changes with the frontmatter and not with the body', () => {
    const a = splitChapter('---\ntitle: A\n---\nBody one.');
    expect(splitChapter('---\ntitle: A\n---\nBody two, longer.').head).toBe(a.head);
    expect(splitChapter('---\ntitle: B\n---\nBody one.').head).not.toBe(a.head);
  });
});

describe('finding the old HTML in a page', () => {
  test('counts whole occurrences, and never matches an empty body', () => {
    expect(occurrences('<p>a</p><p>b</p><p>a</p>', '<p>a</p>')).toBe(2);
    expect(occurrences('<p>aaa</p>', 'aa')).toBe(1);
    expect(occurrences('<p>b</p>', '<p>a</p>')).toBe(0);
    expect(occurrences('<p>b</p>', '')).toBe(Infinity);
  });

  test('the headings’ digest changes with a heading’s text, level or anchor', () => {
    const base = [{ depth: 2, slug: 'why', text: 'Why' }];
    const digest = headingsDigest(base);
    expect(headingsDigest([{ depth: 2, slug: 'why', text: 'Why' }])).toBe(digest);
    expect(headingsDigest([{ depth: 3, slug: 'why', text: 'Why' }])).not.toBe(digest);
    expect(headingsDigest([{ depth: 2, slug: 'why-1', text: 'Why' }])).not.toBe(digest);
    expect(headingsDigest([{ depth: 2, slug: 'why', text: 'Why not' }])).not.toBe(digest);
  });
});
