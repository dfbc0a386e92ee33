// A worker thread of the chapter render pool (src/loaders/render-pool.ts): renders the chapters it is
// sent with the context it was started with and answers each with its HTML and headings, or the error.
import { parentPort, workerData } from 'node:worker_threads';
import { renderChapter } from './mdx-loader.ts';
import type { RenderContext } from '../playbook/render/components.ts';
import type { RenderJob, RenderReply } from './render-pool.ts';

const context = workerData as RenderContext;
parentPort?.on('message', (job: RenderJob & { seq: number }) => {
  renderChapter(job.body, context, { path: job.path, outboundLinks: job.outboundLinks }).then(
    (result) => parentPort?.postMessage({ seq: job.seq, ok: true, ...result } satisfies RenderReply & { seq: number }),
    (error: unknown) => parentPort?.postMessage({ seq: job.seq, ok: false, message: error instanceof Error ? error.message : String(error) }),
  );
});
