// Scaffolds content: npm run new -- chapter "Title" --section <id> [--audience rep|leader|both]
//                    npm run new -- section "Title"
//                    npm run new -- term "Term"
// Writes into CONTENT_DIR (default src/content) and never overwrites an existing file.
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { chapterTemplate, sectionTemplate, slugify, termTemplate } from './lib/scaffold.ts';
import { contentDir } from '../src/common/content-dir.ts';

const USAGE = `usage:
  npm run new -- chapter "Title" --section <section-id> [--audience rep|leader|both]
  npm run new -- section "Title"
  npm run new -- term "Term"`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(1);
}

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { section: { type: 'string' }, audience: { type: 'string', default: 'both' }, help: { type: 'boolean' } },
});
if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [kind, title] = positionals;
if (!kind || !title) fail('Say what to create and its title.');
const id = slugify(title);
if (!id) fail(`"${title}" has no letters or digits to make an id from.`);
const root = contentDir();

function frontmatterOrders(dir: string, section: string): number[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.mdx'))
    .flatMap((f) => {
      const match = /^---\r?\n([\s\S]*?)\r?\n---/.exec(readFileSync(join(dir, f), 'utf8'));
      const data = (match ? parse(match[1] ?? '') : {}) as { section?: string; order?: number };
      return data.section === section && typeof data.order === 'number' ? [data.order] : [];
    });
}

function write(folder: string, file: string, text: string): void {
  const dir = join(root, folder);
  const path = join(dir, file);
  if (existsSync(path)) fail(`${path} already exists; choose another title or edit that file.`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path, text);
  console.log(`Created ${path}`);
}

if (kind === 'chapter') {
  const section = values.section;
  if (!section) fail('A chapter needs --section <id>.');
  const sections = existsSync(join(root, 'sections')) ? readdirSync(join(root, 'sections')).map((f) => f.replace(/\.ya?ml$/, '')) : [];
  if (!sections.includes(section)) fail(`There is no section "${section}". Sections: ${sections.join(', ') || '(none)'}.`);
  if (!['rep', 'leader', 'both'].includes(values.audience)) fail(`--audience must be rep, leader or both; given "${values.audience}".`);
  const order = Math.max(0, ...frontmatterOrders(join(root, 'playbook'), section)) + 1;
  write('playbook', `${id}.mdx`, chapterTemplate({ title, section, order, audience: values.audience }));
  console.log('It is a draft: it shows with `npm run dev` and is left out of builds until you set draft: false.');
} else if (kind === 'section') {
  const dir = join(root, 'sections');
  const orders = existsSync(dir)
    ? readdirSync(dir).map((f) => Number((parse(readFileSync(join(dir, f), 'utf8')) as { order?: number } | null)?.order ?? 0))
    : [];
  write('sections', `${id}.yaml`, sectionTemplate({ title, order: Math.max(0, ...orders) + 1 }));
} else if (kind === 'term') {
  write('glossary', `${id}.yaml`, termTemplate({ term: title }));
} else {
  fail(`Unknown kind "${kind}".`);
}
