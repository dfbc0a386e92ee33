// npm run build [-- --force]: builds the site (astro build, then the Pagefind index, then the offline
// worker) into OUT_DIR (default dist/), with BASE_PATH and CONTENT_DIR as documented in the README.
// When nothing the site is built from has changed since the last build into the same folder, and the
// folder is as that build left it, the build is skipped and says so: the files would come out the same
// (scripts/lib/build-fingerprint.ts lists what counts). --force, or BUILD_FORCE=1, builds anyway.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { normaliseBase } from '../src/common/urls.ts';
import { contentDir } from '../src/common/content-dir.ts';
import { cacheDirFor, inputDigest, outputDigest, readBuildRecord, reasonToBuild } from './lib/build-fingerprint.ts';

const REPO = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { force: { type: 'boolean', default: false } } });
const force = values.force || process.env['BUILD_FORCE'] === '1';
const outDir = resolve(process.env['OUT_DIR'] || 'dist');
const shown = relative(process.cwd(), outDir) || '.';
const base = normaliseBase(process.env['BASE_PATH']);
const record = join(
  resolve(REPO, cacheDirFor(base, contentDir(), process.env)),
  `last-build-${createHash('sha256').update(outDir).digest('hex').slice(0, 16)}.json`,
);
const seconds = (since: number): string => `${((performance.now() - since) / 1000).toFixed(1)} s`;

const started = performance.now();
const inputs = inputDigest(REPO, contentDir(), process.env);
const reason = force ? 'asked to build' : reasonToBuild(readBuildRecord(record), { inputs, output: existsSync(outDir) ? outputDigest(outDir) : undefined });
if (reason === undefined) {
  console.log(
    `build: nothing the site is built from has changed since the last build, and ${shown}/ is as it left it: kept it (checked in ${seconds(started)}). Run npm run build -- --force to build anyway.`,
  );
  process.exit(0);
}

// A build that stops half-way must not be kept next time: the record goes before the build starts.
rmSync(record, { force: true });
console.log(`build: building into ${shown}/ (${reason}).`);
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const steps: [string, string, string[]][] = [
  ['astro', process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', REPO]],
  ['pagefind', join(REPO, 'node_modules/.bin/pagefind'), ['--site', outDir]],
  ['offline', process.execPath, [join(REPO, 'scripts/offline.ts'), '--dir', outDir]],
];
const times: string[] = [];
for (const [name, command, args] of steps) {
  const at = performance.now();
  const run = spawnSync(command, args, { stdio: 'inherit', env });
  if (run.status !== 0) process.exit(run.status ?? 1);
  times.push(`${name} ${seconds(at)}`);
}
mkdirSync(join(record, '..'), { recursive: true });
writeFileSync(record, `${JSON.stringify({ inputs, output: outputDigest(outDir) })}\n`);
// Read by npm run bench.
console.log(`build: done in ${seconds(started)} (${times.join(', ')}).`);
