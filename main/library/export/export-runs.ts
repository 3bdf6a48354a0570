/**
 * Running exports of many: each gets an id the renderer cancels it by, announces its progress
 * after every file, and stops before its next file once cancelled (a file being written finishes:
 * every file is written whole or not at all).
 */
import { randomBytes } from 'node:crypto';
import type { ExportProgress } from '../../../preload/api';

/** One running export, as the exporter sees it. */
export interface ExportRun {
  readonly exportId: string;
  isCancelled(): boolean;
  /** `done` files settled; `current` is being written next. */
  advance(done: number, current: string | null): void;
  /** The last announcement (finished), and forgets the run. */
  finish(done: number): void;
}

export class ExportRuns {
  private readonly cancelled = new Map<string, boolean>();
  private readonly listeners = new Set<(progress: ExportProgress) => void>();

  subscribe(listener: (progress: ExportProgress) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Asks a running export to stop; false when there is no such export (it already finished). */
  cancel(exportId: string): boolean {
    if (!this.cancelled.has(exportId)) return false;
    this.cancelled.set(exportId, true);
    return true;
  }

  start(total: number, first: string | null): ExportRun {
    const exportId = randomBytes(8).toString('hex');
    this.cancelled.set(exportId, false);
    const announce = (done: number, current: string | null, finished: boolean) => {
      for (const listener of this.listeners) listener({ exportId, total, done, current, finished });
    };
    announce(0, first, false);
    return {
      exportId,
      isCancelled: () => this.cancelled.get(exportId) === true,
      advance: (done, current) => announce(done, current, false),
      finish: (done) => {
        this.cancelled.delete(exportId);
        announce(done, null, true);
      },
    };
  }
}
