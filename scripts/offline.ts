// Writes the offline service worker into a built site, after Pagefind has written its index (so
// search works offline too). `npm run build` does the same itself; BASE_PATH and OUT_DIR as for the build.
// Usage: node scripts/offline.ts [--dir dist]
import { parseArgs } from 'node:util';
import { normaliseBase } from '../src/common/urls.ts';
import { readBuiltFiles, writeOfflineWorker } from './lib/offline-worker.ts';

const { values } = parseArgs({ options: { dir: { type: 'string', default: process.env['OUT_DIR'] || 'dist' } } });
console.log(writeOfflineWorker(values.dir, normaliseBase(process.env['BASE_PATH']), readBuiltFiles(values.dir)));
