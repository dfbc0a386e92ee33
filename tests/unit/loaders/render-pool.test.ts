import { describe, expect, test } from 'vitest';
import { renderChapter } from '../../../src/loaders/mdx-loader.ts';
import { renderOnWorkers, renderThreads } from '../../../src/loaders/render-pool.ts';
import type { RenderContext } from '../../../src/playbook/render/components.ts';

describe('how many threads render chapters', () => {
  test.each([
    [1000, {}, 2, 0, 'a playbook of a thousand chapters renders in the loader’s thread'],
    [5000, {}, 2, 2, 'a large one on one thread per core'],
    [5000, {}, 16, 4, 'at most four'],
    [5000, {}, 1, 0, 'none on a single core'],
    [10, { CHAPTER_RENDER_THREADS: '2' }, 2, 2, 'as many as asked'],
    [1000, { CHAPTER_RENDER_THREADS: '0' }, 2, 0, 'none when asked for none'],
    [5000, { CHAPTER_RENDER_THREADS: 'many' }, 2, 2, 'the default when the setting is not a number'],
  ])('%i chapters, %o, %i cores: %i (%s)', (jobs, env: Record<string, string>, cores, threads, _why) => {
    expect(renderThreads(jobs, env, cores)).toBe(threads);
  });
});

describe('rendering on worker threads', () => {
  const context: RenderContext = { base: '/kb/', glossary: new Map([['sdr', 'A sales development representative.']]) };
  const bodies = ['# One\n\nAn <Term id="sdr">SDR</Term> books meetings.', '## Two\n\n<Callout type="tip">Call before ten.</Callout>', '# Three\n\n- a\n- b'];

  test('gives each chapter the HTML and headings the loader’s own thread gives, in order', async () => {
    const jobs = bodies.map((body, i) => ({ body, path: `/content/playbook/c${i}.mdx`, outboundLinks: 'allow' as const }));
    const replies = await renderOnWorkers(jobs, context, 2);
    const direct = await Promise.all(bodies.map((body, i) => renderChapter(body, context, { path: `/content/playbook/c${i}.mdx`, outboundLinks: 'allow' })));
    expect(replies).toEqual(direct.map((r) => ({ ok: true, ...r })));
  });

  test('a chapter that cannot be rendered answers with its error; the others still render', async () => {
    const jobs = ['# Fine', '<Callout>never closed', '# Also fine'].map((body, i) => ({
      body,
      path: `/content/playbook/c${i}.mdx`,
      outboundLinks: 'allow' as const,
    }));
    const replies = await renderOnWorkers(jobs, context, 2);
    expect(replies.map((r) => r.ok)).toEqual([true, false, true]);
    expect(replies[1]).toMatchObject({ ok: false, message: expect.stringMatching(/\S/) });
  });
});
