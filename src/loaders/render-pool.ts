// Renders chapters on worker threads, one per core, when there are many to render (a cold build of a
// large playbook): the chapter loader otherwise renders them one after another on Astro's single
// thread while the other cores wait. Each worker runs the same `renderChapter` (render-worker.ts), so the
// HTML is the same wherever a chapter was rendered. Should a worker fail to start or stop, its chapters
// are rendered in this thread instead.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { RenderContext } from '../playbook/render/components.ts';

/** A chapter's rendering, as `renderChapter` returns it. */
export interface RenderedBody {
  html: string;
  headings: { depth: number; slug: string; text: string }[];
}

/** One chapter to render: its body (with its file's line numbers) and its file. */
export interface RenderTask {
  body: string;
  path: string;
}

/** What a worker answers for a task. */
export type WorkerAnswer = { task: number } & ({ ok: true; rendered: RenderedBody } | { ok: false; message: string });

/** What a worker starts with. */
export interface WorkerSetup {
  context: RenderContext;
  outboundLinks: 'allow' | 'forbid';
}

/** How many chapters one thread renders before the pool starts its workers: below it, starting them costs more than it saves. */
export const POOL_THRESHOLD = 64;

/**
 * A renderer that renders the first chapters in this thread (`local`) and, from the POOL_THRESHOLD-th
 * on, hands them to workers. `close()` stops the workers; what is rendered after it is rendered here.
 */
export function renderPool(
  setup: WorkerSetup,
  local: (task: RenderTask) => Promise<RenderedBody>,
  size = Math.min(availableParallelism(), 4),
): { render: (task: RenderTask) => Promise<RenderedBody>; close: () => Promise<void>; onWorkers: () => number } {
  let count = 0;
  let answered = 0;
  let closed = false;
  let workers: { worker: Worker; busy: number; alive: boolean }[] | undefined;
  let next = 0;
  const waiting = new Map<number, { task: RenderTask; done: (r: RenderedBody) => void; fail: (e: Error) => void; worker: number }>();

  const start = () => {
    workers = Array.from({ length: size }, (_, index) => {
      const worker = new Worker(new URL('./render-worker.ts', import.meta.url), { workerData: setup satisfies WorkerSetup });
      const slot = { worker, busy: 0, alive: true };
      worker.on('message', (answer: WorkerAnswer) => {
        const job = waiting.get(answer.task);
        if (!job) return;
        waiting.delete(answer.task);
        slot.busy -= 1;
        answered += 1;
        if (answer.ok) job.done(answer.rendered);
        else job.fail(new Error(answer.message));
      });
      const lost = () => {
        if (!slot.alive) return;
        slot.alive = false;
        // Its chapters are rendered here instead.
        for (const [id, job] of waiting) {
          if (job.worker !== index) continue;
          waiting.delete(id);
          local(job.task).then(job.done, job.fail);
        }
      };
      worker.on('error', lost);
      worker.on('exit', lost);
      return slot;
    });
  };

  return {
    render: (task) => {
      count += 1;
      if (closed || count <= POOL_THRESHOLD || size < 2) return local(task);
      if (!workers) start();
      const alive = workers!.map((w, i) => [w, i] as const).filter(([w]) => w.alive);
      if (alive.length === 0) return local(task);
      const [slot, index] = alive.reduce((a, b) => (b[0].busy < a[0].busy ? b : a));
      const id = next++;
      slot.busy += 1;
      return new Promise<RenderedBody>((done, fail) => {
        waiting.set(id, { task, done, fail, worker: index });
        slot.worker.postMessage({ id, task });
      });
    },
    /** How many chapters the workers rendered (or failed on). */
    onWorkers: () => answered,
    close: async () => {
      closed = true;
      const running = workers ?? [];
      workers = undefined;
      await Promise.all(running.map(({ worker }) => worker.terminate()));
    },
  };
}
