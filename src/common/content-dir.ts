import { existsSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The generator's own playbook, `src/content`, wherever a command runs from. Bundled into the
 * build's page chunks this module no longer sits in `src/common`; the build runs from the project
 * root, so there the folder is found from the working folder.
 */
export const BUILT_IN_CONTENT_DIR = import.meta.url.endsWith('/src/common/content-dir.ts')
  ? fileURLToPath(new URL('../content', import.meta.url))
  : resolve('src/content');

/**
 * The folder the playbook is built from: `CONTENT_DIR` when set (a team's own content repository,
 * relative to the working folder), else the generator's own playbook in `src/content`. The one
 * resolver the build, the command-line tools and the tests share.
 */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  const chosen = env['CONTENT_DIR']?.trim();
  return chosen ? resolve(chosen) : BUILT_IN_CONTENT_DIR;
}

/**
 * A file inside the content folder, e.g. `calculator/defaults.yaml`, or the generator's own copy
 * when a team's content folder leaves it out. When neither exists, the content folder's path (for
 * the error that follows).
 */
export function contentFile(relativePath: string, folder: string = contentDir()): string {
  const own = join(folder, relativePath);
  if (existsSync(own)) return own;
  const builtIn = join(BUILT_IN_CONTENT_DIR, relativePath);
  return existsSync(builtIn) ? builtIn : own;
}

/** A file path as a person should read it in an error: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), resolve(file));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
