import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'astro/zod';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { ContentError, describeValue, formatProblems, ok, refuse, type Problem, type Result } from '../common/problems.ts';
import { problemsFromZod } from '../common/zod-problems.ts';
import { displayPath } from '../common/content-dir.ts';
import { KEBAB_ID } from '../common/formats.ts';

/** What an entry is checked against besides its schema. */
export interface EntryRules {
  /** The id the entry's file gives it: its file name without the extension. */
  fileId: string;
  /**
   * For entries whose `id` field must equal the file name (assessments): the folder of the site
   * their pages live in, e.g. `assessments`, to say which links would break.
   */
  idRoute?: string | undefined;
}

/** The problem when an entry's `id` field is not its file name (the one wording the build and the tests share). */
export function fileNameIdProblem(fileId: string, id: unknown, route: string): Problem | undefined {
  if (id === fileId) return undefined;
  return {
    code: 'conflict',
    field: 'id',
    expected: `the file name without .yaml ("${fileId}"), so links to /${route}/${fileId}/ work`,
    given: describeValue(id),
  };
}

/**
 * Checks one content entry: its schema first, then (with `idRoute`) that its `id` field equals its
 * file name. The build's loaders and the file parsers the tests use both go through here.
 */
export function checkEntry<S extends z.ZodType>(schema: S, data: unknown, rules: EntryRules): Result<z.output<S>> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) return refuse(...problemsFromZod(parsed.error, data));
  if (rules.idRoute !== undefined) {
    const id: unknown = (parsed.data as { id?: unknown }).id;
    const problem = fileNameIdProblem(rules.fileId, id, rules.idRoute);
    if (problem) return refuse(problem);
  }
  return ok(parsed.data);
}

function invalid(file: string, problems: readonly Problem[]): ContentError {
  return new ContentError(`Invalid content:\n${formatProblems(displayPath(file), problems)}`);
}

/**
 * Refuses a file whose name cannot be the entry's id in the browser (progress is stored under it):
 * `Cold_Calling.mdx` or a name over `maxId` characters would build, then "Mark as done" would do nothing.
 */
export function checkFileId(relativePath: string, maxId: number, file: string): void {
  const name = relativePath.replace(/\.[^./]+$/, '');
  if (name.length <= maxId && KEBAB_ID.test(name)) return;
  const suggestion = (name.split('/').pop() ?? name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxId)
    .replace(/-+$/, '');
  const given = JSON.stringify(name.length > 120 ? `${name.slice(0, 120)}…` : name);
  throw new ContentError(
    `Invalid content:\n${displayPath(file)}\n  - file name: expected a lowercase-kebab-case name of at most ${maxId} characters, directly in its folder (e.g. ${suggestion || 'cold-calling'}.mdx); given ${given} (${name.length} characters). Rename the file.`,
  );
}

/** An id no file can give an entry (file ids are kebab-case): held for a moment to create an empty collection. */
const NO_ENTRY = '#none';

/**
 * Leaves a collection with no entries: nothing kept from an earlier build of other content, and the
 * collection known to Astro, so that reading it gives an empty list instead of a warning that it "does
 * not exist or is empty" (Astro has no call to create an empty collection; storing and removing an
 * entry does it).
 */
export function storeNothing(store: LoaderContext['store']): void {
  store.clear();
  store.set({ id: NO_ENTRY, data: {} });
  store.delete(NO_ENTRY);
}

/** The build's error for a content folder the playbook cannot do without. */
export function missingFolderError(base: string): ContentError {
  const name = basename(base);
  return new ContentError(
    `Missing content folder: ${displayPath(base)} (every playbook needs its ${name}/ folder, even with one file in it; src/content/${name} shows the layout).`,
  );
}

/**
 * Astro's glob loader with our own validation in front of it, so an invalid entry fails the build with
 * a message that names the file, the field, what was expected and what was given. A folder marked
 * `optional` may be left out of a team's content: the collection is then empty and the build says
 * nothing about it; a required folder that is missing fails the build naming it.
 */
export function checkedGlob(options: { base: string; pattern: string; schema: z.ZodType; idRoute?: string; maxId?: number; optional?: boolean }): Loader {
  const inner = glob({ base: options.base, pattern: options.pattern });
  return {
    name: 'checked-glob',
    load: async (context) => {
      if (!existsSync(options.base)) {
        if (!options.optional) throw missingFolderError(options.base);
        storeNothing(context.store);
        return;
      }
      await inner.load({
        ...context,
        parseData: async (props) => {
          const file = props.filePath ? resolve(fileURLToPath(context.config.root), props.filePath) : props.id;
          // A file name the browser cannot store progress under is refused before its content is read.
          if (options.maxId !== undefined && props.filePath) checkFileId(relative(options.base, file), options.maxId, file);
          const checked = checkEntry(options.schema, props.data, { fileId: props.id, idRoute: options.idRoute });
          if (!checked.ok) throw invalid(file, checked.problems);
          return context.parseData(props);
        },
      });
    },
  };
}

/** Loads one YAML data file as a single entry with the given id, validated like `checkedGlob`. */
export function checkedYamlFile(options: { file: string; id: string; schema: z.ZodType }): Loader {
  return {
    name: 'checked-yaml-file',
    load: async (context) => {
      let text: string;
      try {
        text = await readFile(options.file, 'utf8');
      } catch {
        throw new ContentError(`Missing content file: ${displayPath(options.file)} (expected a YAML file; copy the one in src/content to start).`);
      }
      let data: unknown;
      try {
        data = parseYaml(text);
      } catch (error) {
        const where = error instanceof YAMLParseError && error.linePos ? `:${error.linePos[0].line}` : '';
        throw new ContentError(`${displayPath(options.file)}${where}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
      }
      const checked = checkEntry(options.schema, data, { fileId: options.id });
      if (!checked.ok) throw invalid(options.file, checked.problems);
      const filePath = relative(fileURLToPath(context.config.root), options.file);
      const parsed = await context.parseData({ id: options.id, data: data as Record<string, unknown>, filePath });
      context.store.clear();
      context.store.set({ id: options.id, data: parsed, digest: context.generateDigest(text), filePath });
    },
  };
}
