/**
 * Parses markdown chunks off the UI thread and posts each chunk's (still unsanitized) HTML back
 * as soon as it is ready; DOMPurify needs a DOM, so sanitizing stays on the main thread. The
 * main thread times every chunk and terminates this worker when one takes too long.
 */
import { splitIntoChunks } from './chunks';
import { parseChunk } from './markdown';
import type { FromParseWorker, ParseJob, ToParseWorker } from './parse-protocol';

/** The worker's global scope, typed by hand: the renderer's tsconfig has the DOM lib, not WebWorker. */
const scope = self as unknown as {
  postMessage(message: FromParseWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToParseWorker>) => void): void;
};

function post(message: FromParseWorker): void {
  // A worker's postMessage goes to its owner and takes no target origin.
  // oxlint-disable-next-line unicorn/require-post-message-target-origin
  scope.postMessage(message);
}

function run(job: ParseJob): void {
  const chunks = splitIntoChunks(job.markdown);
  for (let index = job.from; index < Math.min(job.to, chunks.length); index++) {
    post({ type: 'chunk', id: job.id, index, outcome: parseChunk(chunks[index] ?? '') });
  }
  post({ type: 'job-done', id: job.id });
}

scope.addEventListener('message', (event) => {
  for (const job of event.data.jobs) run(job);
});
