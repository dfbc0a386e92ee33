// The peer in the benchmark: the same synthetic chapters built with Starlight, in a throwaway Astro
// project generated under the temp folder. Its dependencies are pinned (PEER) and installed from the
// npm registry the first time; the project is kept between runs, so later runs need no network.
// The chapters keep their text; the authors' components become small .astro components over
// Starlight's own (Aside), imported at the top of each chapter as a Starlight author would.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { measure, type RunCost } from './bench-tools.ts';
import type { SyntheticPlaybook } from './synthetic-playbook.ts';

/** The versions the peer is built with. */
export const PEER = { starlight: '0.42.4', astro: '7.3.5', markdownRemark: '7.3.1' } as const;

/** Where the generated project lives; kept between runs (its node_modules is the registry cache). */
export const PEER_DIR = join(tmpdir(), 'playbook-bench-peer', `starlight-${PEER.starlight}-astro-${PEER.astro}`);

const installedVersion = (dir: string, pkg: string): string | undefined => {
  try {
    return (JSON.parse(readFileSync(join(dir, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
};

const COMPONENTS: Record<string, string> = {
  'Callout.astro': `---
import { Aside } from '@astrojs/starlight/components';
const { type = 'note', title } = Astro.props;
const kinds = { tip: 'tip', warning: 'caution', danger: 'danger', note: 'note' };
---
<Aside type={kinds[type] ?? 'note'} title={title}><slot /></Aside>
`,
  'KeyTakeaways.astro': `---
import { Aside } from '@astrojs/starlight/components';
---
<Aside type="note" title="Key takeaways"><slot /></Aside>
`,
  'Checklist.astro': `---
const { title = 'Checklist' } = Astro.props;
---
<section class="checklist" aria-label={title}><p><strong>{title}</strong></p><slot /></section>
`,
  'Term.astro': `---
const { id } = Astro.props;
---
<a class="term" href={\`\${import.meta.env.BASE_URL}glossary/#\${id}\`}><slot /></a>
`,
};

const CONFIG = `import { readFileSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';

const sidebar = JSON.parse(readFileSync(new URL('./sidebar.json', import.meta.url), 'utf8'));

export default defineConfig({
  outDir: process.env.OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  integrations: [starlight({ title: 'Synthetic Playbook', sidebar })],
});
`;

const CONTENT_CONFIG = `import { defineCollection } from 'astro:content';
import { docsLoader } from '@astrojs/starlight/loaders';
import { docsSchema } from '@astrojs/starlight/schema';

export const collections = { docs: defineCollection({ loader: docsLoader(), schema: docsSchema() }) };
`;

/**
 * Makes sure the peer project exists with its pinned dependencies installed (npm install from the
 * registry the first time, nothing afterwards) and returns its folder.
 */
export function preparePeer(dir = PEER_DIR): string {
  mkdirSync(join(dir, 'src', 'components'), { recursive: true });
  const manifest = {
    name: 'playbook-bench-starlight',
    private: true,
    type: 'module',
    dependencies: { '@astrojs/markdown-remark': PEER.markdownRemark, '@astrojs/starlight': PEER.starlight, astro: PEER.astro },
    allowScripts: { esbuild: true },
  };
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  if (installedVersion(dir, '@astrojs/starlight') !== PEER.starlight || installedVersion(dir, 'astro') !== PEER.astro) {
    console.log(`[peer] installing Starlight ${PEER.starlight} and Astro ${PEER.astro} into ${dir} (once)…`);
    const run = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: dir, encoding: 'utf8', stdio: 'pipe' });
    if (run.status !== 0) throw new Error(`npm install of the Starlight peer failed in ${dir}:\n${`${run.stdout}${run.stderr}`.slice(-3000)}`);
  }
  writeFileSync(join(dir, 'astro.config.mjs'), CONFIG);
  writeFileSync(join(dir, 'src', 'content.config.ts'), CONTENT_CONFIG);
  for (const [name, text] of Object.entries(COMPONENTS)) writeFileSync(join(dir, 'src', 'components', name), text);
  return dir;
}

/** Where a synthetic chapter goes in the peer project: one folder per section, as Starlight's sidebar groups them. */
const peerChapterFile = (dir: string, section: string, id: string): string => join(dir, 'src', 'content', 'docs', section, `${id}.mdx`);

/**
 * Writes the synthetic playbook's chapters into the peer project (replacing what was there): the
 * same bodies, frontmatter reduced to what Starlight reads, links pointed at Starlight's URLs, and a
 * sidebar with one group per section. Returns the chapter files, in reading order.
 */
export function writePeerContent(playbook: SyntheticPlaybook, dir = PEER_DIR): string[] {
  const docs = join(dir, 'src', 'content', 'docs');
  rmSync(docs, { recursive: true, force: true });
  const sectionOf = new Map<string, string>();
  const chapters = playbook.chapters.map((id) => {
    const source = readFileSync(join(playbook.dir, 'playbook', `${id}.mdx`), 'utf8');
    const end = source.indexOf('\n---\n', 4);
    const data = parseYaml(source.slice(4, end)) as { title: string; description: string; section: string; order: number };
    sectionOf.set(id, data.section);
    return { id, data, body: source.slice(end + 5) };
  });
  const imports = Object.keys(COMPONENTS)
    .map((file) => `import ${file.replace('.astro', '')} from '../../../components/${file}';`)
    .join('\n');
  const files: string[] = [];
  for (const { id, data, body } of chapters) {
    const file = peerChapterFile(dir, data.section, id);
    mkdirSync(resolve(file, '..'), { recursive: true });
    const linked = body.replace(/\]\(\/chapters\/([^/)]+)\/\)/g, (whole, target: string) =>
      sectionOf.has(target) ? `](/${sectionOf.get(target)}/${target}/)` : whole,
    );
    const frontmatter = [`title: ${JSON.stringify(data.title)}`, `description: ${JSON.stringify(data.description)}`, 'sidebar:', `  order: ${data.order}`].join(
      '\n',
    );
    writeFileSync(file, `---\n${frontmatter}\n---\n${imports}\n\n${linked}`);
    files.push(file);
  }
  writeFileSync(
    join(docs, 'index.mdx'),
    `---\ntitle: Synthetic Playbook\ndescription: ${playbook.chapters.length} generated chapters.\n---\n\nGenerated for benchmarks.\n`,
  );
  const sidebar = playbook.sections.map((section) => {
    const yaml = join(playbook.dir, 'sections', `${section}.yaml`);
    const label = existsSync(yaml) ? String((parseYaml(readFileSync(yaml, 'utf8')) as { title?: unknown }).title ?? section) : section;
    return { label, items: [{ autogenerate: { directory: section } }] };
  });
  writeFileSync(join(dir, 'sidebar.json'), `${JSON.stringify(sidebar)}\n`);
  return files;
}

/** Builds the peer project (Starlight runs Pagefind inside its build) into `workDir/site`, caching in `workDir/astro-cache`. */
export async function buildPeer(workDir: string, dir = PEER_DIR): Promise<RunCost> {
  mkdirSync(workDir, { recursive: true });
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', OUT_DIR: join(workDir, 'site'), ASTRO_CACHE_DIR: join(workDir, 'astro-cache') };
  const { seconds, peakMb } = await measure(process.execPath, [join(dir, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: dir, env });
  return { seconds, peakMb };
}
