// Renders many chapters at once on worker threads, one per core, for the chapter loader
// (src/loaders/mdx-loader.ts): compiling MDX is most of a cold build's content sync, and the loader's
// own thread only waits meanwhile. The HTML is the same as rendering in the loader's thread (the build
// tests compare both).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RenderContext } from '../playbook/render/components.ts';

/** One chapter to render: its body (with the file's line numbers), its file and the outbound-link rule. */
export interface RenderJob {
  body: string;
  path: string;
  outboundLinks: 'allow' | 'forbid';
}

/** A worker's answer for one job. */
export type RenderReply = { ok: true; html: string; headings: { depth: number; slug: string; text: string }[] } | { ok: false; message: string };

/**
 * The number of worker threads to render `jobs` chapters with: none (render in the loader's thread)
 * for a small playbook, where starting a worker costs more than it saves; else one per core.
 * CHAPTER_RENDER_THREADS sets it (0: never).
 */
export function renderThreads(jobs: number, env: Record<string, string | undefined> = process.env, cores = availableParallelism()): number {
  const asked = env['CHAPTER_RENDER_THREADS'];
  if (asked !== undefined && asked !== '' && Number.isInteger(Number(asked))) return Math.max(0, Number(asked));
  return jobs >= 2000 && cores > 1 ? Math.min(cores, 4) : 0;
}

/** Renders every job on `threads` workers; each result, or the error's message, in the jobs' order. */
export async function renderOnWorkers(jobs: readonly RenderJob[], context: RenderContext, threads: number): Promise<RenderReply[]> {
  const replies: RenderReply[] = new Array(jobs.length);
  let next = 0;
  const workers = Array.from(
    { length: Math.min(threads, jobs.length) },
    () => new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: context }),
  );
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= jobs.length) return resolve();
              const seq = next++;
              worker.postMessage({ ...jobs[seq], seq });
            };
            worker.on('message', (reply: RenderReply & { seq: number }) => {
              const { seq, ...rest } = reply;
              replies[seq] = rest as RenderReply;
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`a chapter render thread stopped (exit code ${code})`))));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return replies;
}
