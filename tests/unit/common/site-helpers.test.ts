import { describe, expect, test } from 'vitest';
import { contrast, readableAccent } from '../../../src/common/colour.ts';
import { parseExcerpt } from '../../../src/components/search-excerpt.ts';
import { nextTheme, parseTheme } from '../../../src/components/theme.ts';
import { normaliseBase, siteUrl, withBase } from '../../../src/common/urls.ts';

describe('base paths', () => {
  test.each([
    [undefined, '/'],
    ['', '/'],
    ['/', '/'],
    ['sales/playbook', '/sales/playbook/'],
    ['/sales/playbook/', '/sales/playbook/'],
    ['//sales//', '/sales/'],
  ])('BASE_PATH %o → %s', (given, expected) => expect(normaliseBase(given)).toBe(expected));

  test.each([
    ['/', '', '/'],
    ['/', 'chapters/x/', '/chapters/x/'],
    ['/sales/playbook/', '/chapters/x/', '/sales/playbook/chapters/x/'],
    ['/sales/playbook', 'glossary/#sdr', '/sales/playbook/glossary/#sdr'],
  ])('withBase(%s, %s) → %s', (base, path, expected) => expect(withBase(base, path)).toBe(expected));

  test('siteUrl adds the base path the site is built for', () => {
    expect(siteUrl()).toBe(withBase(import.meta.env.BASE_URL));
    expect(siteUrl('chapters/x/')).toBe(withBase(import.meta.env.BASE_URL, 'chapters/x/'));
  });
});

describe('accent colours', () => {
  test('WCAG contrast of black on white is 21 and of a colour with itself is 1', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#1d4ed8', '#1d4ed8')).toBe(1);
  });

  test.each(['#1d4ed8', '#ffcc00', '#00ff00', '#777777', '#0f766e'])('accent %s is made readable as text on light and dark', (accent) => {
    expect(contrast(readableAccent(accent, '#ffffff'), '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrast(readableAccent(accent, '#14161b'), '#14161b')).toBeGreaterThanOrEqual(4.5);
  });

  test('an accent that already passes is left as it is', () => {
    expect(readableAccent('#1d4ed8', '#ffffff')).toBe('#1d4ed8');
  });
});

describe('search excerpts', () => {
  test('highlights become separate parts and entities are decoded, not parsed', () => {
    expect(parseExcerpt('a <mark>lead</mark> is &lt;b&gt;not&lt;/b&gt; a <mark>target</mark>')).toEqual([
      { text: 'a ', highlight: false },
      { text: 'lead', highlight: true },
      { text: ' is <b>not</b> a ', highlight: false },
      { text: 'target', highlight: true },
    ]);
  });

  test('stray tags are dropped, so nothing from the index can become markup', () => {
    expect(parseExcerpt('<img src=x onerror=alert(1)>hi')).toEqual([{ text: 'hi', highlight: false }]);
  });
});

describe('theme choice', () => {
  test.each([
    ['light', 'light'],
    ['dark', 'dark'],
    ['system', 'system'],
    [null, 'system'],
    ['<script>', 'system'],
  ])('stored %o reads as %s', (stored, choice) => expect(parseTheme(stored)).toBe(choice));

  test('the toggle cycles system → light → dark → system', () => {
    expect([nextTheme('system'), nextTheme('light'), nextTheme('dark')]).toEqual(['light', 'dark', 'system']);
  });
});
