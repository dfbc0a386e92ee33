/**
 * The manager's roll-up of readiness files: which files count (an identical file once, the same
 * person's latest export), which are refused and why, each person's standing on a path step by step,
 * who is stuck, sorting and the CSV. DOM-free: the team page's island only renders what this returns.
 */
import { parseReadinessText, readinessReason, type Readiness } from './format.ts';
import { doneAt, type StepTarget } from '../progress/progress.ts';
import { plural } from '../../common/plural.ts';

/** A file as the page read it: its name, its size in bytes, and its text (absent when it was too large to read). */
export interface ReadinessSource {
  source: string;
  bytes: number;
  text?: string | undefined;
}

/** A file refused, and why, in words. */
export interface Refusal {
  source: string;
  reason: string;
}

/** The files that count, the ones refused and what was merged or skipped. */
export interface Collected {
  people: { file: Readiness; source: string }[];
  refused: Refusal[];
  notes: string[];
}

const personKey = (name: string): string => name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en');

/**
 * Reads the files in order: each is measured, then parsed; an identical file counts once; the same
 * person twice keeps the later export (by `exportedAt`). Each skip or merge is a note for the manager.
 */
export function collect(sources: readonly ReadinessSource[]): Collected {
  const refused: Refusal[] = [];
  const notes: string[] = [];
  const seenText = new Map<string, string>();
  const byPerson = new Map<string, { file: Readiness; source: string }>();
  for (const { source, bytes, text } of sources) {
    // A file the page did not read (over the size limit) is refused by its size alone.
    const parsed = parseReadinessText(text ?? '', text === undefined ? Infinity : bytes);
    if (!parsed.ok) {
      refused.push({ source, reason: text === undefined ? tooLarge(bytes) : readinessReason(parsed.problems) });
      continue;
    }
    const same = seenText.get(text!);
    if (same !== undefined) {
      notes.push(`“${source}” is the same file as “${same}”; it is counted once.`);
      continue;
    }
    seenText.set(text!, source);
    const key = personKey(parsed.value.name);
    const earlier = byPerson.get(key);
    if (!earlier) {
      byPerson.set(key, { file: parsed.value, source });
      continue;
    }
    const newer = Date.parse(parsed.value.exportedAt) > Date.parse(earlier.file.exportedAt);
    const kept = newer ? { file: parsed.value, source } : earlier;
    const dropped = newer ? earlier.source : source;
    notes.push(
      `${kept.file.name} appears in “${earlier.source}” and “${source}”; the later export (“${kept.source}”, ${kept.file.exportedAt.slice(0, 10)}) is kept and “${dropped}” is left out.`,
    );
    byPerson.set(key, kept);
  }
  return { people: [...byPerson.values()], refused, notes };
}

const tooLarge = (bytes: number): string => `it is too large (${Math.round(bytes / 1000)} KB; a readiness file is at most 2 MB)`;

/** Refusals shown one by one; the rest are counted. */
export const REFUSALS_SHOWN = 10;

/** The refusals to list, and a closing line for the ones left out (empty when all are listed). */
export function cappedRefusals(refused: readonly Refusal[]): { shown: Refusal[]; more: string } {
  const rest = refused.length - REFUSALS_SHOWN;
  return { shown: refused.slice(0, REFUSALS_SHOWN), more: rest > 0 ? `…and ${plural(rest, 'more file')} refused.` : '' };
}

/** A path step as the team page knows it (from the build). */
export interface TeamStep {
  title: string;
  kind: 'chapter' | 'assessment' | 'check' | 'calculator' | 'task';
  ref?: string | undefined;
  target: StepTarget;
}

/** One heatmap cell: done, started (a check taken but not passed) or not yet. */
export interface Cell {
  state: 'done' | 'started' | 'none';
  text: string;
}

/** One person's standing on a path. */
export interface PersonRow {
  name: string;
  source: string;
  done: number;
  total: number;
  cells: Cell[];
  checksPassed: number;
  checksTaken: number;
  /** The certificate of this path, when earned: its date. */
  certifiedAt?: string | undefined;
  lastActivity?: string | undefined;
  /** Whole days since the last activity; undefined when there was none. */
  daysIdle?: number | undefined;
  stuck: boolean;
}

