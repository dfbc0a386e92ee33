// What `npm run build` (scripts/build.ts) compares to tell whether a build would write what the last
// one wrote: a digest of everything the site is built from (the generator's code and assets, the content
// folder, the installed packages, the settings read from the environment), and a record of the built
// folder as that build left it (each file's path, size and modification time).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { BUILT_IN_CONTENT_DIR } from '../../src/common/content-dir.ts';

/** The environment variables the build reads; a change to any of them builds again. */
export const BUILD_ENV = ['BASE_PATH', 'OUT_DIR', 'CONTENT_DIR', 'CHAPTER_RENDERING', 'ASTRO_CACHE_DIR', 'NODE_ENV'] as const;

/** What the site is built from, below the repository: folders read whole and single files. */
export const BUILD_INPUTS = {
  folders: ['src', 'public'],
  files: [
    'astro.config.mjs',
    'package.json',
    'package-lock.json',
    'tsconfig.json',
    'scripts/build.ts',
    'scripts/offline.ts',
    'node_modules/.package-lock.json',
  ],
} as const;

/** Every file below `dir` (none when it does not exist), as absolute paths in a stable order. */
function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * A digest of everything a build of `repo` reads: the input folders and files, the content folder
 * (which may lie outside the repository), the environment variables in BUILD_ENV and Node's version.
 * Files are read whole: a checkout that keeps sizes and times but changes a byte still counts.
 */
export function inputDigest(repo: string, contentFolder: string, env: Record<string, string | undefined>, nodeVersion = process.version): string {
  const hash = createHash('sha256');
  hash.update(`node ${nodeVersion}\n`);
  for (const name of BUILD_ENV) hash.update(`env ${name}=${env[name] ?? ''}\n`);
  const files = new Set<string>();
  for (const folder of BUILD_INPUTS.folders) filesBelow(join(repo, folder)).forEach((f) => files.add(f));
  for (const file of BUILD_INPUTS.files) files.add(join(repo, file));
  filesBelow(resolve(contentFolder)).forEach((f) => files.add(f));
  for (const file of [...files].sort()) {
    hash.update(`file ${file}\0`);
    hash.update(existsSync(file) ? readFileSync(file) : '(missing)');
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** The built folder as it stands: each file's path, size and modification time, in one digest. */
export function outputDigest(outDir: string): string {
  const hash = createHash('sha256');
  for (const file of filesBelow(outDir)) {
    const stat = statSync(file);
    hash.update(`${relative(outDir, file).split(sep).join('/')}\0${stat.size}\0${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

/** What the last successful build into a folder recorded. */
export interface BuildRecord {
  inputs: string;
  output: string;
}

/** Why a build must run, or undefined when the folder already holds what it would write. */
export function reasonToBuild(last: BuildRecord | undefined, now: { inputs: string; output: string | undefined }): string | undefined {
  if (!last) return 'no earlier build into this folder is recorded';
  if (now.output === undefined) return 'the folder is missing';
  if (last.inputs !== now.inputs) return 'what the site is built from has changed';
  if (last.output !== now.output) return 'the folder was changed after the last build';
  return undefined;
}

/** Reads a build record, or undefined when there is none or it cannot be read (then the site is built). */
export function readBuildRecord(file: string): BuildRecord | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<BuildRecord>;
    return typeof parsed.inputs === 'string' && typeof parsed.output === 'string' ? { inputs: parsed.inputs, output: parsed.output } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Astro's cache folder (astro.config.mjs sets `cacheDir` with it): ASTRO_CACHE_DIR when set, else one
 * under node_modules for each base path and content folder. Chapters are rendered for one base path,
 * and entries cached from another content folder would clash with this one's by id.
 */
export function cacheDirFor(base: string, contentFolder: string, env: Record<string, string | undefined>): string {
  if (env['ASTRO_CACHE_DIR']) return env['ASTRO_CACHE_DIR'];
  const ownContent =
    resolve(contentFolder) === BUILT_IN_CONTENT_DIR ? '' : `content-${createHash('sha256').update(resolve(contentFolder)).digest('hex').slice(0, 10)}`;
  const suffix = [base === '/' ? '' : base, ownContent]
    .map((part) => part.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, ''))
    .filter(Boolean)
    .map((part) => `-${part}`)
    .join('');
  return `./node_modules/.astro${suffix}`;
}
