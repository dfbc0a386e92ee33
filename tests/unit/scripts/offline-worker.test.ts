// How a build reads its files for the offline worker's list (scripts/lib/offline-worker.ts), and how
// a build record keeps them for the next build.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { readBuiltFile, readBuiltFiles, recordedFiles, recordFiles } from '../../../scripts/lib/offline-worker.ts';
import { fileDigest } from '../../../src/features/offline/manifest.ts';

let root = '';
afterEach(() => rmSync(root, { recursive: true, force: true }));

const site = (): string => {
  root = mkdtempSync(join(tmpdir(), 'pb-built-'));
  mkdirSync(join(root, 'pagefind/fragment'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<p>Home</p>');
  writeFileSync(join(root, 'pagefind/fragment/en_a.pf_fragment'), 'fragment a');
  return root;
};

test('reads each kept file by its digest and size, with paths relative to the site', () => {
  const files = readBuiltFiles(site(), (path) => path.startsWith('pagefind/'));
  expect(files).toEqual([{ path: 'pagefind/fragment/en_a.pf_fragment', digest: fileDigest(Buffer.from('fragment a')), bytes: 10 }]);
  expect(readBuiltFile(root, 'index.html')).toEqual({ path: 'index.html', digest: fileDigest(Buffer.from('<p>Home</p>')), bytes: 11 });
});

test('takes the files it is given from the last build unread, and reads the others', () => {
  const known = { path: 'pagefind/fragment/en_a.pf_fragment', digest: fileDigest(Buffer.from('as recorded')), bytes: 11 };
  const files = readBuiltFiles(site(), () => true, new Map([[known.path, known]]));
  expect(files.find((f) => f.path === known.path)).toBe(known);
  expect(files.find((f) => f.path === 'index.html')?.bytes).toBe(11);
});

test('a record keeps the digests in hex and gives them back as they were', () => {
  const files = readBuiltFiles(site());
  const recorded = recordFiles(files);
  expect(recorded[0]?.digest).toMatch(/^[0-9a-f]{64}$/);
  expect(recordedFiles(JSON.parse(JSON.stringify(recorded)))).toEqual(files.map((f) => ({ ...f, digest: Buffer.from(f.digest) })));
});
