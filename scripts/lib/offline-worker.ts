// Writes the offline service worker into a built site (scripts/offline.ts, and npm run build, which reads
// the pages while Pagefind indexes them and Pagefind's own files after it).
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { WORKER_FILE, fileDigest, isCached, offlineManifestOfDigests, type DigestedFile } from '../../src/features/offline/manifest.ts';
import { serviceWorkerSource } from '../../src/features/offline/worker-source.ts';

/** A built file's digest and size. */
export type ReadFile = DigestedFile & { bytes: number };

/**
 * Every file below `root` whose path (with `/`, relative to `root`) passes `keep`, by digest and size;
 * those in `known` (by path) are taken from it unread.
 */
export function readBuiltFiles(root: string, keep: (path: string) => boolean = () => true, known: ReadonlyMap<string, ReadFile> = new Map()): ReadFile[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter(keep)
    .map((path) => known.get(path) ?? readBuiltFile(root, path));
}

/** One built file by its path (with `/`, relative to `root`), by digest and size. */
export function readBuiltFile(root: string, path: string): ReadFile {
  const bytes = readFileSync(join(root, path));
  return { path, digest: fileDigest(bytes), bytes: bytes.length };
}

/** Files as a build record keeps them (the digest in hex). */
export type RecordedFile = { path: string; digest: string; bytes: number };
export const recordFiles = (files: readonly ReadFile[]): RecordedFile[] =>
  files.map((f) => ({ path: f.path, digest: Buffer.from(f.digest).toString('hex'), bytes: f.bytes }));
export const recordedFiles = (files: readonly RecordedFile[]): ReadFile[] =>
  files.map((f) => ({ path: f.path, digest: Buffer.from(f.digest, 'hex'), bytes: f.bytes }));

/** Writes `<root>/sw.js` caching `files` (every file of the site) and returns the line to log. */
export function writeOfflineWorker(root: string, base: string, files: readonly ReadFile[]): string {
  const { version, addresses } = offlineManifestOfDigests(files);
  writeFileSync(join(root, WORKER_FILE), serviceWorkerSource({ base, version, addresses }));
  const bytes = files.filter((f) => isCached(f.path)).reduce((sum, f) => sum + f.bytes, 0);
  return `offline: ${WORKER_FILE} caches ${addresses.length} files (${Math.round(bytes / 1024)} KB) as version ${version} under ${base}`;
}
