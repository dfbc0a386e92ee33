/**
 * What the offline copy holds: every file of a build, as the addresses the service worker caches, and
 * a version that changes whenever any file changes (so a new deploy installs a new cache). Pure: the
 * build step (scripts/offline.ts) passes the files it found.
 */
import { createHash } from 'node:crypto';

/** The worker's own file name, at the root of the site's base path. */
export const WORKER_FILE = 'sw.js';

/** One built file: its path inside the output folder (with `/`) and its bytes. */
export interface BuiltFile {
  path: string;
  bytes: Uint8Array;
}

/**
 * The address of a built file relative to the base path: `chapters/x/index.html` is served as
 * `chapters/x/`, the home page as `` (the base itself); everything else as it is.
 */
export function offlineAddress(path: string): string {
  if (path === 'index.html') return '';
  return path.endsWith('/index.html') ? path.slice(0, -'index.html'.length) : path;
}

/** Whether the worker caches a built file: all but itself and source maps. */
export const isCached = (path: string): boolean => path !== WORKER_FILE && !path.endsWith('.map');

/** One built file by the digest of its bytes (`fileDigest`), for builds that read files as they are written. */
export interface DigestedFile {
  path: string;
  digest: Uint8Array;
}

/** The digest a file counts with in the version. */
export const fileDigest = (bytes: Uint8Array): Uint8Array => createHash('sha256').update(bytes).digest();

/** The offline manifest: the addresses to cache, sorted, and the build's version (a content hash). */
export function offlineManifest(files: readonly BuiltFile[]): { version: string; addresses: string[] } {
  return offlineManifestOfDigests(files.map((f) => ({ path: f.path, digest: fileDigest(f.bytes) })));
}

/** The same manifest from the files' digests. */
export function offlineManifestOfDigests(files: readonly DigestedFile[]): { version: string; addresses: string[] } {
  const kept = files.filter((f) => isCached(f.path)).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const hash = createHash('sha256');
  for (const file of kept) {
    hash.update(file.path);
    hash.update('\0');
    hash.update(file.digest);
  }
  return { version: hash.digest('hex').slice(0, 16), addresses: kept.map((f) => offlineAddress(f.path)) };
}
