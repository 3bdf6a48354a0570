/**
 * A small pool of worker threads that convert files (conversion.ts), so a long or hostile
 * conversion never blocks the main process: each job has a time limit and a heap limit, and a
 * worker that crashes, runs out of memory or overruns is replaced while its file is refused
 * with a message. Jobs run in arrival order; a pool of one is enough to keep main free.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { refuse } from './decode';
import { type ConversionJob, type ConversionResult, transferableBuffers } from './conversion';
import { WARM_UP } from './warm-up';

export interface WorkerConverterOptions {
  /** Workers at most (default: cores − 1, between 1 and 3). */
  size?: number;
  /** A conversion that takes longer is stopped and its file refused. */
  timeoutMs?: number;
  /** Each worker's old-generation heap, in MB. */
  heapMb?: number;
  /** Each worker's young generation, in MB (see DEFAULT_YOUNG_GENERATION_MB). */
  youngGenerationMb?: number;
  /** A worker idle this long is stopped (see DEFAULT_IDLE_MS). */
  idleMs?: number;
}

interface Pending {
  /** A file to convert, or the warm-up (whose answer is dropped). */
  job: ConversionJob | typeof WARM_UP;
  resolve: (result: ConversionResult) => void;
}

interface Slot {
  worker: Worker;
  current: Pending | null;
  /** The running job's time limit, or, while idle, the worker's retirement. */
  timer: NodeJS.Timeout | null;
}

export const DEFAULT_CONVERSION_TIMEOUT_MS = 120_000;

/**
 * An idle worker keeps the heap its last conversion grew: ~310 MB more resident memory after the
 * 30 MB book, for as long as it lives. It is stopped after this long without a job (long enough
 * for a user to find a file in the open dialog after warm()); the next import starts a new one,
 * warmed while the user picks.
 */
export const DEFAULT_IDLE_MS = 120_000;

/**
 * A converter allocates a DOM node, a listener map and attribute objects per element of a page,
 * nearly all dead by the page's end: with a worker's default young generation (48 MB, 16 MB
 * semi-spaces) a big page costs many scavenges that copy the live tree each time. With 32 MB
 * semi-spaces the web-page fixtures took about a tenth less CPU (3 runs each, loaded machine);
 * V8 grows the young generation to this only while a conversion needs it.
 */
export const DEFAULT_YOUNG_GENERATION_MB = 96;

export class WorkerConverter {
  private readonly queue: Pending[] = [];
  private readonly slots = new Set<Slot>();
  private readonly size: number;
  private readonly timeoutMs: number;
  private readonly heapMb: number;
  private readonly youngGenerationMb: number;
  private readonly idleMs: number;
  private closed = false;

  constructor(
    private readonly script: string | URL,
    options: WorkerConverterOptions = {},
  ) {
    this.size = options.size ?? Math.min(3, Math.max(1, availableParallelism() - 1));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_CONVERSION_TIMEOUT_MS;
    this.heapMb = options.heapMb ?? 1024;
    this.youngGenerationMb = options.youngGenerationMb ?? DEFAULT_YOUNG_GENERATION_MB;
    this.idleMs = options.idleMs ?? DEFAULT_IDLE_MS;
  }

  /** Converts one file in a worker; never rejects (a crash or overrun is a refusal). */
  readonly convert = (job: ConversionJob): Promise<ConversionResult> => {
    if (this.closed) return Promise.resolve(refuse('internal', 'Lectern is closing; import again later.'));
    return new Promise((resolve) => {
      this.queue.push({ job, resolve });
      this.dispatch();
    });
  };

  /**
   * Gets a worker ready for files about to come (warm-up.ts): starts one and has it convert small
   * files of its own, unless a worker is already there (an idle one's retirement starts over) or
   * files are queued. Resolves once it is
   * warm (or could not be: the files that follow are then converted, or refused, as usual).
   */
  readonly warm = (): Promise<void> => {
    // An idle worker is warm already: it is kept for the files about to come.
    for (const slot of this.slots) if (slot.current === null) this.retireWhenIdle(slot);
    if (this.closed || this.slots.size > 0 || this.queue.length > 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.queue.push({ job: WARM_UP, resolve: () => resolve() });
      this.dispatch();
    });
  };

  /** Stops every worker; queued and running jobs are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.resolve(closing());
    await Promise.all(
      [...this.slots].map((slot) => {
        this.finish(slot, closing());
        return slot.worker.terminate();
      }),
    );
    this.slots.clear();
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const slot = this.idleSlot();
      if (slot === null) return;
      const pending = this.queue.shift();
      if (pending === undefined) return;
      this.run(slot, pending);
    }
  }

  private idleSlot(): Slot | null {
    for (const slot of this.slots) if (slot.current === null) return slot;
    if (this.slots.size >= this.size) return null;
    return this.spawn();
  }

  private spawn(): Slot {
    const worker = new Worker(this.script, {
      resourceLimits: {
        maxOldGenerationSizeMb: this.heapMb,
        maxYoungGenerationSizeMb: this.youngGenerationMb,
      },
    });
    const slot: Slot = { worker, current: null, timer: null };
    worker.on('message', (result: ConversionResult) => {
      this.finish(slot, result);
      this.dispatch();
      if (slot.current === null) this.retireWhenIdle(slot);
    });
    worker.on('error', (error: Error) => this.retire(slot, crashed(slot, error)));
    worker.on('exit', () => this.retire(slot, crashed(slot, null)));
    // An idle worker must not keep the process alive (tests, quitting).
    worker.unref();
    this.slots.add(slot);
    return slot;
  }

  private run(slot: Slot, pending: Pending): void {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.current = pending;
    const { job } = pending;
    slot.timer = setTimeout(() => {
      const name = job === WARM_UP ? 'The warm-up' : job.fileName;
      const seconds = Math.max(1, Math.round(this.timeoutMs / 1000));
      this.retire(
        slot,
        refuse('unreadable', `“${name}” took more than ${seconds} s to convert and was stopped.`),
      );
      void slot.worker.terminate();
    }, this.timeoutMs);
    slot.timer.unref();
    if (job === WARM_UP) slot.worker.postMessage(job);
    else slot.worker.postMessage(job, job.handOver === true ? transferableBuffers([job.bytes]) : []);
  }

  private finish(slot: Slot, result: ConversionResult): void {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
    const pending = slot.current;
    slot.current = null;
    pending?.resolve(result);
  }

  /** Stops `slot`'s worker if it is still idle after idleMs (its heap goes back to the system). */
  private retireWhenIdle(slot: Slot): void {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      if (slot.current !== null || !this.slots.delete(slot)) return;
      slot.timer = null;
      void slot.worker.terminate();
    }, this.idleMs);
    slot.timer.unref();
  }

  /** A worker that failed or was stopped: its job gets `result`, the others a fresh worker. */
  private retire(slot: Slot, result: ConversionResult): void {
    if (!this.slots.delete(slot)) return;
    this.finish(slot, result);
    if (!this.closed) this.dispatch();
  }
}

function closing(): ConversionResult {
  return refuse('internal', 'Lectern is closing; import again later.');
}

function crashed(slot: Slot, error: Error | null): ConversionResult {
  const job = slot.current?.job;
  const name = job === undefined || job === WARM_UP ? 'A file' : job.fileName;
  const outOfMemory = error !== null && 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY';
  if (outOfMemory) return refuse('too-large', `“${name}” needs more memory to convert than Lectern allows.`);
  const detail = error === null ? 'the converter stopped' : error.message;
  return refuse('internal', `“${name}” could not be converted (${detail}).`);
}
