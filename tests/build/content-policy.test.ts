// Real builds of the fixture playbook with chapters that break the site's Content-Security-Policy or
// link out of the site: the build must refuse the first, naming file, line and fix, and mark the second.
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const work = mkdtempSync(join(tmpdir(), 'pb-policy-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Copies the fixture playbook, adds the named chapters from tests/fixtures/careless, applies `edit`, builds. */
function buildWith(name: string, chapters: string[], edit: (dir: string) => void = () => {}, elsewhere = false) {
  const content = join(work, name, 'content');
  cpSync(resolve('tests/fixtures/content'), content, { recursive: true });
  for (const chapter of chapters) copyFileSync(resolve('tests/fixtures/careless', chapter), join(content, 'playbook', chapter));
  edit(content);
  const out = join(work, name, 'dist');
  // From another working folder, the project's root is given as npm run build's script gives it.
  const args = elsewhere ? ['build', '--root', resolve('.')] : ['build'];
  const result = spawnSync(process.execPath, [resolve('node_modules/astro/bin/astro.mjs'), ...args], {
    ...(elsewhere ? { cwd: mkdirSync(join(work, name, 'deeper/still'), { recursive: true }) } : {}),
    env: {
      ...process.env,
      CONTENT_DIR: content,
      OUT_DIR: out,
      ASTRO_CACHE_DIR: join(work, name, 'cache'),
      ASTRO_TELEMETRY_DISABLED: '1',
      BASE_PATH: '/',
    },
    encoding: 'utf8',
    timeout: 180_000,
  });
  return {
    status: result.status,
    output: `${result.stdout}\n${result.stderr}`.replace(/\x1b\[[0-9;]*m/g, ''),
    out,
    content,
  };
}

describe('the content policy at build time', { timeout: 200_000 }, () => {
  test('a careless-author chapter fails the build, naming file, line and fix for every breach', () => {
    const { status, output, content } = buildWith('careless', ['careless-author.mdx']);
    expect(status, output).not.toBe(0);
    const file = join(content, 'playbook/careless-author.mdx');
    for (const [line, words] of [
      [10, 'an inline style on <p>: the policy blocks style attributes. Add a class to src/styles/global.css'],
      [12, 'a <script> element: the policy allows only the site’s own script files'],
      [14, 'a <style> element'],
      [16, 'a <iframe> element: embedded pages are blocked'],
      [18, 'an image from outside the site ("https://cdn.example.com/diagram.png")'],
      [20, 'a src from outside the site ("https://cdn.example.com/clip.mp4") on <video>'],
      [22, 'a link that runs script ("javascript:alert(1)")'],
      [24, 'a href that runs script ("javascript:alert(2)") on <a>'],
      [26, 'an event handler (onClick) on <button>'],
    ] as const) {
      expect(output).toContain(`${file}:${line}: ${words}`);
    }
  });

  test('built from another working folder, a breach still names the chapter file and its line', () => {
    const { status, output, content } = buildWith('elsewhere', ['careless-author.mdx'], undefined, true);
    expect(status, output).not.toBe(0);
    expect(output).toContain(`\n  - ${join(content, 'playbook/careless-author.mdx')}:10: an inline style on <p>`);
    expect(output).not.toContain('could not be rendered');
  });

  test('outbound links are kept and marked as leaving the site; site links are not', () => {
    const { status, output, out } = buildWith('outbound', ['outbound.mdx']);
    expect(status, output).toBe(0);
    const html = readFileSync(join(out, 'chapters/outbound/index.html'), 'utf8');
    expect(html).toMatch(
      /<a href="https:\/\/vendor\.example\.com\/guide" rel="external noopener noreferrer" class="outbound-link">the vendor’s guide<span class="visually-hidden"> \(leaves the site\)<\/span><\/a>/,
    );
    expect(html).toMatch(
      /<a href="https:\/\/other\.example\.com\/" rel="external noopener noreferrer" class="outbound-link">this page<span class="visually-hidden"> \(leaves the site\)<\/span><\/a>/,
    );
    expect(html).toMatch(/<a href="\/glossary\/">the glossary<\/a>/);
  });

  test('with "outboundLinks: forbid" in site.yaml, a link out of the site fails the build', () => {
    const { status, output, content } = buildWith('forbid', ['outbound.mdx'], (dir) => appendFileSync(join(dir, 'site.yaml'), '\noutboundLinks: forbid\n'));
    expect(status).not.toBe(0);
    expect(output).toContain(
      `${join(content, 'playbook/outbound.mdx')}:8: a link out of the site ("https://vendor.example.com/guide") while site.yaml sets "outboundLinks: forbid"`,
    );
  });
});
