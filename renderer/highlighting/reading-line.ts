/**
 * Saying when the reading position enters a highlight: which highlight is on the reading line,
 * what is said about it, and when (once per highlight entered, after the scroll settles, never
 * over `]` / `[`, which say it themselves). Pure but for the timer it is given, so it is unit-tested.
 */
import type { Highlight } from '../../preload/api';

/** A placed highlight's extent on screen (from its first line's top to its last line's bottom). */
export interface LineBox {
  top: number;
  bottom: number;
}

/** Highlights that start this far before the last one starting above the line are checked too (overlaps). */
const LOOK_BACK = 8;

/**
 * The highlight the reading line `line` is on, among `count` highlights in document order (`boxOf`
 * measures one; only about log2(count) + 8 are measured): the latest-starting one covering it.
 */
export function highlightAtLine(
  count: number,
  boxOf: (index: number) => LineBox,
  line: number,
): number | null {
  let [low, high, last] = [0, count - 1, -1];
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (boxOf(middle).top <= line) [last, low] = [middle, middle + 1];
    else high = middle - 1;
  }
  for (let i = last; i >= 0 && i > last - LOOK_BACK; i--) if (boxOf(i).bottom >= line) return i;
  return null;
}

/** "Key idea highlight. Tags: war, chance. Has a note." — said as the reading line enters it. */
export function describeEntered(highlight: Highlight, label: string): string {
  const parts = [`${label} highlight.`];
  if (highlight.needsCheck) parts.push('To check.');
  if (highlight.tags.length > 0) parts.push(`Tags: ${highlight.tags.join(', ')}.`);
  if (highlight.note !== null && highlight.note.trim() !== '') parts.push('Has a note.');
  return parts.join(' ');
}

export interface TimerParts {
  now(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

/** Quiet this long after the last scroll before speaking: flinging through fifty highlights says nothing. */
export const SETTLE_MS = 500;
/** A scroll starting this soon after another announcement (`]`, `[`) is that announcement's own. */
export const HUSH_MS = 1000;

/** When to speak: scrolls settle, then the highlight at the reading line is said if it is a new one. */
export class EntryAnnouncements {
  private timer: unknown = null;
  private burstStartedAt = 0;
  private hushedAt = -Infinity;
  /** The highlight on the reading line when the last scroll settled. */
  private current: string | null = null;

  /** `atLine`: the highlight on the reading line now; `say`: speaks about it. */
  constructor(
    private readonly timers: TimerParts,
    private readonly atLine: () => string | null,
    private readonly say: (id: string) => void,
  ) {}

  /** The text scrolled (by the user or anything else); speaking waits for it to settle. */
  scrolled(): void {
    if (this.timer === null) this.burstStartedAt = this.timers.now();
    else this.timers.clearTimer(this.timer);
    this.timer = this.timers.setTimer(() => this.settled(), SETTLE_MS);
  }

  /** Something else was just said (`]` / `[`): the scroll it causes enters its highlight silently. */
  hush(): void {
    this.hushedAt = this.timers.now();
  }

  /** Stops waiting (the reader closed, or the setting was turned off). */
  cancel(): void {
    if (this.timer !== null) this.timers.clearTimer(this.timer);
    this.timer = null;
  }

  private settled(): void {
    this.timer = null;
    const [previous, id] = [this.current, this.atLine()];
    this.current = id;
    if (id === null || id === previous || this.burstStartedAt - this.hushedAt < HUSH_MS) return;
    this.say(id);
  }
}
