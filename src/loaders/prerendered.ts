// Chapters rendered while Astro starts. A cold build spends its first seconds in Astro's start-up on
// one core while the other waits; the build script (scripts/build.ts, scripts/lib/prerender.ts)
// renders chapters on it meanwhile, with the chapter loader's own function, into a folder it names in
// PRERENDERED_ENV. When the chapter loader starts it leaves STOP_FILE there, takes each chapter whose
// result is ready and renders the rest itself. A result is named by a digest of everything its HTML
// depends on (the rendering inputs, the file, its body), so one that does not match is never used.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TermReference } from '../playbook/references.ts';

/** The environment variable naming the folder of chapters rendered while Astro started. */
export const PRERENDERED_ENV = 'PLAYBOOK_PRERENDERED';

/** The file the chapter loader leaves in that folder when it starts: rendering ahead stops. */
export const STOP_FILE = 'stop';

/** A chapter rendered ahead: what the loader would have made of it, or that it failed (the loader then renders it itself, to report the error). */
export type PrerenderedChapter =
  { ok: true; html: string; headings: { depth: number; slug: string; text: string }[]; readingMinutes: number; terms: TermReference[] } | { ok: false };

/** The name of a chapter's result: a digest of the rendering inputs, its file, its body and that body with the file's line numbers. */
export function prerenderKey(inputs: string, path: string, body: string, fileBody: string): string {
  return createHash('sha256').update(inputs).update('\0').update(path).update('\0').update(body).update('\0').update(fileBody).digest('hex').slice(0, 32);
}

/** Writes a result so that a reader sees all of it or none (a rename). */
export function writePrerendered(dir: string, key: string, chapter: PrerenderedChapter): void {
  const file = join(dir, `${key}.json`);
  writeFileSync(`${file}.tmp`, JSON.stringify(chapter));
  renameSync(`${file}.tmp`, file);
}

/** A chapter's result, or undefined when there is none (or it cannot be read). */
export function readPrerendered(dir: string, key: string): PrerenderedChapter | undefined {
  let text: string;
  try {
    text = readFileSync(join(dir, `${key}.json`), 'utf8');
  } catch {
    return undefined;
  }
  try {
    const value = JSON.parse(text) as PrerenderedChapter;
    return value.ok === true && typeof value.html === 'string' && Array.isArray(value.headings) ? value : { ok: false };
  } catch {
    return undefined;
  }
}
