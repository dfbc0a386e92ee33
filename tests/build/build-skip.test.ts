// npm run build keeps the built folder when nothing it is built from has changed (scripts/build.ts),
// and builds again after an edit. These builds run the whole script: Astro, Pagefind, the offline worker.
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'pb-build-skip-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const content = join(work, 'content');
cpSync(resolve('tests/fixtures/content'), content, { recursive: true });
const out = join(work, 'dist');

function build(): string {
  const result = spawnSync(process.execPath, [resolve('scripts/build.ts')], {
    env: { ...process.env, CONTENT_DIR: content, OUT_DIR: out, ASTRO_CACHE_DIR: join(work, 'cache'), BASE_PATH: '/', BUILD_FORCE: '' },
    encoding: 'utf8',
    timeout: 300_000,
  });
  expect(result.status, `${result.stdout}\n${result.stderr}`).toBe(0);
  return result.stdout;
}

/** Every file of the built folder with its bytes and modification time. */
function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(out, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    files.set(relative(out, file), `${statSync(file).mtimeMs} ${readFileSync(file, 'base64')}`);
  }
  return files;
}

test('a build with nothing changed keeps the folder as it was; an edited chapter is built again', { timeout: 900_000 }, () => {
  expect(build()).toMatch(/build: done in [\d.]+ s \(astro [\d.]+ s, pagefind [\d.]+ s, offline [\d.]+ s\)/);
  const first = snapshot();
  expect(first.has('pagefind/pagefind.js')).toBe(true);
  expect(first.has('sw.js')).toBe(true);

  expect(build()).toContain('build: nothing the site is built from has changed since the last build');
  expect(snapshot()).toEqual(first);

  appendFileSync(join(content, 'playbook/first-steps.mdx'), '\nA sentence added after the first build.\n');
  expect(build()).toContain('build: building into');
  expect(readFileSync(join(out, 'chapters/first-steps/index.html'), 'utf8')).toContain('A sentence added after the first build.');
});
