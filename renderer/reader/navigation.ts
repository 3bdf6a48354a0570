/**
 * Jumps inside the reading area: puts an element's top exactly at the reading line and keeps it
 * there for the few frames in which the chunks around it are laid out for real (their estimated
 * heights give way to measured ones and would otherwise push the target off the line).
 */

/** Frames to keep re-aligning a target after a jump. */
const SETTLE_FRAMES = 8;

/** Scrolls `scroller` so `target`'s top sits `inset` px below its top; returns the distance moved. */
export function alignToReadingLine(scroller: HTMLElement, target: HTMLElement, inset: number): number {
  const delta = target.getBoundingClientRect().top - scroller.getBoundingClientRect().top - inset;
  if (Math.abs(delta) >= 0.5) scroller.scrollTop += delta;
  return delta;
}

/** What a jump to a section aims at: its heading (the visible start), else the section itself. */
export function sectionTarget(section: HTMLElement): HTMLElement {
  const first = section.firstElementChild?.firstElementChild;
  const isHeading = first instanceof HTMLElement && /^H[1-6]$/.test(first.tagName);
  return isHeading && first.getBoundingClientRect().height > 0 ? first : section;
}

/**
 * Aligns `target()` now and on the next frames until it stays put, the reader scrolls by hand,
 * or SETTLE_FRAMES pass; then calls `done`. Returns a function that stops early.
 */
export function jumpAndSettle(
  scroller: HTMLElement,
  target: () => HTMLElement,
  inset: number,
  done: () => void,
): () => void {
  let frame = 0;
  let stable = 0;
  let stopped = false;
  const stop = (): void => {
    if (stopped) return;
    stopped = true;
    cancelAnimationFrame(frame);
    for (const type of USER_SCROLL_EVENTS) scroller.removeEventListener(type, stop);
    done();
  };
  const step = (count: number): void => {
    stable = Math.abs(alignToReadingLine(scroller, target(), inset)) < 0.5 ? stable + 1 : 0;
    if (stable >= 2 || count >= SETTLE_FRAMES) return stop();
    frame = requestAnimationFrame(() => step(count + 1));
  };
  for (const type of USER_SCROLL_EVENTS) scroller.addEventListener(type, stop, { passive: true });
  step(0);
  return stop;
}

const USER_SCROLL_EVENTS = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
