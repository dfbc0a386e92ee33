import { describe, expect, test } from 'vitest';
import { containsWords, hitUrl, queryWords, searchStatus, similarWords, splitHits, type SearchHit } from '../../../src/components/search-results.ts';

const hit = (content: string, excerpt = '', more: Partial<SearchHit> = {}): SearchHit => ({ url: '/chapters/a/', content, excerpt, ...more });

describe('what a search found', () => {
  test.each([
    ['voicemail', 'Leave a short voicemail.', true],
    ['voicemail', 'Three voicemails with notes', true],
    ['Voicemail', 'VOICEMAIL etiquette', true],
    ['voicemail', 'Your voice matters.', false],
    ['voicemailing', 'Leave a voicemail.', false],
    ['mail', 'Leave a voicemail.', false],
    ['cold call', 'Open a cold call well', true],
    ['cold call', 'A cold email', false],
    ['', 'anything', false],
  ])('“%s” in “%s”: %s', (term, content, expected) => {
    expect(containsWords(content, queryWords(term))).toBe(expected);
  });

  test('pages with the word come first; pages Pagefind matched on a similar word are related', () => {
    const hits = [hit('Your voice.', '<mark>voice</mark>'), hit('A voicemail.', '<mark>voicemail</mark>'), hit('Voicemails.', '<mark>Voicemails</mark>')];
    const { exact, related } = splitHits(hits, queryWords('voicemail'));
    expect(exact.map((h) => h.content)).toEqual(['A voicemail.', 'Voicemails.']);
    expect(related.map((h) => h.content)).toEqual(['Your voice.']);
    expect(similarWords(related, queryWords('voicemail'))).toEqual(['voice']);
  });

  test.each([
    [{ exact: 0, related: 0, total: 0, checked: 0, shown: 10, similar: [] }, 'No results for “zebra”.'],
    [
      { exact: 0, related: 5, total: 5, checked: 5, shown: 10, similar: ['voicemail'] },
      'No page contains “zebra”. 5 related results for similar words such as “voicemail”:',
    ],
    [{ exact: 1, related: 0, total: 1, checked: 1, shown: 10, similar: [] }, '1 result for “zebra”.'],
    [
      { exact: 2, related: 3, total: 5, checked: 5, shown: 10, similar: ['zebras'] },
      '2 results for “zebra”, then 3 related results for similar words such as “zebras”.',
    ],
    [
      { exact: 8, related: 2, total: 40, checked: 10, shown: 10, similar: [] },
      '8 results for “zebra”, then 2 related results for similar words. Showing the best 10 of 40.',
    ],
  ])('the status line says what was found: %j', (found, text) => {
    expect(searchStatus('zebra', found)).toBe(text);
  });
});

describe('where a result opens', () => {
  const glossary = (locations: number[]) =>
    hit('…', '', {
      url: '/sales/playbook/glossary/',
      locations,
      anchors: [
        { element: 'h2', id: 'g', text: 'G', location: 100 },
        { element: 'dt', id: 'gatekeeper', text: 'Gatekeeper', location: 120 },
        { element: 'dt', id: 'voicemail', text: 'Voicemail', location: 480 },
        { element: 'dt', id: 'warm-call', text: 'Warm call', location: 520 },
      ],
    });

  test('a glossary result opens the term the search names, not the top of the glossary', () => {
    expect(hitUrl(glossary([130, 485, 530]), queryWords('voicemail'))).toBe('/sales/playbook/glossary/#voicemail');
    expect(hitUrl(glossary([130]), queryWords('gatekeepers'))).toBe('/sales/playbook/glossary/#gatekeeper');
  });

  test('a glossary result for a word that names no term opens the term with the most matches', () => {
    expect(hitUrl(glossary([125, 530, 535]), queryWords('dial'))).toBe('/sales/playbook/glossary/#warm-call');
  });

  test('a chapter result opens the section Pagefind found best, or the page when that is its top', () => {
    expect(hitUrl(hit('…', '', { sub_results: [{ url: '/chapters/a/#why-it-works' }] }), ['x'])).toBe('/chapters/a/#why-it-works');
    expect(hitUrl(hit('…', '', { sub_results: [{ url: '/chapters/a/' }] }), ['x'])).toBe('/chapters/a/');
    expect(hitUrl(hit('…'), ['x'])).toBe('/chapters/a/');
  });
});
