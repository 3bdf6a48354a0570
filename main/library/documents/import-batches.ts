/**
 * A batch of files imported together (a drop, the open dialog, the menu): files are converted
 * ahead (in the converter's workers) while earlier ones are stored, one at a time and in order;
 * progress is announced after every file, and a cancelled batch stops before the next file is
 * stored (a file being stored finishes: nothing is ever half-imported).
 */
import { randomBytes } from 'node:crypto';
import type { ImportOutcome, ImportProgress, ImportReport } from '../../../preload/api';

/** One file of a batch: convert (may run ahead, in parallel), then store (in order). */
export interface BatchItem<T> {
  name: string;
  prepare(): Promise<T>;
  store(prepared: T): Promise<ImportOutcome>;
}

/** How many files are converted ahead of the one being stored. */
export const LOOKAHEAD = 3;

export class ImportBatches {
  private readonly cancelled = new Map<string, boolean>();
  private readonly listeners = new Set<(progress: ImportProgress) => void>();

  subscribe(listener: (progress: ImportProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks a running batch to stop; false when there is no such batch (it already finished). */
  cancel(batchId: string): boolean {
    if (!this.cancelled.has(batchId)) return false;
    this.cancelled.set(batchId, true);
    return true;
  }

  async run<T>(items: readonly BatchItem<T>[]): Promise<ImportReport> {
    const batchId = randomBytes(8).toString('hex');
    this.cancelled.set(batchId, false);
    const total = items.length;
    const outcomes: ImportOutcome[] = [];
    const started: Promise<T>[] = [];
    const startUpTo = (index: number) => {
      for (let i = started.length; i < Math.min(total, index + 1); i++) started.push(items[i]!.prepare());
    };
    try {
      this.announce({ batchId, total, done: 0, current: items[0]?.name ?? null, finished: total === 0 });
      for (let index = 0; index < total; index++) {
        const item = items[index]!;
        if (this.cancelled.get(batchId) === true) {
          outcomes.push({ file: item.name, status: 'cancelled' });
          continue;
        }
        startUpTo(index + LOOKAHEAD);
        outcomes.push(await item.store(await started[index]!));
        const done = index + 1;
        this.announce({ batchId, total, done, current: items[done]?.name ?? null, finished: done === total });
      }
    } finally {
      const wasCancelled = this.cancelled.get(batchId) === true;
      this.cancelled.delete(batchId);
      if (wasCancelled) this.announce({ batchId, total, done: total, current: null, finished: true });
    }
    // Conversions started ahead of a cancel are left to finish; their results are dropped.
    return { outcomes };
  }

  private announce(progress: ImportProgress): void {
    for (const listener of this.listeners) listener(progress);
  }
}
