import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';

/**
 * The browser the tests drive: the one named by CHROMIUM_PATH; else Playwright's own Chromium when it is
 * installed; else the system's. Of the system's, Debian's `chromium-headless-shell` comes first: it is
 * the headless-only build Playwright itself runs headless tests with, and it starts pages with about a
 * third less CPU than the full `chromium` (which has no GPU-less mode and draws through a GPU process).
 */
function chromiumPath(): string | undefined {
  if (process.env['CHROMIUM_PATH']) return process.env['CHROMIUM_PATH'];
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    /* no bundled browser */
  }
  return ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
}

const executablePath = chromiumPath();
// OUT_DIR / SUB_OUT_DIR: the root and sub-path builds under test; PORT: the first of two loopback ports.
const ROOT_DIR = process.env['OUT_DIR'] || 'dist';
const SUB_DIR = process.env['SUB_OUT_DIR'] || 'dist-sub';
const ROOT_PORT = Number(process.env['PORT'] || 4321);
const SUB_PORT = ROOT_PORT + 1;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: true,
  workers: 2,
  retries: process.env['CI'] ? 1 : 0,
  reporter: 'list',
  timeout: 30_000,
  use: {
    // Recording a trace of every test cost about a third of the suite's CPU time (most of it the
    // screencast). Traces are taken on the retry of a failed test (CI retries once); locally, rerun a
    // failing test with --trace on.
    trace: 'on-first-retry',
    // Every page registers the offline worker when idle, and its install downloads the whole site
    // (about 200 files). In a fresh browser context per test that made each test fetch the site once
    // more; only tests/e2e/offline.spec.ts, which tests the worker, lets it register.
    serviceWorkers: 'block',
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
      command: `node scripts/serve.ts --dir ${ROOT_DIR} --port ${ROOT_PORT}`,
      url: `http://127.0.0.1:${ROOT_PORT}/`,
      reuseExistingServer: !process.env['CI'],
    },
    {
      // The sub-path build runs under the real server intranets use: nginx with the strict policy
      // (scripts/nginx.ts; it warns and falls back to scripts/serve.ts when nginx is not installed).
      command: `node scripts/nginx.ts --dir ${SUB_DIR} --base /sales/playbook/ --port ${SUB_PORT}`,
      url: `http://127.0.0.1:${SUB_PORT}/sales/playbook/`,
      reuseExistingServer: !process.env['CI'],
      // SIGTERM lets scripts/nginx.ts stop nginx and remove its state folder.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
