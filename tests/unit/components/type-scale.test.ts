import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * The site's type scale (src/styles/tokens.css) is the only source of text sizes on screen, and text
 * comes in three weights. Each extra size or weight is one more font the browser prepares while it
 * lays a page out (on the calculator page, 32 size-and-weight pairs cost about a third of its layout
 * time before they were brought onto the scale), and a page set in a few sizes reads as one design.
 */
const ROOT = join(import.meta.dirname, '../../..');

interface StyleSource {
  file: string;
  css: string;
}

/** Every stylesheet under src/ and every component's style blocks, with its path for the message. */
const sources: StyleSource[] = readdirSync(join(ROOT, 'src'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && /\.(css|astro)$/.test(entry.name))
  .map((entry) => {
    const path = join(entry.parentPath, entry.name);
    const text = readFileSync(path, 'utf8');
    const css = entry.name.endsWith('.css') ? text : [...text.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1] ?? '').join('\n');
    return { file: relative(ROOT, path), css };
  })
  .filter((source) => source.css !== '');

/** A size on the scale, relative to its parent (em, %), inherited, zero, or in points (print only). */
const SCALE_SIZE = /^(var\(--text-(xs|sm|md|lg|xl|2xl|3xl)\)|[\d.]+(em|%)|inherit|0|[\d.]+pt)$/;
/** The charts' SVG text is sized in the drawing's own units (it scales with the chart), not in the page's type. */
const SVG_UNITS = { file: 'src/features/calculator/charts.css', size: /^\d+px$/ };
const WEIGHTS = new Set(['400', '600', '700', 'normal', 'bold', 'inherit']);

/** Each `property: value` in the sources whose value `allowed` refuses, as "file: property value". */
function offScale(property: string, allowed: (value: string, file: string) => boolean): string[] {
  return sources.flatMap(({ file, css }) =>
    [...css.matchAll(new RegExp(`${property}:\\s*([^;}]+)`, 'g'))]
      .map((m) => (m[1] ?? '').trim())
      .filter((value) => !allowed(value, file))
      .map((value) => `${file}: ${property} ${value}`),
  );
}

describe('type scale', () => {
  test('the stylesheets are found', () => {
    expect(sources.some((s) => s.file === 'src/styles/tokens.css')).toBe(true);
    expect(sources.length).toBeGreaterThan(10);
  });

  test('every font size on screen comes from the scale', () => {
    expect(offScale('font-size', (value, file) => SCALE_SIZE.test(value) || (file === SVG_UNITS.file && SVG_UNITS.size.test(value)))).toEqual([]);
  });

  test('text comes in three weights', () => {
    expect(offScale('font-weight', (value) => WEIGHTS.has(value))).toEqual([]);
  });
});
