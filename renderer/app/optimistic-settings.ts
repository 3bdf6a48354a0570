/**
 * Settings that change at once while their writes run: what the core last stored plus the
 * patches still on their way, in the order made. A failed write drops its patch (the rollback);
 * answers arriving out of order never bring back an older state.
 */
import type { Settings } from '../../preload/api';

export class OptimisticSettings {
  private storedBy = 0;
  private lastRequest = 0;
  private readonly pending = new Map<number, Partial<Settings>>();

  constructor(private stored: Settings) {}

  /** What to show: the stored settings with every newer pending patch applied. */
  get current(): Settings {
    let shown = this.stored;
    for (const [request, patch] of this.pending) if (request > this.storedBy) shown = { ...shown, ...patch };
    return shown;
  }

  /** A change starts; returns its request number for `settle`. */
  begin(patch: Partial<Settings>): number {
    const request = ++this.lastRequest;
    this.pending.set(request, patch);
    return request;
  }

  /** A change's write answered: with the settings stored after it, or null when it failed. */
  settle(request: number, stored: Settings | null): void {
    this.pending.delete(request);
    if (stored && request > this.storedBy) {
      this.stored = stored;
      this.storedBy = request;
    }
  }
}
