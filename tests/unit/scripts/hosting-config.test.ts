import { spawn } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  apacheConfig,
  documentedConfigs,
  documentedDirectives,
  iisWebConfig,
  nginxConfig,
  nginxServerBlock,
} from '../../../scripts/hosting-config.ts';

const docs = readFileSync('docs/hosting.md', 'utf8');

describe('docs/hosting.md shows exactly the configurations scripts/hosting-config.ts renders', () => {
  test.each([
    ['nginx', 'nginx'],
    ['apache', 'apache'],
    ['iis', 'xml'],
  ] as const)('%s', (name, fence) => {
    // On a mismatch, paste the output of `node scripts/hosting-config.ts <name>` into the doc.
    expect(docs).toContain(`\`\`\`${fence}\n${documentedConfigs()[name]}\n\`\`\``);
  });

  test('the policy and the table of its directives', () => {
    expect(docs).toContain(`\`\`\`\n${CONTENT_SECURITY_POLICY}\n\`\`\``);
    expect(docs).toContain(documentedDirectives());
  });
});

test('scripts/serve.ts sends the same headers and types as the real servers', async () => {
  const port = 4390 + Math.floor(Math.random() * 50);
  const server = spawn(process.execPath, ['scripts/serve.ts', '--dir', 'tests/fixtures/content', '--port', String(port)], { stdio: 'pipe' });
  try {
    await new Promise<void>((done, fail) => {
      server.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('Serving') && done());
      server.on('exit', () => fail(new Error('serve.ts exited')));
    });
    const yaml = await fetch(`http://127.0.0.1:${port}/site.yaml`);
    expect(yaml.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(yaml.headers.get('x-content-type-options')).toBe('nosniff');
    const missing = await fetch(`http://127.0.0.1:${port}/playbook/../../package.json`);
    expect(missing.status).toBe(404);
  } finally {
    server.kill();
  }
});

test('the policy is the one the hardening issue specifies', () => {
  expect(CONTENT_SECURITY_POLICY).toBe(
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
      "connect-src 'self'; worker-src 'self' blob:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
  );
});

describe('nginx server block', () => {
  test.each([
    [
      '/sales/playbook/',
      '/srv/site',
      [
        'location ^~ /sales/playbook/ {',
        'alias /srv/site/;',
        'alias /srv/site/_astro/;',
        'location = /sales/playbook { return 301 /sales/playbook/; }',
        'error_page 403 404 /sales/playbook/404.html;',
      ],
    ],
    ['/', '/srv/site/', ['location ^~ / {', 'alias /srv/site/;', 'location ^~ /_astro/ {', 'error_page 403 404 /404.html;']],
    ['docs', '/srv/site', ['location ^~ /docs/ {', 'location = /docs { return 301 /docs/; }']],
  ])('base %s, folder %s', (base, siteDir, expected) => {
    const block = nginxServerBlock({ siteDir, base, listen: '80' });
    for (const line of expected) expect(block).toContain(line);
    expect(block).toContain('application/octet-stream pf_meta pf_index pf_fragment pagefind;');
    // At server level (redirects and errors outside the site's folder), in the folder and in _astro/.
    expect(block.match(/add_header Content-Security-Policy .* always;/g)).toHaveLength(3);
  });

  test('the root-hosted site needs no redirects', () => {
    expect(nginxServerBlock({ siteDir: '/srv/site', base: '/', listen: '80' })).not.toContain('return 30');
  });
});

test.each([
  ['/sales/playbook/', ['Alias /sales/playbook "/srv/site"', 'ErrorDocument 403 /sales/playbook/404.html', 'ErrorDocument 404 /sales/playbook/404.html']],
  ['/', ['DocumentRoot "/srv/site"', 'ErrorDocument 404 /404.html']],
])('Apache configuration for base %s', (base, expected) => {
  const config = apacheConfig({ siteDir: '/srv/site/', base });
  for (const line of expected) expect(config).toContain(line);
  expect(config).toContain('AddType application/octet-stream .pf_meta .pf_index .pf_fragment .pagefind');
});

test('IIS web.config maps every Pagefind extension and escapes nothing it should not', () => {
  const config = iisWebConfig({ base: '/kb/' });
  for (const ext of ['pf_meta', 'pf_index', 'pf_fragment', 'pagefind', 'wasm']) {
    expect(config).toContain(`<remove fileExtension=".${ext}" />`);
  }
  expect(config).toContain('<error statusCode="404" path="/kb/404.html" responseMode="ExecuteURL" />');
  expect(config).toContain(`value="${CONTENT_SECURITY_POLICY}"`);
});

const nginx = ['/usr/sbin/nginx', '/usr/local/sbin/nginx'].find((p) => existsSync(p));

test.skipIf(!nginx)('nginx accepts the whole configuration scripts/nginx.ts writes (nginx -t)', () => {
  const state = mkdtempSync(join(tmpdir(), 'nginx-config-test-'));
  try {
    const file = join(state, 'nginx.conf');
    writeFileSync(file, nginxConfig({ siteDir: join(state, 'site'), base: '/sales/playbook/', listen: '127.0.0.1:8080', stateDir: state }));
    const run = spawnSync(nginx!, ['-t', '-p', state, '-c', file, '-e', 'stderr'], { encoding: 'utf8' });
    expect(run.stderr).toContain('test is successful');
    expect(run.stderr).not.toMatch(/\[(warn|emerg|alert)\]/);
  } finally {
    rmSync(state, { recursive: true, force: true });
  }
});
