import { isAbsolute, relative, resolve } from 'node:path';

/**
 * The folder the playbook is built from: `CONTENT_DIR` when set (a team's own content repository),
 * else the default playbook in `src/content`.
 */
export function contentDir(env: Record<string, string | undefined> = process.env): string {
  const chosen = env['CONTENT_DIR']?.trim();
  return chosen ? resolve(chosen) : resolve('src/content');
}

/** A file path as a person should read it in an error: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), resolve(file));
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
