// Writes a synthetic playbook of any size into a content folder, for benchmarks and budget checks:
// N chapters of about 800 words each (headings, a callout, a checklist, key takeaways, glossary terms,
// a link to a neighbour), in sections of about 50, plus the site settings, calculator defaults,
// glossary and assessments copied from a real content folder with their chapter references pointed
// at synthetic chapters. Chapter k is the same text whatever N is, so page sizes compare across sizes.
// Usage: node scripts/synthetic-playbook.ts --chapters 1000 --out /tmp/playbook-1000 [--from src/content]
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { slug } from '../src/common/slug.ts';
import { BUILT_IN_CONTENT_DIR } from '../src/common/content-dir.ts';

/** What to generate. */
export interface SyntheticOptions {
  /** How many chapters. */
  chapters: number;
  /** The content folder to write (emptied first). */
  outDir: string;
  /** The content folder to copy site settings, calculator defaults, glossary and assessments from. */
  fromDir?: string;
  /** Chapters per section. @default 50 */
  sectionSize?: number;
}

/** What was written: ids in reading order. */
export interface SyntheticPlaybook {
  /** The content folder. */
  dir: string;
  /** Chapter ids, in reading order. */
  chapters: string[];
  /** Section ids, in order. */
  sections: string[];
  /** Assessment ids copied from the source folder (empty when it has none). */
  assessments: string[];
}

/** A small deterministic generator (mulberry32), so every run writes the same text. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Pick = <T>(list: readonly T[]) => T;

const SUBJECTS = [
  'A rep who blocks time every morning',
  'The team that reviews its target list weekly',
  'A leader who asks about created pipeline',
  'An account executive with a full calendar',
  'A new hire in the second month',
  'The sales development team',
  'A manager coaching first conversations',
  'Every seller on the team',
  'A buyer who has not yet felt the problem',
  'The regional director',
  'A rep working a list of fifty accounts',
  'A team without an inbound programme',
] as const;
const VERBS = [
  'earns a second meeting',
  'learns more from one honest call',
  'spends less time on accounts that will never buy',
  'builds a pipeline that survives a slow quarter',
  'notices stale opportunities earlier',
  'turns a cold list into real conversations',
  'keeps prospecting when deals get busy',
  'measures outcomes rather than activity',
  'hands off fewer one-meeting opportunities',
  'finds the cost of doing nothing sooner',
  'reaches more than one person in each account',
  'writes openers that sound like a person',
] as const;
const QUALIFIERS = [
  'when the week starts with a plan',
  'because the targets were chosen on purpose',
  'as long as the follow-up happens within two days',
  'if the first question is about the buyer rather than the product',
  'even in a quarter full of renewals',
  'once the hand-off includes the notes from the call',
  'provided the manager reviews the numbers every Friday',
  'without adding another tool to the stack',
  'when coverage is measured against fresh opportunities only',
  'after the team agrees what a qualified meeting means',
] as const;
const OPENERS = [
  'In practice,',
  'Most teams find that',
  'Over a quarter,',
  'It is tempting to think otherwise, but',
  'Looking back at last year’s numbers,',
  'On a good week,',
  'For a leader,',
  'Seen from the buyer’s side,',
] as const;
const EXTRAS = [
  'Write down what you expected before the call and compare it afterwards.',
  'Keep the notes short enough that a colleague could pick up the account tomorrow.',
  'Count the meetings that led to a second meeting, not the ones that were booked.',
  'Ask what happens if nothing changes, and listen to the whole answer.',
  'Review the list on Friday and remove accounts that no longer fit.',
  'Share one call recording a week and discuss what the buyer heard.',
  'Plan the first three touches before the first one goes out.',
  'Agree with marketing which signals deserve a call within the hour.',
] as const;
const TOPICS = [
  'territory planning',
  'target accounts',
  'first conversations',
  'discovery questions',
  'follow-up cadence',
  'pipeline reviews',
  'hand-offs',
  'objection handling',
  'referrals',
  'event follow-up',
  'call preparation',
  'account research',
  'email openers',
  'voicemail',
  'coaching',
  'forecasting',
  'stale opportunities',
  'multi-threading',
  'time blocking',
  'win-loss reviews',
] as const;
const ANGLES = ['A practical guide to', 'Common mistakes in', 'Measuring', 'Coaching', 'Getting started with', 'Scaling', 'Rethinking'] as const;
const CHECKS = [
  'Choose the ten accounts for this week',
  'Read the last note on each account',
  'Write one opener per persona',
  'Block two hours in the calendar',
  'Prepare three questions about the buyer’s situation',
  'Decide what a good outcome of the call is',
  'Log the result the same day',
  'Book the follow-up before hanging up',
] as const;

function sentence(pick: Pick, rand: () => number): string {
  const body = `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(QUALIFIERS)}.`;
  const opened = rand() < 0.4 ? `${pick(OPENERS)} ${body.charAt(0).toLowerCase()}${body.slice(1)}` : body;
  return rand() < 0.3 ? `${opened} ${pick(EXTRAS)}` : opened;
}

function paragraph(pick: Pick, rand: () => number, words: number): string {
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    const s = sentence(pick, rand);
    sentences.push(s);
    count += s.split(/\s+/).length;
  }
  return sentences.join(' ');
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Title and id of chapter k (1-based); the same for every playbook size. */
function chapterName(k: number): { id: string; title: string } {
  const rand = random(k * 7919);
  const pick: Pick = (list) => list[Math.floor(rand() * list.length)]!;
  const title = `${pick(ANGLES)} ${pick(TOPICS)} (${k})`;
  return { id: `${slug(title.replace(/\s*\(\d+\)$/, ''))}-${pad(k, 4)}`, title };
}

