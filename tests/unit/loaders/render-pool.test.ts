// Chapters rendered on the worker threads of a cold build come out as the chapter loader renders them
// in its own thread, errors included.
import { describe, expect, test } from 'vitest';
import { renderChapter } from '../../../src/loaders/mdx-loader.ts';
import { POOL_THRESHOLD, renderPool, type RenderTask } from '../../../src/loaders/render-pool.ts';
import type { RenderContext } from '../../../src/playbook/render/components.ts';

const context: RenderContext = { base: '/sales/', glossary: new Map([['icp', 'The accounts you sell to best.']]) };
const setup = { context, outboundLinks: 'allow' as const };
const local = (task: RenderTask) => renderChapter(task.body, context, { path: task.path, outboundLinks: 'allow' });

const chapter = (n: number): RenderTask => ({
  path: `/content/playbook/chapter-${n}.mdx`,
  body: `Chapter ${n} names the <Term id="icp">ideal customer</Term>.\n\n## Step ${n}\n\n<Callout type="tip">Call ${n} accounts.</Callout>\n\n[Next](/chapters/chapter-${n + 1}/)\n`,
});

describe('the render pool', () => {
  test('renders every chapter as the loader does, past the point where the workers start', { timeout: 60_000 }, async () => {
    const pool = renderPool(setup, local, 2);
    const tasks = Array.from({ length: POOL_THRESHOLD + 40 }, (_, n) => chapter(n));
    try {
      const pooled = await Promise.all(tasks.map((task) => pool.render(task)));
      const direct = await Promise.all(tasks.map(local));
      expect(pooled).toEqual(direct);
      expect(pool.onWorkers()).toBe(40);
      expect(pooled.at(-1)!.html).toContain('href="/sales/chapters/chapter-104/"');
    } finally {
      await pool.close();
    }
  });

  test('a chapter that breaks the content policy fails with the same message on a worker', { timeout: 60_000 }, async () => {
    const pool = renderPool(setup, local, 2);
    const broken: RenderTask = { path: '/content/playbook/broken.mdx', body: 'Fine.\n\n<p style="color: red">Red.</p>\n' };
    try {
      for (let n = 0; n < POOL_THRESHOLD; n++) await pool.render(chapter(n));
      const onWorker = await pool.render(broken).then(
        () => 'rendered',
        (error: Error) => error.message,
      );
      const here = await local(broken).then(
        () => 'rendered',
        (error: Error) => error.message,
      );
      expect(onWorker).toContain('an inline style on <p>');
      expect(onWorker).toBe(here);
      expect(pool.onWorkers()).toBe(1);
    } finally {
      await pool.close();
    }
  });

  test('after it is closed, chapters are rendered in this thread', async () => {
    const pool = renderPool(setup, local, 2);
    await pool.close();
    const tasks = Array.from({ length: POOL_THRESHOLD + 2 }, (_, n) => chapter(n));
    expect(await Promise.all(tasks.map((task) => pool.render(task)))).toEqual(await Promise.all(tasks.map(local)));
    expect(pool.onWorkers()).toBe(0);
  });
});
