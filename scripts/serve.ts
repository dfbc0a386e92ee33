// Serves a built site the way an intranet static server would: under its base path, with the strict
// Content-Security-Policy the product is designed for, and the MIME types Pagefind's files need.
// Usage: node scripts/serve.ts [--dir dist] [--base /] [--port 4321] [--host 127.0.0.1]
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createGzip } from 'node:zlib';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { normaliseBase } from '../src/common/urls.ts';
import { IMMUTABLE_CACHE, MIME_TYPES, REVALIDATE_CACHE, SECURITY_HEADERS, SERVER_OPTIONS, TEXT_TYPES } from './hosting-config.ts';

const TYPES = new Map<string, string>(
  Object.entries(MIME_TYPES).flatMap(([type, exts]) =>
    exts.map((ext) => [`.${ext}`, TEXT_TYPES.includes(type) || type === 'text/html' ? `${type}; charset=utf-8` : type] as const),
  ),
);
const COMPRESSIBLE = new Set([...TEXT_TYPES, 'text/html']);

const { values } = parseArgs({
  options: SERVER_OPTIONS,
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
  const headers = { ...SECURITY_HEADERS };
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
  const type = TYPES.get(extname(file)) ?? 'application/octet-stream';
  const gzip = COMPRESSIBLE.has(type.split(';')[0] ?? '') && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  res.writeHead(status, {
    ...headers,
    'Content-Type': type,
    ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : { 'Content-Length': exists.size }),
    'Cache-Control': file.includes(`${sep}_astro${sep}`) ? IMMUTABLE_CACHE : REVALIDATE_CACHE,
  });
  if (req.method === 'HEAD') res.end();
  else if (gzip) createReadStream(file).pipe(createGzip()).pipe(res);
  else createReadStream(file).pipe(res);
});

server.listen(port, values.host, () => {
  console.log(`Serving ${values.dir} at http://${values.host}:${port}${base}  (Ctrl+C to stop)`);
});