/** The MDX body of chapter k (about 800 words), linking to `neighbour` and using two glossary terms. */
function chapterBody(k: number, neighbour: { id: string; title: string }, terms: readonly { id: string; text: string }[]): string {
  const rand = random(k * 104729 + 1);
  const pick: Pick = (list) => list[Math.floor(rand() * list.length)]!;
  const term = (i: number) => (terms.length ? terms[(k * 3 + i * 7) % terms.length] : undefined);
  const [first, second] = [term(0), term(1)];
  const termText = (chosen: { id: string; text: string } | undefined, fallback: string): string =>
    chosen ? `<Term id="${chosen.id}">${chosen.text}</Term>` : fallback;
  const headings = [...TOPICS].sort(() => rand() - 0.5).slice(0, 4);
  const checklist = [...CHECKS].sort(() => rand() - 0.5).slice(0, 5);
  return [
    `${paragraph(pick, rand, 35)} This chapter is about ${termText(first, 'prospecting')} and what it asks of a team.`,
    '',
    `## Why ${headings[0]} matters`,
    '',
    paragraph(pick, rand, 70),
    '',
    `${paragraph(pick, rand, 50)} The same holds for ${termText(second, 'pipeline')}, which the glossary defines.`,
    '',
    '<Callout type="tip" title="Try this week">',
    '',
    paragraph(pick, rand, 40),
    '',
    '</Callout>',
    '',
    `## How ${headings[1]} works day to day`,
    '',
    paragraph(pick, rand, 70),
    '',
    `### A closer look at ${headings[2]}`,
    '',
    paragraph(pick, rand, 70),
    '',
    `${paragraph(pick, rand, 40)} Read [${neighbour.title}](/chapters/${neighbour.id}/) next.`,
    '',
    '<Checklist title="Before the call">',
    '',
    ...checklist.map((c) => `- ${c}.`),
    '',
    '</Checklist>',
    '',
    `## What good ${headings[3]} looks like`,
    '',
    paragraph(pick, rand, 70),
    '',
    paragraph(pick, rand, 60),
    '',
    '<KeyTakeaways>',
    '',
    `- ${sentence(pick, rand)}`,
    `- ${sentence(pick, rand)}`,
    `- ${sentence(pick, rand)}`,
    '',
    '</KeyTakeaways>',
    '',
  ].join('\n');
}

const yamlFiles = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => /\.ya?ml$/.test(f))
        .sort()
    : [];

/** Points every chapter reference (`related`, `chapters`, chapter steps' `ref`) at a synthetic chapter. */
function remapChapters(value: unknown, map: (id: string) => string, key = ''): unknown {
  if (Array.isArray(value)) {
    const mapped = value.map((v) => remapChapters(v, map, ''));
    return key === 'related' || key === 'chapters' ? [...new Set(mapped.map((v) => (typeof v === 'string' ? map(v) : v)))] : mapped;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const isChapterStep = (value as Record<string, unknown>)['kind'] === 'chapter';
    return Object.fromEntries(entries.map(([k, v]) => [k, k === 'ref' && isChapterStep && typeof v === 'string' ? map(v) : remapChapters(v, map, k)]));
  }
  return value;
}

