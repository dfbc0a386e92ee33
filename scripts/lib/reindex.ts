// A rebuild indexes the site again into the folder that holds the last index (a full one keeps it aside
// while Astro empties the folder, scripts/build.ts). Pagefind names
// its fragments, word-index chunks, filters and metadata by the hash of their content and does not
// write (nor compress) one whose file is already there, so an index written over the last one costs
// what changed: 1.4–1.9 s against 2.0–3.0 s into an emptied folder, for 1,000 chapters. What it
// leaves is the last index's files that the new one no longer names (the old fragment of an edited
// chapter, chunks whose words moved); those go after it runs, so the folder ends as a run into an
// empty one leaves it. Its other files (its scripts, the entry, each language's WebAssembly) it writes
// on every run: any of those it did not write this time (a language no longer used) goes too.
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, relative, sep } from 'node:path';

/** The folders of Pagefind's hashed files, each with the ending of its files. */
const HASHED = [
  ['fragment', '.pf_fragment'],
  ['index', '.pf_index'],
  ['filter', '.pf_filter'],
] as const;
const META = /^pagefind\.(.+)\.pf_meta$/;
/** What Pagefind puts before the CBOR in each file, once gunzipped. */
const SIGNATURE = 'pagefind_dcd';

/** The files of the last index in `folder`, by whether their names are hashes. */
export interface LastIndex {
  hashed: string[];
  /** Dated to the epoch by `lastIndex`: each one Pagefind writes again is dated now. */
  others: string[];
}

/** The files of the index in `folder` (paths relative to it), to pass to `removeStale` once Pagefind ran. */
export function lastIndex(folder: string): LastIndex {
  const found: LastIndex = { hashed: [], others: [] };
  if (!existsSync(folder)) return found;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/');
    const hashed =
      META.test(path) || HASHED.some(([dir, ending]) => path.startsWith(`${dir}/`) && path.endsWith(ending) && !path.slice(dir.length + 1).includes('/'));
    if (hashed) found.hashed.push(path);
    else found.others.push(path);
  }
  for (const path of found.others) utimesSync(join(folder, path), 0, 0);
  return found;
}

/**
 * Removes the files of `before` (from `lastIndex`) that the index now in `folder` does not name or
 * that Pagefind did not write again, and returns them. Throws when the index cannot be read (then
 * nothing is removed).
 */
export function removeStale(folder: string, before: LastIndex): string[] {
  const entry = JSON.parse(readFileSync(join(folder, 'pagefind-entry.json'), 'utf8')) as { languages?: Record<string, { hash?: unknown }> };
  const metaHashes = Object.values(entry.languages ?? {}).map((language) => language.hash);
  if (metaHashes.length === 0 || !metaHashes.every((hash): hash is string => typeof hash === 'string')) {
    throw new Error(`${folder}/pagefind-entry.json names no index`);
  }
  const metas = metaHashes.map((hash) => {
    const bytes = gunzipSync(readFileSync(join(folder, `pagefind.${hash}.pf_meta`)));
    if (bytes.subarray(0, SIGNATURE.length).toString('latin1') !== SIGNATURE) throw new Error(`pagefind.${hash}.pf_meta is not a Pagefind index`);
    return bytes;
  });
  const named = (hash: string): boolean => metas.some((meta) => meta.includes(cborText(hash)));
  const stale = before.hashed.filter((file) => {
    const meta = META.exec(file);
    if (meta) return !metaHashes.includes(meta[1] ?? '');
    const name = file.slice(file.indexOf('/') + 1);
    return !named(name.slice(0, name.lastIndexOf('.')));
  });
  stale.push(...before.others.filter((file) => statSync(join(folder, file), { throwIfNoEntry: false })?.mtimeMs === 0));
  for (const file of stale) rmSync(join(folder, file), { force: true });
  return stale;
}

/** A string as CBOR encodes it (a text string's header, then its bytes), as the metadata names each file's hash. */
export function cborText(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  const n = bytes.length;
  const header = n < 24 ? [0x60 + n] : n < 256 ? [0x78, n] : [0x79, n >> 8, n & 0xff];
  return Buffer.concat([Buffer.from(header), bytes]);
}
