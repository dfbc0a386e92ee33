// Serves a built site the way an intranet static server would: under its base path, with the strict
// Content-Security-Policy the product is designed for, and the MIME types Pagefind's files need.
// Usage: node scripts/serve.ts [--dir dist] [--base /] [--port 4321] [--host 127.0.0.1]
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { normaliseBase } from '../src/lib/urls.ts';

/** The policy the whole product must work under (see docs/hosting.md). */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
  "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pagefind': 'application/octet-stream',
};

const { values } = parseArgs({
  options: {
    dir: { type: 'string', default: process.env['OUT_DIR'] || 'dist' },
    base: { type: 'string', default: process.env['BASE_PATH'] || '/' },
    port: { type: 'string', default: process.env['PORT'] || '4321' },
    host: { type: 'string', default: process.env['HOST'] || '127.0.0.1' },
  },
});
const root = resolve(values.dir);
const base = normaliseBase(values.base);
const port = Number(values.port);

async function fileFor(urlPath: string): Promise<string | 'redirect' | undefined> {
  const inside = normalize(join(root, urlPath));
  if (inside !== root && !inside.startsWith(root + sep)) return undefined;
  const info = await stat(inside).catch(() => undefined);
  if (info?.isFile()) return inside;
  if (info?.isDirectory()) {
    if (!urlPath.endsWith('/')) return 'redirect';
    const index = join(inside, 'index.html');
    return (await stat(index).catch(() => undefined))?.isFile() ? index : undefined;
  }
  return undefined;
}

const server = createServer(async (req, res) => {
  const headers = {
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'same-origin',
  };
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
  } catch {
    res.writeHead(400, headers).end('Bad request');
    return;
  }
  if (base !== '/' && (pathname === '/' || pathname === base.slice(0, -1))) {
    res.writeHead(302, { ...headers, Location: base }).end();
    return;
  }
  const found = pathname.startsWith(base) ? await fileFor(pathname.slice(base.length - 1)) : undefined;
  if (found === 'redirect') {
    res.writeHead(301, { ...headers, Location: `${pathname}/` }).end();
    return;
  }
  const file = found ?? join(root, '404.html');
  const status = found ? 200 : 404;
  const exists = await stat(file).catch(() => undefined);
  if (!exists) {
    res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' }).end('Not found');
    return;
  }
  res.writeHead(status, {
    ...headers,
    'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    'Content-Length': exists.size,
    'Cache-Control': file.includes(`${sep}_astro${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
  });
  if (req.method === 'HEAD') res.end();
  else createReadStream(file).pipe(res);
});

server.listen(port, values.host, () => {
  console.log(`Serving ${values.dir} at http://${values.host}:${port}${base}  (Ctrl+C to stop)`);
});
