/**
 * Parses markdown chunks off the UI thread and posts the (still unsanitized) HTML back in
 * batches; DOMPurify needs a DOM, so sanitizing stays on the main thread.
 */
import { splitIntoChunks } from './chunks';
import { markdownToHtml } from './markdown';
import type { FromParseWorker, ParseJob, ParsedSection, ToParseWorker } from './parse-protocol';

/** Markdown characters per posted batch: big enough to amortize messaging, small enough to stream. */
const BATCH_CHARS = 48_000;

/** The worker's global scope, typed by hand: the renderer's tsconfig has the DOM lib, not WebWorker. */
const scope = self as unknown as {
  postMessage(message: FromParseWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToParseWorker>) => void): void;
};

let queue: ParseJob[] = [];
let scheduled = false;

function post(message: FromParseWorker): void {
  // A worker's postMessage goes to its owner and takes no target origin.
  // oxlint-disable-next-line unicorn/require-post-message-target-origin
  scope.postMessage(message);
}

function parseBatch(): void {
  scheduled = false;
  const sections: ParsedSection[] = [];
  let chars = 0;
  while (chars < BATCH_CHARS) {
    const job = queue.shift();
    if (!job) break;
    sections.push({ section: job.section, chunks: splitIntoChunks(job.markdown).map(markdownToHtml) });
    chars += job.markdown.length;
  }
  if (sections.length > 0) post({ type: 'parsed', sections });
  if (queue.length > 0) schedule();
  else post({ type: 'done' });
}

// Yielding between batches lets a 'prioritize' message reorder the queue.
function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(parseBatch, 0);
}

scope.addEventListener('message', (event) => {
  const message = event.data;
  if (message.type === 'parse') {
    queue = [...message.jobs];
  } else {
    const wanted = new Set(message.sections);
    queue = [
      ...queue.filter((job) => wanted.has(job.section)),
      ...queue.filter((job) => !wanted.has(job.section)),
    ];
  }
  schedule();
});
