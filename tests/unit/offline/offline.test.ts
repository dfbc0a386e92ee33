import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { offlineAddress, offlineManifest } from '../../../src/features/offline/manifest.ts';
import { serviceWorkerSource } from '../../../src/features/offline/worker-source.ts';

const file = (path: string, text = path) => ({ path, bytes: new TextEncoder().encode(text) });

describe('the offline manifest', () => {
  test.each([
    ['index.html', ''],
    ['chapters/beyond-bant/index.html', 'chapters/beyond-bant/'],
    ['404.html', '404.html'],
    ['_astro/page.abc123.js', '_astro/page.abc123.js'],
    ['pagefind/pagefind-entry.json', 'pagefind/pagefind-entry.json'],
  ])('%s is cached as “%s”', (path, address) => {
    expect(offlineAddress(path)).toBe(address);
  });

  test('lists every file but the worker itself, and its version changes whenever any file changes', () => {
    const build = [file('index.html'), file('sw.js'), file('chapters/a/index.html', 'A'), file('pagefind/pagefind.js')];
    const first = offlineManifest(build);
    expect(first.addresses).toEqual(['chapters/a/', '', 'pagefind/pagefind.js']);
    expect(offlineManifest([...build].reverse()).version).toBe(first.version);
    expect(offlineManifest([file('index.html'), file('chapters/a/index.html', 'A, edited'), file('pagefind/pagefind.js')]).version).not.toBe(first.version);
    expect(offlineManifest([file('index.html'), file('sw.js', 'other worker'), file('chapters/a/index.html', 'A'), file('pagefind/pagefind.js')]).version).toBe(
      first.version,
    );
  });
});

/** A tiny stand-in for a service worker's world: caches, fetch and events, enough to run sw.js. */
function workerWorld(base: string, version: string, online: { value: boolean }, stored: Map<string, Map<string, string>>) {
  const listeners = new Map<string, (event: unknown) => void>();
  const cacheApi = (name: string) => {
    const entries = stored.get(name) ?? new Map<string, string>();
    stored.set(name, entries);
    return {
      addAll: async (requests: { url: string }[]) => {
        for (const r of requests) entries.set(new URL(r.url).pathname, `cached ${new URL(r.url).pathname}`);
      },
      match: async (request: string | { url: string }, options?: { ignoreSearch?: boolean }) => {
        const url = new URL(typeof request === 'string' ? request : request.url, 'https://intranet.example');
        const key = options?.ignoreSearch ? url.pathname : url.pathname + url.search;
        const body = entries.get(key);
        return body === undefined ? undefined : { body, blob: async () => body };
      },
    };
  };
  const context = {
    URL,
    Request: class {
      url: string;
      constructor(url: string) {
        this.url = new URL(url, 'https://intranet.example').href;
      }
    },
    Response: class {
      constructor(
        public body: string,
        public init: { status: number },
      ) {}
    },
    self: {
      location: new URL(`https://intranet.example${base}sw.js`),
      clients: { claim: async () => undefined },
      addEventListener: (type: string, listener: (event: unknown) => void) => listeners.set(type, listener),
    },
    caches: {
      open: async (name: string) => cacheApi(name),
      keys: async () => [...stored.keys()],
      delete: async (name: string) => stored.delete(name),
    },
    fetch: async (request: { url: string }) => {
      if (!online.value) throw new TypeError('Failed to fetch');
      return { body: `network ${new URL(request.url).pathname}` };
    },
  };
  runInNewContext(serviceWorkerSource({ base, version, addresses: ['', 'chapters/a/', '404.html', 'pagefind/pagefind-entry.json', '_astro/x.js'] }), context);
  const run = async (type: string, event: Record<string, unknown>) => {
    let done: Promise<unknown> | undefined;
    listeners.get(type)!({ ...event, waitUntil: (p: Promise<unknown>) => (done = p), respondWith: (p: Promise<unknown>) => (done = p) });
    return done;
  };
  const get = async (path: string, mode = 'no-cors') => {
    const answer = (await run('fetch', { request: { method: 'GET', url: `https://intranet.example${path}`, mode } })) as
      { body: string; init?: { status: number } } | undefined;
    return answer && (answer.init ? `${answer.init.status} ${answer.body}` : answer.body);
  };
  return { run, get };
}

describe('the service worker', () => {
  test('online, pages come from the network (never a stale copy); offline, from the copy of this build', async () => {
    const online = { value: true };
    const stored = new Map<string, Map<string, string>>();
    const sw = workerWorld('/sales/playbook/', 'v1', online, stored);
    await sw.run('install', {});
    await sw.run('activate', {});
    expect(await sw.get('/sales/playbook/chapters/a/', 'navigate')).toBe('network /sales/playbook/chapters/a/');
    online.value = false;
    expect(await sw.get('/sales/playbook/chapters/a/', 'navigate')).toBe('cached /sales/playbook/chapters/a/');
    expect(await sw.get('/sales/playbook/chapters/a', 'navigate')).toBe('cached /sales/playbook/chapters/a/');
    expect(await sw.get('/sales/playbook/pagefind/pagefind-entry.json?ts=123')).toBe('cached /sales/playbook/pagefind/pagefind-entry.json');
    expect(await sw.get('/sales/playbook/chapters/never-built/', 'navigate')).toBe('404 cached /sales/playbook/404.html');
    // Fingerprinted files never change, so they come from the copy even online.
    online.value = true;
    expect(await sw.get('/sales/playbook/_astro/x.js')).toBe('cached /sales/playbook/_astro/x.js');
  });

  test('never answers for another base path or another origin, nor for its own file', async () => {
    const sw = workerWorld('/sales/playbook/', 'v1', { value: false }, new Map());
    await sw.run('install', {});
    expect(await sw.get('/other/playbook/chapters/a/', 'navigate')).toBeUndefined();
    expect(await sw.get('/sales/playbook/sw.js')).toBeUndefined();
  });

  test('a new build replaces its own older copy and leaves another base path’s copy alone', async () => {
    const stored = new Map<string, Map<string, string>>([
      ['pb-offline:/sales/playbook/:old', new Map()],
      ['pb-offline:/:v1', new Map()],
      ['someone-else', new Map()],
    ]);
    const sw = workerWorld('/sales/playbook/', 'v2', { value: true }, stored);
    await sw.run('install', {});
    await sw.run('activate', {});
    expect([...stored.keys()].sort()).toEqual(['pb-offline:/:v1', 'pb-offline:/sales/playbook/:v2', 'someone-else']);
  });
});
