import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The site's type scale (src/styles/tokens.css) is the only source of text sizes on screen, and text
 * comes in three weights. Each extra size or weight is one more font the browser prepares while it
 * lays a page out (on the calculator page, 32 size-and-weight pairs cost about a third of its layout
 * time before they were brought onto the scale), and a page set in a few sizes reads as one design.
 */
const ROOT = join(import.meta.dirname, '../../..');
const SRC = join(ROOT, 'src');

/** Every stylesheet and every component's style block, with its path for the message. */
function styleSources(dir: string): { file: string; css: string }[] {
  const found: { file: string; css: string }[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...styleSources(path));
    else if (entry.name.endsWith('.css')) found.push({ file: relative(ROOT, path), css: readFileSync(path, 'utf8') });
    else if (entry.name.endsWith('.astro')) {
      const blocks = [...readFileSync(path, 'utf8').matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '');
      if (blocks.length) found.push({ file: relative(ROOT, path), css: blocks.join('\n') });
    }
  }
  return found;
}

/** The charts' text is sized in the SVG's own units (it scales with the chart), not in the page's type. */
const SVG_UNITS = new Set(['src/features/calculator/charts.css']);

/** A size on the scale, relative to its parent (em, %), inherited, zero, or in points (print only). */
const SCALE_SIZE = /^(var\(--text-(xs|sm|md|lg|xl|2xl|3xl)\)|[\d.]+(em|%)|inherit|0|[\d.]+pt)$/;
const WEIGHTS = new Set(['400', '600', '700', 'normal', 'bold', 'inherit']);

const sources = styleSources(SRC);

describe('type scale', () => {
  test('the stylesheets are found', () => {
    expect(sources.some((s) => s.file === 'src/styles/tokens.css')).toBe(true);
    expect(sources.length).toBeGreaterThan(10);
  });

  test('every font size on screen comes from the scale', () => {
    const off = sources
      .filter((s) => !SVG_UNITS.has(s.file))
      .flatMap(({ file, css }) => [...css.matchAll(/font-size:\s*([^;}]+)/g)].map((m) => ({ file, value: (m[1] ?? '').trim() })))
      .filter(({ value }) => !SCALE_SIZE.test(value))
      .map(({ file, value }) => `${file}: font-size ${value}`);
    expect(off).toEqual([]);
  });

  test('text comes in three weights', () => {
    const off = sources
      .flatMap(({ file, css }) => [...css.matchAll(/font-weight:\s*([^;}]+)/g)].map((m) => ({ file, value: (m[1] ?? '').trim() })))
      .filter(({ value }) => !WEIGHTS.has(value))
      .map(({ file, value }) => `${file}: font-weight ${value}`);
    expect(off).toEqual([]);
  });
});
