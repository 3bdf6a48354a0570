/**
 * The reading position of <reader-view>'s open document, as a reactive controller: follows it
 * with a PositionTracker, saves it (throttled while scrolling, at once when the page is hidden
 * or the reader closes), and keeps the same text at the top across reflows (resize, typography).
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReadingPosition } from '../../preload/api';
import { PositionTracker, type TrackedDocument } from './position-tracker';

const nextFrame = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

export class ReadingPositionController implements ReactiveController {
  private tracker: PositionTracker | null = null;
  private pendingRestore: ReadingPosition | null = null;
  /** A position being put back over the next frame: quick successive changes keep it. */
  private settling: ReadingPosition | null = null;
  private scrollerWidth = 0;
  /** The column reflows when the window is resized: keep the same text at the top. */
  private readonly resizeObserver = new ResizeObserver((entries) => {
    const width = entries[0]?.contentRect.width ?? 0;
    const first = this.scrollerWidth === 0;
    if (width === this.scrollerWidth) return;
    this.scrollerWidth = width;
    if (first) return; // The observer's initial report: nothing moved yet.
    const position = this.tracker?.last;
    if (position) this.tracker?.restore(position);
  });

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.saveSoon);
    window.addEventListener('pagehide', this.saveSoon);
  }

  /** No save here: a detached reader has no geometry. Leaving goes through save() first. */
  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this.saveSoon);
    window.removeEventListener('pagehide', this.saveSoon);
    this.stop();
  }

  get isTracking(): boolean {
    return this.tracker !== null;
  }

  /** Starts following a freshly mounted document, first scrolling to `position` if given. */
  start(doc: TrackedDocument, position: ReadingPosition | null): void {
    this.stop();
    this.tracker = new PositionTracker(doc);
    if (position) this.tracker.restore(position);
    this.scrollerWidth = 0;
    this.resizeObserver.observe(doc.scroller);
  }

  /** Stops following (the document closes); nothing is saved after this. */
  stop(): void {
    this.resizeObserver.disconnect();
    this.tracker?.dispose();
    this.tracker = null;
    this.pendingRestore = null;
    this.settling = null;
  }

  /** Saves the position now if it changed; settles once it is stored. */
  save(): Promise<void> {
    return this.tracker?.flush() ?? Promise.resolve();
  }

  private readonly saveSoon = (): void => void this.save();

  /** The reader scrolled: save within the throttle interval. */
  scrolled(): void {
    this.tracker?.scrolled();
  }

  currentSection(): number | null {
    return this.tracker?.currentSection() ?? null;
  }

  progress(): number {
    return this.tracker?.progress() ?? 0;
  }

  /** Call before a typography change is laid out: remembers the text at the top. */
  beforeReflow(): void {
    if (this.tracker) this.pendingRestore ??= this.settling ?? this.tracker.capture();
  }

  /** Call after the new typography is in the DOM: `apply` resizes placeholders, then the text returns to the top. */
  afterReflow(apply: () => void): void {
    const position = this.pendingRestore;
    if (!position || !this.tracker) return;
    this.pendingRestore = null;
    apply();
    this.tracker.restore(position);
    this.settling = position;
    // Chunks that came into view were laid out for real during that frame: settle once more.
    void nextFrame().then(() => {
      if (this.settling !== position) return;
      this.settling = null;
      this.tracker?.restore(position);
    });
  }
}
