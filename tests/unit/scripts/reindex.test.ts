// Which files of the last search index go once Pagefind has written the new one over it
// (scripts/lib/reindex.ts). The build tests (tests/build/build-skip.test.ts) compare whole rebuilt
// folders, Pagefind's files included, with cold builds.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, test } from 'vitest';
import { cborText, lastIndex, removeStale } from '../../../scripts/lib/reindex.ts';

let folder = '';
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const put = (path: string, bytes: string | Uint8Array) => {
  mkdirSync(dirname(join(folder, path)), { recursive: true });
  writeFileSync(join(folder, path), bytes);
};
/** An index whose metadata names these hashes, as Pagefind writes it (gzipped, its signature, then CBOR). */
const writeIndex = (meta: string, named: string[]) => {
  put('pagefind-entry.json', JSON.stringify({ version: '1.6.0', languages: { 'en-us': { hash: meta, wasm: 'en-us', page_count: 2 } } }));
  put(`pagefind.${meta}.pf_meta`, gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from([0x85]), ...named.map(cborText)])));
};
const files = () =>
  readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(folder, join(e.parentPath, e.name)))
    .sort();

describe('an index written over the last one', () => {
  test('loses the fragments, chunks, filters and metadata the new metadata does not name, and keeps the rest', () => {
    folder = mkdtempSync(join(tmpdir(), 'pb-reindex-'));
    writeIndex('en-us_old0001', ['en-us_aaaaaaa', 'en-us_bbbbbbb', 'en-us_c0c0c0c', 'en-us_f1f1f1f']);
    for (const name of ['en-us_aaaaaaa', 'en-us_bbbbbbb']) put(`fragment/${name}.pf_fragment`, name);
    put('index/en-us_c0c0c0c.pf_index', 'chunk');
    put('filter/en-us_f1f1f1f.pf_filter', 'filter');
    put('pagefind.js', 'old script');
    put('wasm.en-us.pagefind', 'wasm');
    put('wasm.fr.pagefind', 'a language the site no longer uses');
    const before = lastIndex(folder);
    expect(before.hashed.sort()).toEqual([
      'filter/en-us_f1f1f1f.pf_filter',
      'fragment/en-us_aaaaaaa.pf_fragment',
      'fragment/en-us_bbbbbbb.pf_fragment',
      'index/en-us_c0c0c0c.pf_index',
      'pagefind.en-us_old0001.pf_meta',
    ]);

    // Pagefind's run: chapter b was edited (a new fragment), a word moved to a new chunk, and the
    // files it writes every time are written again; the unchanged fragment and filter are left alone.
    writeIndex('en-us_new0002', ['en-us_aaaaaaa', 'en-us_b2b2b2b', 'en-us_c1c1c1c', 'en-us_f1f1f1f']);
    put('fragment/en-us_b2b2b2b.pf_fragment', 'b2');
    put('index/en-us_c1c1c1c.pf_index', 'chunk 2');
    put('pagefind.js', 'script');
    put('wasm.en-us.pagefind', 'wasm');

    expect(removeStale(folder, before).sort()).toEqual([
      'fragment/en-us_bbbbbbb.pf_fragment',
      'index/en-us_c0c0c0c.pf_index',
      'pagefind.en-us_old0001.pf_meta',
      'wasm.fr.pagefind',
    ]);
    expect(files()).toEqual([
      'filter/en-us_f1f1f1f.pf_filter',
      'fragment/en-us_aaaaaaa.pf_fragment',
      'fragment/en-us_b2b2b2b.pf_fragment',
      'index/en-us_c1c1c1c.pf_index',
      'pagefind-entry.json',
      'pagefind.en-us_new0002.pf_meta',
      'pagefind.js',
      'wasm.en-us.pagefind',
    ]);
  });

  test('a hash counts as named only as a whole string of the metadata, not as part of a longer one', () => {
    folder = mkdtempSync(join(tmpdir(), 'pb-reindex-'));
    writeIndex('en-us_old0001', []);
    put('fragment/en-us_abc.pf_fragment', 'short');
    const before = lastIndex(folder);
    writeIndex('en-us_new0002', ['en-us_abcdef0']);
    expect(removeStale(folder, before)).toContain('fragment/en-us_abc.pf_fragment');
  });

  test('an index it cannot read throws and removes nothing', () => {
    folder = mkdtempSync(join(tmpdir(), 'pb-reindex-'));
    put('fragment/en-us_aaaaaaa.pf_fragment', 'a');
    put('pagefind-entry.json', JSON.stringify({ version: '1.6.0', languages: { 'en-us': { hash: 'en-us_gone' } } }));
    const before = lastIndex(folder);
    expect(() => removeStale(folder, before)).toThrow();
    expect(existsSync(join(folder, 'fragment/en-us_aaaaaaa.pf_fragment'))).toBe(true);
  });

  test('no folder, no last index', () => {
    folder = join(tmpdir(), 'pb-reindex-missing');
    expect(lastIndex(folder)).toEqual({ hashed: [], others: [] });
  });
});
