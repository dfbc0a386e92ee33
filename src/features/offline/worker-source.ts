/**
 * The service worker's text, written by scripts/offline.ts as `<base>sw.js`. It keeps one cache per
 * base path and build version (`pb-offline:<base>:<version>`), so two playbooks on one host never
 * share or delete each other's copies, and a new build replaces the old copy. Pages and data are
 * fetched from the network first and read from the cache only when the network fails, so a reader
 * online never sees a page older than the deployed build; fingerprinted `_astro/` files, which never
 * change, come from the cache first.
 */

/** What the worker needs to know about the build. */
export interface WorkerOptions {
  /** The site's base path, e.g. `/` or `/sales/playbook/`. */
  base: string;
  /** The build's version (see offlineManifest). */
  version: string;
  /** Every address to cache, relative to the base. */
  addresses: readonly string[];
}

/** The text of `sw.js`. Plain JavaScript for the browser's worker context (no imports, no eval). */
export function serviceWorkerSource({ base, version, addresses }: WorkerOptions): string {
  return `// Offline copy of this playbook (written by the build; do not edit).
'use strict';
const BASE = ${JSON.stringify(base)};
const VERSION = ${JSON.stringify(version)};
const ADDRESSES = ${JSON.stringify(addresses)};
const PREFIX = 'pb-offline:' + BASE + ':';
const CACHE = PREFIX + VERSION;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(ADDRESSES.map((address) => new Request(BASE + address, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      // Only this base path's older copies: another playbook on the same host keeps its own.
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith(PREFIX) && key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'version' && event.source) event.source.postMessage({ offlineVersion: VERSION });
});

async function fromCache(request, url) {
  const cache = await caches.open(CACHE);
  const hit = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
  if (hit) return hit;
  if (!url.pathname.endsWith('/') && !/\\.[a-z0-9]+$/i.test(url.pathname)) {
    const folder = await cache.match(url.pathname + '/', { ignoreSearch: true });
    if (folder) return folder;
  }
  if (request.mode === 'navigate') {
    const missing = await cache.match(BASE + '404.html');
    if (missing) return new Response(await missing.blob(), { status: 404, headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  }
  return undefined;
}

async function respond(request, url) {
  if (url.pathname.startsWith(BASE + '_astro/')) {
    const cached = await fromCache(request, url);
    if (cached) return cached;
  }
  try {
    return await fetch(request);
  } catch (error) {
    const cached = await fromCache(request, url);
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  // Only this site's own files under its own base path; anything else is left to the browser.
  if (url.origin !== self.location.origin || !url.pathname.startsWith(BASE) || url.pathname === BASE + 'sw.js') return;
  event.respondWith(respond(request, url));
});
`;
}
