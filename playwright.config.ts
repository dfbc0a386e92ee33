import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';

/**
 * Playwright's own Chromium when it is installed; otherwise the system's (Debian's `chromium`), or the
 * one named by CHROMIUM_PATH.
 */
function chromiumPath(): string | undefined {
  if (process.env['CHROMIUM_PATH']) return process.env['CHROMIUM_PATH'];
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    /* no bundled browser */
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
}

const executablePath = chromiumPath();
const ROOT_PORT = 4321;
const SUB_PORT = 4322;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: process.env['CI'] ? 2 : undefined,
  retries: process.env['CI'] ? 1 : 0,
  reporter: process.env['CI'] ? [['list']] : [['list']],
  timeout: 30_000,
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'site', use: { baseURL: `http://127.0.0.1:${ROOT_PORT}/` }, grepInvert: /@subpath-only/ },
    { name: 'subpath', use: { baseURL: `http://127.0.0.1:${SUB_PORT}/sales/playbook/` }, grep: /@subpath/ },
  ],
  webServer: [
    {
      command: `node scripts/serve.ts --dir dist --port ${ROOT_PORT}`,
      url: `http://127.0.0.1:${ROOT_PORT}/`,
      reuseExistingServer: !process.env['CI'],
    },
    {
      command: `node scripts/serve.ts --dir dist-sub --base /sales/playbook/ --port ${SUB_PORT}`,
      url: `http://127.0.0.1:${SUB_PORT}/sales/playbook/`,
      reuseExistingServer: !process.env['CI'],
    },
  ],
});
