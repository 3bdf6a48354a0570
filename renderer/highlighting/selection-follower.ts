/**
 * Keeps the floating highlight controls with their text, as a reactive controller: reads the
 * selection (the toolbar shows for a selection inside the document's text) and, as the reader
 * scrolls, asks for the controls to be re-anchored. It holds no highlight state: it reports
 * through the SelectionWatcher callbacks, and the highlight controller decides.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FloatingAnchor } from './floating-place';
import { selectedRange } from './selection';
import { trimSpan, type TextMap, type TextSpan } from './text-map';

/** A selection in the document: its span on the placed text (null until placed) and where its toolbar sits. */
export interface FollowedSelection {
  span: TextSpan | null;
  anchor: FloatingAnchor;
}

/** What the follower reads from the reader, and whom it tells. */
export interface SelectionWatcher {
  shadowRoot(): ShadowRoot;
  sectionsRoot(): HTMLElement | null;
  readingArea(): HTMLElement | null;
  /** Whether a document is open (its highlights loaded). */
  hasDocument(): boolean;
  /** The text map once the whole text is placed; null before. */
  placedText(): TextMap | null;
  /** A floating control is showing (only then does scrolling matter). */
  hasOverlay(): boolean;
  selectionChanged(selection: FollowedSelection | null): void;
  /** The reader scrolled with a control showing: anchor it again. */
  scrolled(): void;
}

/** A floating control's anchor: these line boxes, inside the reading area. */
export function anchorIn(area: HTMLElement | null, lines: Iterable<DOMRect>): FloatingAnchor {
  const box = area?.getBoundingClientRect() ?? new DOMRect(0, 0, window.innerWidth, window.innerHeight);
  return { lines: [...lines], area: box };
}

export class SelectionFollower implements ReactiveController {
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly watcher: SelectionWatcher,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('selectionchange', this.onSelectionChange);
    this.host.addEventListener('scroll', this.onScroll, true);
  }

  hostDisconnected(): void {
    cancelAnimationFrame(this.frame);
    document.removeEventListener('selectionchange', this.onSelectionChange);
    this.host.removeEventListener('scroll', this.onScroll, true);
  }

  /** Reads the selection again and reports it. */
  update(): void {
    this.watcher.selectionChanged(this.read());
  }

  /**
   * The selection's span on the placed text, read fresh (it may have moved since the last frame),
   * without its line boxes: no layout and no report, so a click's write leaves at once.
   */
  selectedSpan(): TextSpan | null {
    const range = this.documentRange();
    const text = range && this.watcher.placedText();
    return range && text ? trimSpan(text.text, text.spanOf(range)) : null;
  }

  private read(): FollowedSelection | null {
    const { watcher } = this;
    const range = this.documentRange();
    if (!range) return null;
    const text = watcher.placedText();
    if (!text) return { span: null, anchor: anchorIn(watcher.readingArea(), range.getClientRects()) };
    const span = trimSpan(text.text, text.spanOf(range));
    return span ? { span, anchor: anchorIn(watcher.readingArea(), range.getClientRects()) } : null;
  }

  /** The selected range when it lies in the open document's text. */
  private documentRange(): Range | null {
    const { watcher } = this;
    const range = selectedRange(watcher.shadowRoot());
    const root = watcher.sectionsRoot();
    return range && root && range.intersectsNode(root) && watcher.hasDocument() ? range : null;
  }

  private readonly onSelectionChange = (): void => {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.update());
  };

  private readonly onScroll = (): void => {
    if (!this.watcher.hasOverlay()) return;
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => {
      this.update();
      this.watcher.scrolled();
    });
  };
}
