/**
 * Queries come first: the background catch-up (every document checked at start-up, or the first build)
 * waits while the user is typing in the palette, so a keystroke is answered without the catch-up
 * competing for the processor and the file thread pool; it goes on once queries have been quiet a
 * moment.
 */
import { performance } from 'node:perf_hooks';

/** The clock the quiet period is measured on, and how to wait on it (a fake one in tests). */
export interface QuietClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

const realClock: QuietClock = {
  now: () => performance.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export class QueryQuiet {
  private lastQueryAt = Number.NEGATIVE_INFINITY;

  /** `quietMs`: how long after the last query background work waits. */
  constructor(
    private readonly quietMs: number,
    private readonly clock: QuietClock = realClock,
  ) {}

  /** A query is being answered now. */
  touch(): void {
    this.lastQueryAt = this.clock.now();
  }

  /** Resolves once no query has been answered for the quiet period (at once when none was lately). */
  async quiet(): Promise<void> {
    for (let left = this.left(); left > 0; left = this.left()) await this.clock.sleep(left);
  }

  private left(): number {
    return this.lastQueryAt + this.quietMs - this.clock.now();
  }
}
