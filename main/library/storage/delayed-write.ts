/** Runs a write at most once per delay: for metadata that may lag a few seconds behind memory. */
export class DelayedWrite {
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly write: () => Promise<void>,
    private readonly delayMs: number,
  ) {}

  soon(): void {
    this.timer ??= setTimeout(() => void this.now(), this.delayMs);
  }

  /** Runs the pending write, if any; resolves when it settled (a failure is logged, not thrown). */
  async now(): Promise<void> {
    if (this.timer === null) return;
    clearTimeout(this.timer);
    this.timer = null;
    await this.write().catch((error: unknown) => console.error('A delayed metadata write failed', error));
  }
}
