import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { writePeerContent } from '../../../scripts/bench-peer.ts';
import { writeSyntheticPlaybook } from '../../../scripts/synthetic-playbook.ts';

const scratch = mkdtempSync(join(tmpdir(), 'bench-peer-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('writePeerContent', () => {
  const playbook = writeSyntheticPlaybook({ chapters: 12, outDir: join(scratch, 'content'), sectionSize: 5 });
  const peer = join(scratch, 'peer');
  const files = writePeerContent(playbook, peer);
  const docs = join(peer, 'src', 'content', 'docs');

  test('writes every chapter, in reading order, into its section’s folder', () => {
    expect(files.map((f) => relative(docs, f))).toEqual(playbook.chapters.map((id, i) => `${playbook.sections[Math.floor(i / 5)]}/${id}.mdx`));
  });

  test('keeps the chapter’s text, with the components imported and links pointed at the peer’s addresses', () => {
    const ours = readFileSync(join(playbook.dir, 'playbook', `${playbook.chapters[0]}.mdx`), 'utf8');
    const theirs = readFileSync(files[0]!, 'utf8');
    const paragraph = ours.split('\n\n').find((p) => p.startsWith('## '))!;
    expect(theirs).toContain(paragraph);
    for (const name of ['Callout', 'Checklist', 'KeyTakeaways', 'Term']) expect(theirs).toContain(`import ${name} from '../../../components/${name}.astro';`);
    expect(theirs).toMatch(/^---\ntitle: ".+"\ndescription: ".+"\nsidebar:\n {2}order: 1\n---\n/);
    const linked = /\]\(\/chapters\/([^/)]+)\/\)/.exec(ours)![1]!;
    const section = playbook.sections[Math.floor(playbook.chapters.indexOf(linked) / 5)];
    expect(theirs).toContain(`](/${section}/${linked}/)`);
    expect(theirs).not.toContain('](/chapters/');
  });

  test('groups the sidebar by section, with the sections’ titles', () => {
    const sidebar = JSON.parse(readFileSync(join(peer, 'sidebar.json'), 'utf8')) as { label: string; items: { autogenerate: { directory: string } }[] }[];
    expect(sidebar.map((g) => g.items[0]!.autogenerate.directory)).toEqual(playbook.sections);
    expect(sidebar[0]!.label).toBe('Territory planning');
  });
});
