// Builds a content folder with Astro into a folder of the test's own, as the rendered-chapters and
// incremental-build tests do many times over (each compares the files of two builds).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { expect } from 'vitest';

/** What a build wrote: every file's text by path under the site folder, and what Astro printed. */
export interface FixtureBuild {
  files: Map<string, string>;
  stdout: string;
}

/** Builds `content` into `outDir` on the cache in `cacheDir` (both absolute); fails the test when the build fails. */
export function buildContent(content: string, outDir: string, cacheDir: string, env: Record<string, string> = {}): FixtureBuild {
  const result = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), 'build'], {
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: outDir, ASTRO_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1', BASE_PATH: '/', ...env },
    encoding: 'utf8',
    timeout: 180_000,
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  const files = new Map<string, string>();
  for (const entry of readdirSync(outDir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.set(relative(outDir, join(entry.parentPath, entry.name)), readFileSync(join(entry.parentPath, entry.name), 'utf8'));
  }
  return { files, stdout: result.stdout };
}

/** The paths whose contents differ between two builds (or exist in one only). */
export const differences = (a: Map<string, string>, b: Map<string, string>): string[] =>
  [...new Set([...a.keys(), ...b.keys()])].filter((path) => a.get(path) !== b.get(path)).sort();
