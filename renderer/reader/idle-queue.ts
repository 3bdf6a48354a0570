/** Main-thread work done a little at a time in idle slices (the parse worker's output, inserted; placeholders attached). */

/** Longest main-thread slice, in ms. */
const SLICE_MS = 8;

/** Runs `each` on the items pushed, in order, in idle-time slices of at most SLICE_MS (and `maxPerSlice` items). */
export class IdleQueue<T> {
  private items: T[] = [];
  /** Items before this one have run (a head index: shifting thousands of items is quadratic). */
  private head = 0;
  private scheduled = false;
  private stopped = false;

  /**
   * `maxPerSlice` bounds what a slice leaves for the next frame to lay out (each attached
   * placeholder is an element to style and place), beyond what the slice itself costs.
   */
  constructor(
    private readonly each: (item: T) => void,
    private readonly maxPerSlice = Infinity,
  ) {}

  push(item: T): void {
    this.items.push(item);
    this.schedule();
  }

  /** Drops what is queued and runs nothing more. */
  stop(): void {
    this.stopped = true;
    this.items = [];
    this.head = 0;
  }

  private schedule(): void {
    if (this.scheduled || this.stopped) return;
    this.scheduled = true;
    const run = (idle?: IdleDeadline): void => {
      this.scheduled = false;
      // Within the idle period the browser gives (the next frame is due after it), at least one item.
      const budget = idle && !idle.didTimeout ? Math.min(SLICE_MS, idle.timeRemaining()) : SLICE_MS;
      this.slice(budget);
    };
    if ('requestIdleCallback' in globalThis) requestIdleCallback(run, { timeout: 100 });
    else setTimeout(run, 0);
  }

  private slice(budget: number): void {
    const deadline = performance.now() + Math.max(budget, 1);
    let ran = 0;
    while (this.head < this.items.length && performance.now() < deadline && ran < this.maxPerSlice) {
      if (this.stopped) return;
      const next = this.items[this.head] as T;
      this.head += 1;
      ran += 1;
      this.each(next);
    }
    if (this.head >= this.items.length) {
      this.items = [];
      this.head = 0;
    } else this.schedule();
  }
}
