// What a web server must send for the built site, in one place: the security policy, the MIME types
// Pagefind's files need, caching, and ready configurations for nginx, Apache and IIS rendered from it.
// scripts/nginx.ts runs the nginx one for the browser tests; docs/hosting.md shows all three, and
// tests/unit/scripts/hosting-config.test.ts checks that the documented ones are exactly what these functions render.
import { normaliseBase } from '../src/common/urls.ts';

/** One directive of the Content-Security-Policy and why the site needs it (shown in docs/hosting.md). */
export interface PolicyDirective {
  /** The directive as sent, e.g. `script-src 'self' 'wasm-unsafe-eval'`. */
  directive: string;
  /** Why the site needs it, in a sentence or two. */
  why: string;
}

/** The directives of the policy the whole product must work under, in the order they are sent. */
export const POLICY_DIRECTIVES: readonly PolicyDirective[] = [
  { directive: "default-src 'self'", why: 'Anything not named below may only come from the site itself.' },
  {
    directive: "script-src 'self' 'wasm-unsafe-eval'",
    why:
      'Scripts are files of the site, never inline. Pagefind compiles its WebAssembly search engine, which needs ' +
      "`'wasm-unsafe-eval'` (it allows WebAssembly compilation only, not JavaScript `eval`).",
  },
  { directive: "style-src 'self'", why: 'Styles come from CSS files of the site; no inline `<style>` or `style="…"` attributes.' },
  {
    directive: "img-src 'self' data:",
    why: 'The favicon and an optional logo are files of the site; `data:` allows small images embedded in stylesheets.',
  },
  { directive: "font-src 'self'", why: 'The site uses the system font stack; a web font would have to be a file of the site.' },
  {
    directive: "connect-src 'self'",
    why: 'Search fetches Pagefind’s index and fragment files, and pages fetch JSON built alongside them, from the site only.',
  },
  {
    directive: "worker-src 'self' blob:",
    why:
      'Pagefind runs its search in a Web Worker loaded from `pagefind/pagefind-worker.js`, and the calculator its ' +
      'uncertainty run in one loaded from `_astro/` (where a policy forbids it, the page computes the same numbers itself). `blob:` lets a worker be ' +
      'created from a blob URL; the current build does not do that, so a host may drop `blob:` if it must.',
  },
  { directive: "object-src 'none'", why: 'No plugins (`<object>`, `<embed>`) at all.' },
  { directive: "base-uri 'self'", why: 'An injected `<base>` element cannot send relative links elsewhere.' },
  { directive: "form-action 'self'", why: 'Forms (the search form’s no-script fallback) submit only to the site.' },
  {
    directive: "frame-ancestors 'none'",
    why: 'No other page may frame the site (clickjacking). Browsers honour this only in a header, not in a `<meta>` tag.',
  },
];

/** The Content-Security-Policy header value (the same string scripts/serve.ts sends). */
export const CONTENT_SECURITY_POLICY = POLICY_DIRECTIVES.map((d) => d.directive).join('; ');