/** Writes the synthetic playbook and returns its ids. */
export function writeSyntheticPlaybook(options: SyntheticOptions): SyntheticPlaybook {
  const dir = resolve(options.outDir);
  const from = options.fromDir ? resolve(options.fromDir) : BUILT_IN_CONTENT_DIR;
  const size = options.sectionSize ?? 50;
  if (!Number.isInteger(options.chapters) || options.chapters < 2) {
    throw new Error(`synthetic playbook: --chapters must be a whole number of at least 2, got ${options.chapters}`);
  }
  rmSync(dir, { recursive: true, force: true });
  for (const folder of ['playbook', 'sections', 'glossary', 'paths', 'assessments', 'calculator']) mkdirSync(join(dir, folder), { recursive: true });

  const site = join(from, 'site.yaml');
  if (existsSync(site)) cpSync(site, join(dir, 'site.yaml'));
  else writeFileSync(join(dir, 'site.yaml'), 'name: Synthetic Playbook\ntagline: Generated for benchmarks.\n');
  if (existsSync(join(from, 'calculator'))) cpSync(join(from, 'calculator'), join(dir, 'calculator'), { recursive: true });

  const chapters = Array.from({ length: options.chapters }, (_, i) => chapterName(i + 1));
  const ids = chapters.map((c) => c.id);
  const originals = new Map<string, string>();
  const map = (id: string): string => {
    if (!originals.has(id)) originals.set(id, ids[(originals.size * 37) % ids.length]!);
    return originals.get(id)!;
  };

  const terms: { id: string; text: string }[] = [];
  for (const file of yamlFiles(join(from, 'glossary'))) {
    const data = remapChapters(parseYaml(readFileSync(join(from, 'glossary', file), 'utf8')), map) as Record<string, unknown>;
    writeFileSync(join(dir, 'glossary', file), stringifyYaml(data));
    const id = file.replace(/\.ya?ml$/, '');
    terms.push({
      id,
      text: String(data['term'] ?? id)
        .replace(/\s*\(.*\)\s*$/, '')
        .toLowerCase(),
    });
  }
  if (terms.length === 0) {
    for (const id of ['prospecting', 'pipeline', 'cadence', 'target']) {
      writeFileSync(join(dir, 'glossary', `${id}.yaml`), stringifyYaml({ term: id, definition: `What ${id} means on this team.` }));
      terms.push({ id, text: id });
    }
  }
  const assessments: { id: string; audience: unknown }[] = [];
  for (const file of yamlFiles(join(from, 'assessments'))) {
    const data = remapChapters(parseYaml(readFileSync(join(from, 'assessments', file), 'utf8')), map) as Record<string, unknown>;
    writeFileSync(join(dir, 'assessments', file), stringifyYaml(data));
    assessments.push({ id: file.replace(/\.ya?ml$/, ''), audience: data['audience'] });
  }

  const sectionCount = Math.ceil(chapters.length / size);
  const sections = Array.from({ length: sectionCount }, (_, s) => {
    const topic = TOPICS[s % TOPICS.length]!;
    const title = `${topic.charAt(0).toUpperCase()}${topic.slice(1)}${s >= TOPICS.length ? ` ${Math.floor(s / TOPICS.length) + 1}` : ''}`;
    const id = `${pad(s + 1, 3)}-${slug(topic)}`;
    writeFileSync(
      join(dir, 'sections', `${id}.yaml`),
      stringifyYaml({ title, order: s + 1, summary: `Chapters ${s * size + 1} to ${Math.min((s + 1) * size, chapters.length)}: how teams approach ${topic}.` }),
    );
    return id;
  });

  chapters.forEach((chapter, i) => {
    const section = Math.floor(i / size);
    const first = section * size;
    const last = Math.min(first + size, chapters.length) - 1;
    const next = chapters[i + 1 <= last ? i + 1 : first]!;
    const related = [i - 1, i + 1].filter((j) => j >= first && j <= last && j !== i).map((j) => ids[j]!);
    const frontmatter = stringifyYaml({
      title: chapter.title,
      description: `How teams handle ${chapter.title.toLowerCase().replace(/\s*\(\d+\)$/, '')}, with a checklist and what to measure.`,
      section: sections[section],
      order: i - first + 1,
      audience: (['rep', 'leader', 'both'] as const)[i % 3],
      related,
      draft: false,
    });
    writeFileSync(join(dir, 'playbook', `${chapter.id}.mdx`), `---\n${frontmatter}---\n${chapterBody(i + 1, next, terms)}`);
  });

  const rep = assessments.find((a) => a.audience === 'rep') ?? assessments[0];
  writeFileSync(
    join(dir, 'paths', 'synthetic-first-weeks.yaml'),
    stringifyYaml({
      title: 'Your first weeks',
      audience: 'rep',
      order: 1,
      summary: 'A generated path through the first chapters.',
      steps: [
        ...ids.slice(0, 5).map((ref) => ({ kind: 'chapter', ref, description: 'Read this chapter and try its checklist.' })),
        ...(rep ? [{ kind: 'assessment', ref: rep.id, description: 'See where your habits stand.' }] : []),
        { kind: 'task', title: 'Build a list of fifty target accounts', description: 'Done when every account on it fits the profile.' },
      ],
    }),
  );
  return { dir, chapters: ids, sections, assessments: assessments.map((a) => a.id) };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      chapters: { type: 'string', default: '10' },
      out: { type: 'string' },
      from: { type: 'string' },
    },
  });
  if (!values.out) {
    console.error('Usage: node scripts/synthetic-playbook.ts --chapters 1000 --out <content folder> [--from src/content]');
    process.exit(2);
  }
  const written = writeSyntheticPlaybook({ chapters: Number(values.chapters), outDir: values.out, ...(values.from ? { fromDir: values.from } : {}) });
  console.log(`Wrote ${written.chapters.length} chapters in ${written.sections.length} sections (${written.assessments.length} assessments) to ${written.dir}`);
}
