// Writes the offline service worker into a built site, after Pagefind has written its index (so
// search works offline too). Run by `npm run build`; BASE_PATH and OUT_DIR as for the build.
// Usage: node scripts/offline.ts [--dir dist]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { normaliseBase } from '../src/common/urls.ts';
import { WORKER_FILE, offlineManifest } from '../src/features/offline/manifest.ts';
import { serviceWorkerSource } from '../src/features/offline/worker-source.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: process.env['OUT_DIR'] || 'dist' } } });
const root = values.dir;
const base = normaliseBase(process.env['BASE_PATH']);

const files = readdirSync(root, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => {
    const full = join(entry.parentPath, entry.name);
    return { path: relative(root, full).split(sep).join('/'), bytes: readFileSync(full) };
  });
const { version, addresses } = offlineManifest(files);
writeFileSync(join(root, WORKER_FILE), serviceWorkerSource({ base, version, addresses }));
const bytes = files.reduce((sum, f) => sum + f.bytes.length, 0);
console.log(`offline: ${WORKER_FILE} caches ${addresses.length} files (${Math.round(bytes / 1024)} KB) as version ${version} under ${base}`);
