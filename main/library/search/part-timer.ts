/** Where a query's time goes, part by part (the search bench prints the medians: issue 11's budget). */

/** The parts of the last query, in milliseconds, in the order they ran. */
export type QueryParts = Record<string, number>;

export class PartTimer {
  private last = performance.now();
  readonly parts: QueryParts = {};

  /** Ends the part running since the previous lap (or the timer's start), named `name`. */
  lap(name: string): void {
    const now = performance.now();
    this.parts[name] = (this.parts[name] ?? 0) + now - this.last;
    this.last = now;
  }
}
