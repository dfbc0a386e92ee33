/**
 * The sentences of exporting and importing progress (the progress page's <pb-progress-transfer>),
 * built from plain data so they are tested without a page.
 */
import type { Progress } from './schema.ts';
import { isEmptyProgress, type Imported } from './progress.ts';
import { PROGRESS_LIMITS } from './format.ts';
import { progressReason } from './parse.ts';
import { plural } from '../../common/plural.ts';
import { isolate, type Problem } from '../../common/problems.ts';

/** The file name of an export on `date`, e.g. `playbook-progress-2026-03-01.json`. */
export function exportFileName(date: Date): string {
  return `playbook-progress-${date.toISOString().slice(0, 10)}.json`;
}

/** What an export says it saved. */
export function exportedMessage(fileName: string, progress: Progress, certificates = 0): string {
  const certified = certificates > 0 ? ` It also holds ${plural(certificates, 'certificate')}.` : '';
  return isEmptyProgress(progress)
    ? `Exported ${fileName}. Nothing is marked done yet${certificates > 0 ? '' : ', so the file is empty'}.${certified}`
    : `Exported ${fileName}: ${plural(Object.keys(progress.chapters).length, 'chapter')} and ${plural(Object.keys(progress.steps).length, 'step')} done.${certified}`;
}

/**
 * What an import says about the certificates the file carried: added, refused as damaged or altered,
 * or not kept because storage is full; empty when the file had none (exports from before certificates).
 */
export function certificatesMessage(added: number, refused: number, saved = true): string {
  const parts: string[] = [];
  if (!saved) parts.push('Its certificates could not be saved in this browser (its storage is full or blocked).');
  else if (added > 0) parts.push(`${plural(added, 'certificate')} added.`);
  if (refused > 0)
    parts.push(
      `${plural(refused, 'certificate')} in the file ${refused === 1 ? 'was' : 'were'} damaged or altered and ${refused === 1 ? 'was' : 'were'} not imported.`,
    );
  return parts.join(' ');
}

/** What an import says it added, and what it kept aside (chapters this playbook does not have). */
export function importedMessage(fileName: string, added: Imported['added'], unknown = 0): string {
  const main =
    added.chapters + added.steps === 0
      ? `Imported “${isolate(fileName)}”: nothing new to mark done here (what is newer here was kept).`
      : `Imported “${isolate(fileName)}”: ${plural(added.chapters, 'more chapter')} and ${plural(added.steps, 'more step')} marked done.`;
  return unknown === 0
    ? main
    : `${main} ${unknown === 1 ? 'One chapter' : `${unknown} chapters`} in the file ${unknown === 1 ? 'is' : 'are'} not in this playbook: kept aside, not counted.`;
}

/** The message shown when an imported file is refused, with the reason in brackets. */
export function importRefusal(fileName: string, reason: string): string {
  return `“${isolate(fileName.slice(0, 80))}” is not a progress file from this playbook (${reason}). Nothing was imported.`;
}

/** The message for a refused import, from its problems (see `importProgressText` and the store's `importProgress`). */
export function importRefused(fileName: string, problems: readonly Problem[]): string {
  switch (problems[0]?.code) {
    case 'conflict':
      return `Importing “${isolate(fileName.slice(0, 80))}” would hold more than ${PROGRESS_LIMITS.chapters} chapters or ${PROGRESS_LIMITS.steps} steps. Nothing was imported; reset first to replace your progress with the file.`;
    case 'not_saved':
      return 'The file was read, but this browser would not save it (its storage is full or blocked).';
    default:
      return importRefusal(fileName, progressReason(problems));
  }
}

/** A file refused before it is read: far larger than any progress file. */
export function fileTooLarge(fileName: string, bytes: number): string {
  return importRefusal(fileName, `it is ${Math.round(bytes / 1024)} KB, far larger than any progress file`);
}

/** A file the browser could not read. */
export function fileUnreadable(fileName: string): string {
  return importRefusal(fileName, 'it could not be read');
}
