/**
 * Saving as you type: each edit restarts a short timer, then the latest text is saved; one save
 * runs at a time, and text typed during a save is saved after it. A failed save keeps the text
 * and says so; the next edit, `retry` or `flush` tries again.
 */
import type { Settled } from '../app/calls';

/** How long typing must pause before the text is saved. */
export const AUTOSAVE_DELAY_MS = 400;

export type SaveStatus = 'saved' | 'pending' | 'saving' | 'failed';

export interface AutosaveOptions {
  save: (text: string) => Promise<Settled<unknown>>;
  /** Told every status change; `failure` is set with 'failed'. */
  onStatus: (status: SaveStatus, failure: (Settled<unknown> & { ok: false }) | null) => void;
  delayMs?: number;
}

export class Autosave {
  private saved: string;
  private latest: string;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private status: SaveStatus = 'saved';
  private lastSent: string | null = null;

  constructor(
    initial: string,
    private readonly options: AutosaveOptions,
  ) {
    this.saved = initial;
    this.latest = initial;
  }

  /** The text as last typed (saved or not). */
  get text(): string {
    return this.latest;
  }

  /**
   * True when `text` is one this autosave saved or is saving or holds: an echo of its own work
   * (the saved value coming back down), not another text to start over from.
   */
  knows(text: string): boolean {
    return text === this.saved || text === this.latest || text === this.lastSent;
  }

  get hasUnsaved(): boolean {
    return this.latest !== this.saved;
  }

  edit(text: string): void {
    this.latest = text;
    this.clearTimer();
    if (!this.hasUnsaved && this.inFlight === null) return this.setStatus('saved');
    if (this.status !== 'saving') this.setStatus('pending');
    this.timer = setTimeout(() => void this.run(), this.options.delayMs ?? AUTOSAVE_DELAY_MS);
  }

  /** Saves what is pending now (closing, leaving the view); resolves true once it is all saved. */
  async flush(): Promise<boolean> {
    this.clearTimer();
    await this.run();
    return !this.hasUnsaved;
  }

  retry(): Promise<boolean> {
    return this.flush();
  }

  /** Stops the timer without saving (the caller flushes first when it matters). */
  dispose(): void {
    this.clearTimer();
  }

  private async run(): Promise<void> {
    this.clearTimer();
    while (this.inFlight !== null) await this.inFlight;
    if (!this.hasUnsaved) {
      if (this.status !== 'failed' || this.latest === this.saved) this.setStatus('saved');
      return;
    }
    const text = this.latest;
    this.lastSent = text;
    this.setStatus('saving');
    let outcome: Settled<unknown> | null = null;
    this.inFlight = this.options.save(text).then((result) => {
      outcome = result;
    });
    await this.inFlight;
    this.inFlight = null;
    const result = outcome as Settled<unknown> | null;
    if (result?.ok) {
      this.saved = text;
      this.setStatus(this.hasUnsaved ? 'pending' : 'saved');
      if (this.hasUnsaved && this.timer === null) this.edit(this.latest);
    } else if (result) {
      this.status = 'failed';
      this.options.onStatus('failed', result);
    }
  }

  private setStatus(status: SaveStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.options.onStatus(status, null);
  }

  private clearTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
