/**
 * Tells a screen reader when scrolling brings the reading position (the line a third down the
 * reading area) into a highlight: its meaning, tags and note, in a visually hidden polite live region.
 */
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { Settings } from '../../preload/api';
import type { HighlightSet } from '../highlighting/highlight-set';
import { highlightMoveKey } from '../highlighting/keys';
import {
  EntryAnnouncements,
  describeEntered,
  highlightAtLine,
  type LineBox,
} from '../highlighting/reading-line';

/** The reader: its settings, and its shadow root holding the reading area (`.scroller`). */
type Host = ReactiveControllerHost & HTMLElement & { settings: Settings };
/** The reader's highlighting: the open document's highlights (null while none is open). */
type Highlighting = { view(): { set: HighlightSet | null } };

/** Off screen but read: not display:none (that silences a live region). */
const VISUALLY_HIDDEN =
  'position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip-path:inset(50%);white-space:nowrap';

const NOWHERE: LineBox = { top: Number.POSITIVE_INFINITY, bottom: Number.POSITIVE_INFINITY };

export class ReadingPositionAnnouncer implements ReactiveController {
  private said = '';
  /** Each announcement is a new node, so saying the same words twice is heard twice. */
  private saidCount = 0;
  private readonly entries = new EntryAnnouncements(
    {
      now: () => performance.now(),
      setTimer: (callback, ms) => setTimeout(callback, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    },
    () => this.atReadingLine(),
    (id) => this.say(id),
  );

  constructor(
    private readonly host: Host,
    private readonly highlighting: Highlighting,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // Scroll events do not bubble; a capturing listener on the shadow root sees the reading area's.
    this.host.shadowRoot?.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    this.host.addEventListener('keydown', this.onKey);
  }

  hostDisconnected(): void {
    this.host.shadowRoot?.removeEventListener('scroll', this.onScroll, { capture: true });
    this.host.removeEventListener('keydown', this.onKey);
    this.entries.cancel();
  }

  /** The live region, for the reader's template. */
  render() {
    return html`<div role="status" aria-live="polite" aria-label="Reading position" style=${VISUALLY_HIDDEN}>
      ${keyed(this.saidCount, html`<span>${this.said}</span>`)}
    </div>`;
  }

  private get scroller(): HTMLElement | null {
    return this.host.shadowRoot?.querySelector<HTMLElement>('.scroller') ?? null;
  }

  private get enabled(): boolean {
    return this.host.settings.announceHighlights !== false;
  }

  /** `]` / `[` say the highlight they arrive on themselves: the scroll they make stays quiet here. */
  private readonly onKey = (event: KeyboardEvent): void => {
    if (highlightMoveKey(event, { inControl: false })?.kind === 'step') this.entries.hush();
  };

  private readonly onScroll = (event: Event): void => {
    if (event.target === this.scroller && this.enabled) this.entries.scrolled();
  };

  private atReadingLine(): string | null {
    const [set, scroller] = [this.highlighting.view().set, this.scroller];
    if (!set?.placed || !scroller || !this.enabled) return null;
    const placed = set.placedInOrder();
    const line = scroller.getBoundingClientRect().top + scroller.clientHeight / 3;
    const boxOf = (index: number): LineBox => {
      const id = placed[index]?.id;
      const box = id === undefined ? undefined : set.painter.rangeOf(id)?.getBoundingClientRect();
      return box ? { top: box.top, bottom: box.bottom } : NOWHERE;
    };
    const index = highlightAtLine(placed.length, boxOf, line);
    return index === null ? null : (placed[index]?.id ?? null);
  }

  private say(id: string): void {
    const highlight = this.highlighting.view().set?.records.get(id);
    if (!highlight || !this.enabled) return;
    this.said = describeEntered(highlight, this.host.settings.highlightLabels[highlight.color]);
    this.saidCount++;
    this.host.requestUpdate();
  }
}
