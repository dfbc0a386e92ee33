import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/build/**/*.test.ts'],
    environment: 'node',
    // Worker threads start faster than the default child processes: about a quarter less CPU time for
    // the whole suite, and no test changes directory or depends on a process of its own.
    pool: 'threads',
    // Each test file gets fresh modules: the store tests rely on it (they fail with isolate: false).
    // Saying so also stops Vitest suggesting the opposite after every run.
    isolate: true,
    // The build tests run real builds of a small playbook.
    testTimeout: 120_000,
  },
});