/** Headers every response carries, besides Cache-Control. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'same-origin',
};

/** File extensions (without the dot) of everything the build writes, by the MIME type to serve them with. */
export const MIME_TYPES: Readonly<Record<string, readonly string[]>> = {
  'text/html': ['html'],
  'text/css': ['css'],
  'text/javascript': ['js', 'mjs'],
  'application/json': ['json'],
  'image/svg+xml': ['svg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/x-icon': ['ico'],
  'text/plain': ['txt'],
  'text/csv': ['csv'],
  'font/woff2': ['woff2'],
  'application/wasm': ['wasm'],
  // Pagefind's index, fragments and packed WebAssembly: already compressed binary files.
  'application/octet-stream': ['pf_meta', 'pf_index', 'pf_fragment', 'pagefind'],
};

/** Text types that get `charset=utf-8` and that a server should compress on the fly. */
export const TEXT_TYPES: readonly string[] = ['text/css', 'text/javascript', 'application/json', 'image/svg+xml', 'text/plain', 'text/csv'];

/** Cache-Control for fingerprinted build assets (`_astro/`: names change whenever content changes). */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
/** Cache-Control for everything else: keep a copy, but ask the server (ETag/Last-Modified) before using it. */
export const REVALIDATE_CACHE = 'no-cache';

/** Where and how the site is served. */
export interface SiteLocation {
  /** Absolute path of the built folder (what `npm run build` wrote to OUT_DIR). */
  siteDir: string;
  /** The base path the site was built for (BASE_PATH), e.g. `/sales/playbook/`. */
  base: string;
}

const withSlash = (dir: string): string => (dir.endsWith('/') ? dir : `${dir}/`);
const quoted = (value: string): string => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

function nginxHeaders(cache: string, indent: string): string {
  const headers = { ...SECURITY_HEADERS, 'Cache-Control': cache };
  return Object.entries(headers)
    .map(([name, value]) => `${indent}add_header ${name} ${quoted(value)} always;`)
    .join('\n');
}

function nginxTypes(indent: string): string {
  const width = Math.max(...Object.keys(MIME_TYPES).map((t) => t.length));
  const lines = Object.entries(MIME_TYPES).map(([type, exts]) => `${indent}    ${type.padEnd(width)} ${exts.join(' ')};`);
  return [`${indent}types {`, ...lines, `${indent}}`].join('\n');
}

/**
 * An nginx `server { … }` block serving the built folder under its base path: the security headers on
 * every response (`always`: redirects, 403s and 404s included; repeated in each location that adds a
 * header, since nginx does not inherit `add_header` into such a location), Pagefind's MIME types, long
 * caching for `_astro/`, the site's 404 page for 403 and 404. It is self-contained (its own `types`), so
 * it can be dropped into any nginx's `conf.d/`.
 */
export function nginxServerBlock(options: SiteLocation & { listen: string }): string {
  const base = normaliseBase(options.base);
  const dir = withSlash(options.siteDir);
  // Outside the base path: the bare prefix and / lead to the site; anything else is the site's 404 page.
  const outside =
    base === '/'
      ? []
      : [`    location = ${base.slice(0, -1)} { return 301 ${base}; }`, `    location = / { return 302 ${base}; }`, '    location / { return 404; }'];
  return [
    'server {',
    `    listen ${options.listen};`,
    '    server_tokens off;',
    '    # Redirects keep the host and port the browser used (relative Location headers).',
    '    absolute_redirect off;',
    '    charset utf-8;',
    `    charset_types ${TEXT_TYPES.join(' ')};`,
    '    gzip on;',
    '    gzip_vary on;',
    `    gzip_types ${TEXT_TYPES.join(' ')} application/wasm;`,
    '    # Missing files are answered with the 404 page; no need to log each one.',
    '    log_not_found off;',
    '    # Forbidden (a folder without an index) and missing both show the site’s own 404 page.',
    `    error_page 403 404 ${base}404.html;`,
    '    # Responses outside the site’s folder (redirects to it, 404s) carry the security headers too.',
    nginxHeaders(REVALIDATE_CACHE, '    '),
    ...outside,
    `    location ^~ ${base} {`,
    `        alias ${dir};`,
    '        index index.html;',
    nginxTypes('        '),
    '        default_type application/octet-stream;',
    nginxHeaders(REVALIDATE_CACHE, '        '),
    '        # File names under _astro/ change with their content, so browsers may keep them for a year.',
    `        location ^~ ${base}_astro/ {`,
    `            alias ${dir}_astro/;`,
    nginxHeaders(IMMUTABLE_CACHE, '            '),
    '        }',
    '    }',
    '}',
  ].join('\n');
}

/** What a private nginx needs besides the site: its own folder for the pid file, logs and temp files. */
export interface NginxRunOptions extends SiteLocation {
  /** Loopback address and port, e.g. `127.0.0.1:4502`. */
  listen: string;
  /** A folder nginx may write to (pid file, access log, temp files). */
  stateDir: string;
  /** `user` directive value when the master runs as root, e.g. `root root`; omitted otherwise. */
  user?: string | undefined;
  /** Temp-path directives this nginx was built with (see `nginx -V`): `proxy`, `fastcgi`, `uwsgi`, `scgi`. */
  tempModules?: readonly string[];
}

/**
 * A complete nginx.conf that runs in the foreground (`daemon off`) and writes only inside `stateDir`,
 * so it works as root and non-root beside any system nginx. Start it with
 * `nginx -p <stateDir> -c <stateDir>/nginx.conf -e stderr`.
 */
export function nginxConfig(options: NginxRunOptions): string {
  const state = withSlash(options.stateDir);
  const temps = ['client_body', ...(options.tempModules ?? ['proxy', 'fastcgi', 'uwsgi', 'scgi'])].map((name) => `    ${name}_temp_path ${state}${name}_temp;`);
  return [
    '# Written by scripts/nginx.ts; everything it writes stays in its state folder.',
    'daemon off;',
    'master_process on;',
    'worker_processes 1;',
    ...(options.user ? [`user ${options.user};`] : []),
    `pid ${state}nginx.pid;`,
    'error_log stderr warn;',
    'events {',
    '    worker_connections 256;',
    '}',
    'http {',
    `    access_log ${state}access.log;`,
    ...temps,
    '    sendfile on;',
    nginxServerBlock(options)
      .split('\n')
      .map((line) => `    ${line}`)
      .join('\n'),
    '}',
    '',
  ].join('\n');
}

/**
 * Apache 2.4 configuration (a virtual host or `conf-enabled/*.conf`; needs mod_alias, mod_headers,
 * mod_mime and mod_deflate) serving the built folder under its base path with the same headers.
 */
export function apacheConfig(options: SiteLocation): string {
  const base = normaliseBase(options.base);
  const dir = options.siteDir.replace(/\/+$/, '');
  const mapping = base === '/' ? [`DocumentRoot ${quoted(dir)}`] : [`Alias ${base.slice(0, -1)} ${quoted(dir)}`, `RedirectMatch 302 ^/$ ${base}`];
  const headers = Object.entries(SECURITY_HEADERS).map(([name, value]) => `    Header always set ${name} ${quoted(value)}`);
  const types = Object.entries(MIME_TYPES)
    .filter(([type]) => type !== 'text/html')
    .map(([type, exts]) => `    AddType ${type} ${exts.map((e) => `.${e}`).join(' ')}`);
  return [
    '# The security headers go on every response (`always`: redirects and errors included), so they are set',
    '# outside <Directory>, where the redirect to the base path is answered too.',
    ...headers.map((line) => line.trimStart()),
    ...mapping,
    `<Directory ${quoted(dir)}>`,
    '    Require all granted',
    '    Options -Indexes',
    '    AllowOverride None',
    '    DirectoryIndex index.html',
    '    # Forbidden (a folder without an index) and missing both show the site’s own 404 page.',
    `    ErrorDocument 403 ${base}404.html`,
    `    ErrorDocument 404 ${base}404.html`,
    ...types,
    `    AddCharset utf-8 .html ${TEXT_TYPES.flatMap((t) => MIME_TYPES[t] ?? [])
      .map((e) => `.${e}`)
      .join(' ')}`,
    `    AddOutputFilterByType DEFLATE text/html ${TEXT_TYPES.join(' ')} application/wasm`,
    `    Header always set Cache-Control ${quoted(REVALIDATE_CACHE)}`,
    '</Directory>',
    '# File names under _astro/ change with their content, so browsers may keep them for a year.',
    `<Directory ${quoted(`${dir}/_astro`)}>`,
    `    Header always set Cache-Control ${quoted(IMMUTABLE_CACHE)}`,
    '</Directory>',
  ].join('\n');
}

const xml = (value: string): string => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * IIS web.config for the root of the built folder (an application or virtual directory at the base path):
 * the MIME mappings IIS lacks for Pagefind, the security headers, the 404 page and `_astro/` caching.
 */
export function iisWebConfig(options: Pick<SiteLocation, 'base'>): string {
  const base = normaliseBase(options.base);
  const maps = Object.entries(MIME_TYPES)
    .filter(([type]) => type !== 'text/html')
    .flatMap(([type, exts]) =>
      exts.flatMap((ext) => [`      <remove fileExtension=".${ext}" />`, `      <mimeMap fileExtension=".${ext}" mimeType="${type}" />`]),
    );
  const headers = Object.entries(SECURITY_HEADERS).map(([name, value]) => `        <add name="${name}" value="${xml(value)}" />`);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<configuration>',
    '  <system.webServer>',
    '    <staticContent>',
    ...maps,
    '      <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="0.00:00:00" />',
    '    </staticContent>',
    '    <defaultDocument enabled="true">',
    '      <files>',
    '        <clear />',
    '        <add value="index.html" />',
    '      </files>',
    '    </defaultDocument>',
    '    <httpErrors errorMode="Custom" existingResponse="Replace">',
    '      <remove statusCode="403" />',
    '      <remove statusCode="404" />',
    `      <error statusCode="403" path="${base}404.html" responseMode="ExecuteURL" />`,
    `      <error statusCode="404" path="${base}404.html" responseMode="ExecuteURL" />`,
    '    </httpErrors>',
    '    <!-- Custom headers go on every response IIS sends for the site, redirects and error pages included. -->',
    '    <httpProtocol>',
    '      <customHeaders>',
    ...headers,
    '      </customHeaders>',
    '    </httpProtocol>',
    '  </system.webServer>',
    '  <location path="_astro">',
    '    <system.webServer>',
    '      <staticContent>',
    '        <clientCache cacheControlMode="UseMaxAge" cacheControlMaxAge="365.00:00:00" cacheControlCustom="public, immutable" />',
    '      </staticContent>',
    '    </system.webServer>',
    '  </location>',
    '</configuration>',
  ].join('\n');
}

