import { describe, expect, test } from 'vitest';
import { buildPlaybookIndex, neighbours, readingMinutes, relatedChapters, type ChapterInfo, type SectionInfo } from '../../../src/playbook/navigation.ts';

const section = (id: string, order: number, title = id): SectionInfo => ({ id, order, title, summary: '' });
const chapter = (id: string, sectionId: string, order: number, related: string[] = [], title = id): ChapterInfo => ({
  id,
  title,
  description: '',
  section: sectionId,
  order,
  audience: 'both',
  related,
  readingMinutes: 1,
});

// Given in scrambled order on purpose: file-system order must not matter.
const index = buildPlaybookIndex(
  [section('practice', 2), section('basics', 1), section('empty', 3)],
  [
    chapter('habits', 'practice', 1),
    chapter('second', 'basics', 2, ['first', 'missing', 'second']),
    chapter('first', 'basics', 1, ['habits']),
    chapter('zebra', 'basics', 3, [], 'Zebra'),
    chapter('aardvark', 'basics', 3, [], 'Aardvark'),
  ],
);

describe('reading order', () => {
  test('sections by order, chapters by order inside their section, ties by title', () => {
    expect(index.sections.map((s) => s.id)).toEqual(['basics', 'practice', 'empty']);
    expect(index.readingOrder.map((c) => c.id)).toEqual(['first', 'second', 'aardvark', 'zebra', 'habits']);
    expect(index.sectionById.get('empty')?.chapters).toEqual([]);
  });

  test('positions place each chapter in the reading order and in its section, each section in the list', () => {
    expect(index.positionById.get('habits')).toEqual({ reading: 4, inSection: 0 });
    expect(index.positionById.get('aardvark')).toEqual({ reading: 2, inSection: 2 });
    expect(index.positionById.get('nope')).toBeUndefined();
    expect([...index.sectionPositionById]).toEqual([
      ['basics', 0],
      ['practice', 1],
      ['empty', 2],
    ]);
  });

  test.each([
    ['first', undefined, 'second'],
    ['zebra', 'aardvark', 'habits'], // next crosses into the next section
    ['habits', 'zebra', undefined],
    ['nope', undefined, undefined],
  ])('neighbours of %s: previous %s, next %s', (id, previous, next) => {
    const n = neighbours(index, id);
    expect(n.previous?.id).toBe(previous);
    expect(n.next?.id).toBe(next);
  });

  test('related chapters keep the author’s order and skip missing ids and the chapter itself', () => {
    expect(relatedChapters(index, 'second').map((c) => c.id)).toEqual(['first']);
    expect(relatedChapters(index, 'first').map((c) => c.id)).toEqual(['habits']);
    expect(relatedChapters(index, 'unknown')).toEqual([]);
  });
});

describe('reading time', () => {
  test.each([
    ['', 1],
    ['word '.repeat(220), 1],
    ['word '.repeat(660), 3],
    // Component tags and markdown punctuation are not words.
    [`<KeyTakeaways>\n\n${'- point\n'.repeat(440)}\n</KeyTakeaways>`, 2],
    [`---\ntitle: ${'x '.repeat(1000)}\n---\n${'word '.repeat(440)}`, 2],
  ])('%# → %i min', (body, minutes) => {
    expect(readingMinutes(body)).toBe(minutes);
  });
});