const DAY = 86_400_000;

function cell(file: Readiness, step: TeamStep): Cell {
  const ticked = doneAt({ format: 'pb-progress', version: 1, ...file.progress }, step.target) !== undefined;
  const ref = step.ref ?? '';
  if (step.kind === 'check' && Object.hasOwn(file.checks, ref)) {
    const record = file.checks[ref]!;
    return record.passedAt || ticked
      ? { state: 'done', text: `Passed, ${record.best} of ${record.total}` }
      : { state: 'started', text: `Not passed, ${record.best} of ${record.total}` };
  }
  if (step.kind === 'assessment' && Object.hasOwn(file.assessments, ref)) return { state: 'done', text: `Score ${file.assessments[ref]!.overall}` };
  return ticked ? { state: 'done', text: 'Done' } : { state: 'none', text: 'Not yet' };
}

/**
 * Each person's standing on a path at `now`: a cell per step, steps done, checks passed, the path's
 * certificate, days since the last activity, and stuck when idle more than `stuckDays` days (or never active).
 */
export function personRow(entry: { file: Readiness; source: string }, pathId: string, steps: readonly TeamStep[], now: Date, stuckDays: number): PersonRow {
  const { file } = entry;
  const cells = steps.map((s) => cell(file, s));
  const checks = Object.values(file.checks);
  const last = file.lastActivity;
  const daysIdle = last === undefined ? undefined : Math.max(0, Math.floor((now.getTime() - Date.parse(last)) / DAY));
  return {
    name: file.name,
    source: entry.source,
    done: cells.filter((c) => c.state === 'done').length,
    total: steps.length,
    cells,
    checksPassed: checks.filter((c) => c.passedAt !== undefined).length,
    checksTaken: checks.length,
    certifiedAt: file.certificates.find((c) => c.path === pathId)?.issuedAt,
    lastActivity: last,
    daysIdle,
    stuck: daysIdle === undefined || daysIdle > stuckDays,
  };
}

/** The columns the per-person table sorts by. */
export type SortKey = 'name' | 'done' | 'lastActivity';

/** Rows sorted by `key` (ties by name), ascending or descending; never changes `rows`. */
export function sortRows(rows: readonly PersonRow[], key: SortKey, descending = false): PersonRow[] {
  const byName = (a: PersonRow, b: PersonRow) => a.name.localeCompare(b.name, 'en', { sensitivity: 'base' });
  const compare = (a: PersonRow, b: PersonRow): number => {
    if (key === 'done') return a.done - b.done;
    if (key === 'lastActivity')
      return (a.lastActivity ? Date.parse(a.lastActivity) : -Infinity) - (b.lastActivity ? Date.parse(b.lastActivity) : -Infinity) || 0;
    return 0;
  };
  const sign = descending ? -1 : 1;
  return [...rows].sort((a, b) => sign * (compare(a, b) || byName(a, b)));
}

/** How many people have each step done, in step order. */
export function stepTotals(rows: readonly PersonRow[], steps: number): number[] {
  return Array.from({ length: steps }, (_, i) => rows.filter((r) => r.cells[i]?.state === 'done').length);
}

/** One CSV field: quoted when needed, and a leading = + - @ neutralised so a spreadsheet never runs it as a formula. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The roll-up as CSV (RFC 4180, CRLF): one row per person, then a cell per step. */
export function rollUpCsv(rows: readonly PersonRow[], steps: readonly TeamStep[]): string {
  const header = [
    'Name',
    'Steps done',
    'Steps in path',
    'Checks passed',
    'Checks taken',
    'Certified on',
    'Last activity',
    'Days idle',
    'Stuck',
    ...steps.map((s) => s.title),
  ];
  const lines = rows.map((r) => [
    r.name,
    r.done,
    r.total,
    r.checksPassed,
    r.checksTaken,
    r.certifiedAt?.slice(0, 10) ?? '',
    r.lastActivity?.slice(0, 10) ?? '',
    r.daysIdle ?? '',
    r.stuck ? 'yes' : 'no',
    ...r.cells.map((c) => c.text),
  ]);
  return `${[header, ...lines].map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}
