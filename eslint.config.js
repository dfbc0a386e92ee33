// @ts-check
// Lint rules for the whole tree (`npm run lint`). Formatting is Prettier's job (`npm run format`), so no
// stylistic rules here. Not type-aware: `astro check` already type-checks, and this keeps lint fast.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import astro from 'eslint-plugin-astro';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const root = dirname(fileURLToPath(import.meta.url));

/**
 * Every file under `dir` (relative to the root) whose name passes `keep`.
 * @param {string} dir
 * @param {(name: string) => boolean} keep
 */
function filesUnder(dir, keep) {
  const full = join(root, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && keep(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

// Value imports, re-exports, side-effect and dynamic imports of relative .ts files; `import type` is
// erased from the bundle, so it is not followed.
const RELATIVE_IMPORT = /(?:^|[\s;])(?:import(?!\s+type\b)[^'"]*?from\s*|export(?!\s+type\b)[^'"]*?from\s*|import\s*\(?\s*)['"](\.{1,2}\/[^'"]+\.ts)['"]/gm;

/**
 * The existing .ts files that `text` (the contents of `file`) imports by value.
 * @param {string} file
 * @param {string} text
 * @returns {string[]}
 */
function importsOf(file, text) {
  return [...text.matchAll(RELATIVE_IMPORT)]
    .map(([, spec]) => relative(root, resolve(root, dirname(file), /** @type {string} */ (spec))))
    .filter((target) => existsSync(join(root, target)));
}

/** What the bundled (not is:inline) <script> blocks of the .astro components import. */
function componentScriptImports() {
  return filesUnder('src', (name) => name.endsWith('.astro')).flatMap((file) =>
    [...readFileSync(join(root, file), 'utf8').matchAll(/<script\b(?![^>]*\bis:inline)[^>]*>([\s\S]*?)<\/script>/g)].flatMap(([, body]) =>
      importsOf(file, /** @type {string} */ (body)),
    ),
  );
}

/**
 * The browser entries and every file they import, transitively (paths relative to the root).
 * @param {string[]} entries
 */
function browserModules(entries) {
  const seen = new Set();
  const queue = entries.filter((file) => existsSync(join(root, file)));
  while (queue.length > 0) {
    const file = /** @type {string} */ (queue.pop());
    if (seen.has(file)) continue;
    seen.add(file);
    queue.push(...importsOf(file, readFileSync(join(root, file), 'utf8')));
  }
  return [...seen].sort();
}

// The modules that run in the reader's browser: each island (pb-*.ts, loaded by a component's
// <script>), its render and store modules, the result module the assessment islands load on demand,
// the browser helpers — and every module they import, followed through the import graph, since a
// full-zod or node: import anywhere down that chain ends up in (or breaks) the page's bundle.
const BROWSER_ENTRIES = [
  ...filesUnder('src/browser', (name) => name.endsWith('.ts')),
  ...filesUnder('src', (name) => /^pb-.*\.ts$/.test(name)),
  ...filesUnder('src/features', (name) => name === 'render.ts' || name === 'store.ts'),
  'src/features/assessments/result-module.ts',
  ...componentScriptImports(),
];

const NODE_MODULES = builtinModules.filter((name) => !name.startsWith('_'));
const NODE_TOP = NODE_MODULES.filter((name) => !name.includes('/'));
const BROWSER_MESSAGE = 'This module runs in the browser (eslint.config.js lists why)';

/**
 * Imports a browser module must not make: full zod (zod/mini is the browser's zod) and Node's modules.
 * @type {import('eslint').Linter.RulesRecord}
 */
const browserImportRule = {
  // typescript-eslint's version of the rule, so `import type` (erased from the bundle) stays allowed.
  '@typescript-eslint/no-restricted-imports': [
    'error',
    {
      paths: [
        ...['zod', 'zod/v4', 'zod/v3', 'astro/zod'].map((name) => ({
          name,
          allowTypeImports: true,
          message: `${BROWSER_MESSAGE}: use zod/mini (and import src/browser/zod-jitless.ts first), or keep zod in server code.`,
        })),
        { name: 'astro:content', message: `${BROWSER_MESSAGE}: content collections exist only at build time.` },
        { name: 'yaml', allowTypeImports: true, message: `${BROWSER_MESSAGE}: YAML is parsed at build time; pass data through data-* attributes.` },
      ],
      patterns: [
        {
          group: ['node:*', ...NODE_MODULES, ...NODE_MODULES.map((name) => `${name}/*`)],
          allowTypeImports: true,
          message: `${BROWSER_MESSAGE}: Node's modules do not exist there.`,
        },
      ],
    },
  ],
  // The same for `import('…')`, which the rule above does not see.
  'no-restricted-syntax': [
    'error',
    {
      // esquery's regex literal ends at the first '/', so `\\W` stands for it ('zod/v4', 'fs/promises').
      selector: `ImportExpression > Literal[value=/^(node:|zod$|zod\\Wv[34]$|astro\\Wzod$|astro:content$|yaml$|(${NODE_TOP.join('|')})(\\W|$))/]`,
      message: `${BROWSER_MESSAGE}: no full zod, YAML parser, content collections or Node modules.`,
    },
  ],
};

export default defineConfig(
  {
    ignores: ['dist/', 'dist-*/', '.astro/', '.bench/', 'test-results/', 'playwright-report/', 'node_modules/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  astro.configs['flat/recommended'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names are deliberately unused (destructuring a field away, a required parameter).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Control characters in these regexes are the point: untrusted input (links, files, storage,
      // content) is refused when it contains them.
      'no-control-regex': 'off',
    },
  },
  {
    files: ['src/**/*.ts', 'src/**/*.astro', 'public/**/*.js'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Client-side <script> blocks inside .astro components, and the modules they reach.
    files: ['src/**/*.astro/*.ts', 'src/**/*.astro/*.js', ...browserModules(BROWSER_ENTRIES)],
    languageOptions: { globals: { ...globals.browser } },
    rules: browserImportRule,
  },
);