/** The example location docs/hosting.md shows its configurations for. */
export const DOCS_EXAMPLE = { siteDir: '/srv/www/playbook', base: '/sales/playbook/', listen: '80' } as const;

/** The table of directives as docs/hosting.md shows it. */
export function documentedDirectives(): string {
  return POLICY_DIRECTIVES.map((d) => `| \`${d.directive}\` | ${d.why} |`).join('\n');
}

/** Each configuration as docs/hosting.md shows it, by name. */
export function documentedConfigs(): Record<'nginx' | 'apache' | 'iis', string> {
  return { nginx: nginxServerBlock(DOCS_EXAMPLE), apache: apacheConfig(DOCS_EXAMPLE), iis: iisWebConfig(DOCS_EXAMPLE) };
}

// `node scripts/hosting-config.ts nginx|apache|iis` prints a configuration for the example location, to paste into docs/hosting.md.
if (import.meta.main) {
  const name = process.argv[2] as keyof ReturnType<typeof documentedConfigs> | undefined;
  const configs = documentedConfigs();
  if (!name || !(name in configs)) {
    console.error('Usage: node scripts/hosting-config.ts nginx|apache|iis');
    process.exit(2);
  }
  console.log(configs[name]);
}

/**
 * The command-line options both local servers (scripts/serve.ts, scripts/nginx.ts) take, for
 * `util.parseArgs`: which built folder, under which base path, on which address.
 */
export const SERVER_OPTIONS = {
  dir: { type: 'string', default: process.env['OUT_DIR'] || 'dist' },
  base: { type: 'string', default: process.env['BASE_PATH'] || '/' },
  port: { type: 'string', default: process.env['PORT'] || '4321' },
  host: { type: 'string', default: process.env['HOST'] || '127.0.0.1' },
} as const;
