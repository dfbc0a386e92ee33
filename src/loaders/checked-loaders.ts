import { readFile } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'astro/zod';
import { glob, type Loader } from 'astro/loaders';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { formatProblems, problemsFromZod } from '../common/problems.ts';
import { displayPath } from '../common/content-dir.ts';

/** Thrown when content is invalid; its message is written for the author who has to fix the file. */
export class ContentError extends Error {
  override name = 'ContentError';
}

function check(schema: z.ZodType, data: unknown, file: string): void {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new ContentError(`Invalid content:\n${formatProblems(displayPath(file), problemsFromZod(result.error, data))}`);
  }
}

/**
 * Astro's glob loader with our own validation in front of it, so an invalid entry fails the build with
 * a message that names the file, the field, what was expected and what was given.
 */
export function checkedGlob(options: { base: string; pattern: string; schema: z.ZodType }): Loader {
  const inner = glob({ base: options.base, pattern: options.pattern });
  return {
    name: 'checked-glob',
    load: (context) =>
      inner.load({
        ...context,
        parseData: async (props) => {
          check(options.schema, props.data, props.filePath ? resolve(fileURLToPath(context.config.root), props.filePath) : props.id);
          return context.parseData(props);
        },
      }),
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
      check(options.schema, data, options.file);
      const filePath = relative(fileURLToPath(context.config.root), options.file);
      const parsed = await context.parseData({ id: options.id, data: data as Record<string, unknown>, filePath });
      context.store.clear();
      context.store.set({ id: options.id, data: parsed, digest: context.generateDigest(text), filePath });
    },
  };
}
