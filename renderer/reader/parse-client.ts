/**
 * The main thread's side of markdown parsing: one long-lived worker (warm by the time a document
 * opens), a queue the reader can reorder, and a watchdog. A chunk that takes the worker longer
 * than its budget (marked is quadratic on some inputs) gets the worker terminated, a `timeout`
 * outcome, and the rest of the queue goes to a fresh worker: the UI thread never parses.
 */
import type { ChunkOutcome, FromParseWorker, ToParseWorker } from './parse-protocol';

/** Longest a chunk may take; marked parses a real 6,000-character chunk in about 1 ms. */
export const CHUNK_BUDGET_MS = 1000;
/** Extra time for the first chunk of a new worker: loading its script and a cold JIT. */
export const STARTUP_BUDGET_MS = 1000;
/** Section characters per message to the worker: big enough to amortize messaging, small enough to reorder. */
const BATCH_CHARS = 48_000;

/** What the client needs of a Worker (a fake one in tests). */
export interface ParseWorkerPort {
  postMessage(message: ToParseWorker): void;
  terminate(): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromParseWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: Event) => void): void;
}

/** Chunks `from` to `to` of a section's markdown; `onChunk` gets each chunk's outcome, in order. */
export interface ParseRequest {
  markdown: string;
  from: number;
  to: number;
  onChunk(index: number, outcome: ChunkOutcome): void;
}

export interface ParseHandle {
  /** Move this request ahead of every background one (the reader went there). */
  promote(): void;
  /** The outcomes are no longer wanted. */
  cancel(): void;
}

interface Job extends ParseRequest {
  id: number;
  urgent: boolean;
  cancelled: boolean;
}

export class ParseClient {
  private worker: ParseWorkerPort | null = null;
  private fresh = false;
  private queue: Job[] = [];
  private inFlight: Job[] = [];
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private nextId = 1;

  constructor(private readonly spawn: () => ParseWorkerPort) {}

  /** Queues a request; urgent ones go after other urgent ones, before background ones. */
  parse(request: ParseRequest, urgent: boolean): ParseHandle {
    const job: Job = { ...request, id: this.nextId++, urgent, cancelled: false };
    this.enqueue(job);
    this.pump();
    return {
      promote: () => this.promote(job),
      cancel: () => {
        job.cancelled = true;
        this.queue = this.queue.filter((queued) => queued !== job);
      },
    };
  }

  /** Starts the worker now, so that its script and JIT are ready when a document opens. */
  warmUp(sample: string, onHtml: (html: string) => void): void {
    const onChunk = (_: number, outcome: ChunkOutcome): void => {
      if (outcome.ok) onHtml(outcome.html);
    };
    this.parse({ markdown: sample, from: 0, to: Infinity, onChunk }, false);
  }

  private enqueue(job: Job): void {
    const firstBackground = this.queue.findIndex((queued) => !queued.urgent);
    if (job.urgent && firstBackground !== -1) this.queue.splice(firstBackground, 0, job);
    else this.queue.push(job);
  }

  private promote(job: Job): void {
    if (job.urgent || job.cancelled || !this.queue.includes(job)) return;
    this.queue = this.queue.filter((queued) => queued !== job);
    job.urgent = true;
    this.enqueue(job);
    this.pump();
  }

  private pump(): void {
    if (this.inFlight.length > 0) return;
    const batch: Job[] = [];
    let chars = 0;
    while (chars < BATCH_CHARS) {
      const job = this.queue.shift();
      if (!job) break;
      if (job.cancelled) continue;
      batch.push(job);
      chars += job.markdown.length;
    }
    if (batch.length === 0) return;
    const worker = this.ensureWorker();
    this.inFlight = batch;
    const jobs = batch.map(({ id, markdown, from, to }) => ({ id, markdown, from, to }));
    // A worker's postMessage takes no target origin.
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    worker.postMessage({ type: 'parse', jobs });
    this.armWatchdog();
  }

  private ensureWorker(): ParseWorkerPort {
    if (this.worker) return this.worker;
    const worker = this.spawn();
    worker.addEventListener('message', (event: MessageEvent<FromParseWorker>) => {
      if (worker === this.worker) this.receive(event.data);
    });
    // The script failed to load or died: the chunk it was on is given up, like a timeout.
    worker.addEventListener('error', () => {
      if (worker === this.worker) this.giveUpOnCurrentChunk('parse-error', 'the parser stopped');
    });
    this.worker = worker;
    this.fresh = true;
    return worker;
  }

  private receive(message: FromParseWorker): void {
    const job = this.inFlight.find((candidate) => candidate.id === message.id);
    if (!job) return;
    this.fresh = false;
    if (message.type === 'chunk') {
      job.from = message.index + 1;
      if (!job.cancelled) job.onChunk(message.index, message.outcome);
    } else this.inFlight = this.inFlight.filter((candidate) => candidate !== job);
    this.armWatchdog();
    this.pump();
  }

  private armWatchdog(): void {
    clearTimeout(this.watchdog);
    if (this.inFlight.length === 0) return;
    const budget = CHUNK_BUDGET_MS + (this.fresh ? STARTUP_BUDGET_MS : 0);
    this.watchdog = setTimeout(() => this.giveUpOnCurrentChunk('timeout', `over ${budget} ms`), budget);
  }

  /** Terminates the worker; the chunk it was on fails, the rest goes to a fresh worker. */
  private giveUpOnCurrentChunk(code: 'timeout' | 'parse-error', message: string): void {
    clearTimeout(this.watchdog);
    this.worker?.terminate();
    this.worker = null;
    const head = this.inFlight[0];
    if (head) {
      const failed = head.from;
      head.from = failed + 1;
      if (!head.cancelled) head.onChunk(failed, { ok: false, code, message });
    }
    const unfinished = this.inFlight.filter((job) => job.from < job.to);
    this.inFlight = [];
    this.queue = [...unfinished, ...this.queue];
    this.pump();
  }
}

let shared: ParseClient | null = null;

/** The reader's one parse client (its worker outlives a document, so the next one opens warm). */
export function sharedParseClient(): ParseClient {
  shared ??= new ParseClient(
    () => new Worker(new URL('./parse.worker.ts', import.meta.url), { type: 'module' }) as ParseWorkerPort,
  );
  return shared;
}
