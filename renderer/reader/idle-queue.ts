/** Main-thread work done a little at a time in idle slices (the parse worker's output, inserted). */

/** Longest main-thread slice, in ms. */
const SLICE_MS = 8;

/** Runs `each` on the items pushed, in order, in idle-time slices of at most SLICE_MS. */
export class IdleQueue<T> {
  private items: T[] = [];
  private scheduled = false;
  private stopped = false;

  constructor(private readonly each: (item: T) => void) {}

  push(item: T): void {
    this.items.push(item);
    this.schedule();
  }

  /** Drops what is queued and runs nothing more. */
  stop(): void {
    this.stopped = true;
    this.items = [];
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    const run = (): void => {
      this.scheduled = false;
      this.slice();
    };
    if ('requestIdleCallback' in globalThis) requestIdleCallback(run, { timeout: 100 });
    else setTimeout(run, 0);
  }

  private slice(): void {
    const deadline = performance.now() + SLICE_MS;
    while (this.items.length > 0 && performance.now() < deadline && !this.stopped) {
      const next = this.items.shift();
      if (next !== undefined) this.each(next);
    }
    if (this.items.length > 0) this.schedule();
  }
}
