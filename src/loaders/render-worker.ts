// A worker thread of the chapter render pool (render-pool.ts): renders each chapter it is sent with the
// chapter loader's own function and answers with the HTML and headings, or the error's message.
import { parentPort, workerData } from 'node:worker_threads';
import { renderChapter } from './mdx-loader.ts';
import type { RenderTask, WorkerAnswer, WorkerSetup } from './render-pool.ts';

const { context, outboundLinks } = workerData as WorkerSetup;
parentPort?.on('message', ({ id, task }: { id: number; task: RenderTask }) => {
  renderChapter(task.body, context, { path: task.path, outboundLinks }).then(
    (rendered) => parentPort?.postMessage({ task: id, ok: true, rendered } satisfies WorkerAnswer),
    (error: unknown) =>
      parentPort?.postMessage({ task: id, ok: false, message: error instanceof Error ? error.message : String(error) } satisfies WorkerAnswer),
  );
});
