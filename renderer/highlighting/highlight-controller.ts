/**
 * Highlighting in <reader-view>, as a reactive controller: places the document's highlights
 * once its whole text is rendered, hit-tests clicks on highlighted text, opens and closes the
 * floating controls (SelectionFollower keeps them with their text), and runs the commands the
 * highlight components send up.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Highlight, HighlightColor, LecternBridge, OpenedDocument, Settings } from '../../preload/api';
import { ToastEvent, settingsChange } from '../lib/events';
import { HighlightCommands } from './highlight-commands';
import { HighlightSet } from './highlight-set';
import { HighlightCommandEvent } from './events';
import type { FloatingAnchor } from './floating-place';
import { extendSelection, selectionStep } from './keyboard-selection';
import { selectionKeyAction } from './keys';
import { caretAt, lineAt, selectedRange } from './selection';
import { SelectionFollower } from './selection-follower';
import type { TextSpan } from './text-map';

/** What the controller reads from the reader. */
export interface HighlightHostParts {
  doc(): OpenedDocument | null;
  sectionsRoot(): HTMLElement | null;
  /** The scrolling reading area: floating controls stay inside it. */
  readingArea(): HTMLElement | null;
  api(): LecternBridge;
  settings(): Settings;
  /** Opens the document again (after its text was updated from a file). */
  reload(): void;
  notice(message: string): void;
}

type Host = ReactiveControllerHost & HTMLElement;

export class HighlightController implements ReactiveController {
  set: HighlightSet | null = null;
  panelOpen = false;
  /** The selected text's span (null until the text is all rendered) and what the toolbar sits by. */
  selection: { span: TextSpan | null; anchor: FloatingAnchor } | null = null;
  /** The selected highlight, or several to choose from, and what the popover sits by. */
  popover: { selectedId: string | null; choices: string[]; anchor: FloatingAnchor } | null = null;
  readonly commands: HighlightCommands;
  private readonly follower: SelectionFollower;
  private readonly rendered = new MutationObserver(() => this.onRenderedChange());

  constructor(
    readonly host: Host,
    readonly parts: HighlightHostParts,
  ) {
    host.addController(this);
    this.commands = new HighlightCommands(this);
    this.follower = new SelectionFollower(this);
  }

  get labels(): Record<HighlightColor, string> {
    return this.parts.settings().highlightLabels;
  }

  get shadowRoot(): ShadowRoot {
    return this.host.shadowRoot as ShadowRoot;
  }

  hostConnected(): void {
    this.rendered.observe(this.host, { attributes: true, attributeFilter: ['data-rendered'] });
    this.host.addEventListener('keydown', this.onKeyDown);
    this.host.addEventListener('click', this.onClick);
    this.host.addEventListener('pointerdown', this.onPointerDown);
    this.host.addEventListener(HighlightCommandEvent.eventName, this.onCommand);
  }

  hostDisconnected(): void {
    this.rendered.disconnect();
    this.host.removeEventListener('keydown', this.onKeyDown);
    this.host.removeEventListener('click', this.onClick);
    this.host.removeEventListener('pointerdown', this.onPointerDown);
    this.host.removeEventListener(HighlightCommandEvent.eventName, this.onCommand);
    this.closeSet();
  }

  hostUpdated(): void {
    const doc = this.parts.doc();
    const root = this.parts.sectionsRoot();
    if (this.set && this.set.doc === doc) return;
    this.closeSet();
    if (!doc || !root) return;
    this.set = HighlightSet.open(doc, root);
    this.onRenderedChange();
  }

  private closeSet(): void {
    this.set?.dispose();
    this.set = null;
    this.selection = null;
    this.popover = null;
    delete this.host.dataset.anchorMs;
    delete this.host.dataset.paintMs;
  }

  /** The whole text is on the page: place the highlights (and store any re-anchoring, in one call). */
  private onRenderedChange(): void {
    const set = this.set;
    if (!set || set.placed || this.host.dataset.rendered !== 'all') return;
    const started = performance.now();
    const { updates } = set.place();
    // Reported like data-first-paint, for the benchmarks: anchoring, then painting up to the next frame.
    this.host.dataset.anchorMs = (performance.now() - started).toFixed(2);
    // Paint in a frame of its own: the one after the last section's layout.
    requestAnimationFrame(() => {
      if (this.set !== set) return;
      const painting = performance.now();
      set.paint();
      requestAnimationFrame(() =>
        setTimeout(() => (this.host.dataset.paintMs = (performance.now() - painting).toFixed(2)), 0),
      );
    });
    this.updateSelection();
    this.host.requestUpdate();
    if (updates.length > 0) void this.commands.saveAnchors(updates);
  }

  toast(init: ConstructorParameters<typeof ToastEvent>[0]): void {
    this.host.dispatchEvent(new ToastEvent(init));
  }

  rememberColor(color: HighlightColor): void {
    if (this.parts.settings().lastHighlightColor !== color)
      this.host.dispatchEvent(settingsChange({ lastHighlightColor: color }));
  }

  togglePanel(): void {
    this.panelOpen = !this.panelOpen;
    this.host.requestUpdate();
  }

  /** Closes the Highlights panel (Esc); focus inside it goes back to its button. */
  closePanel(): void {
    const focusInPanel = this.shadowRoot.activeElement?.localName === 'highlight-panel';
    this.panelOpen = false;
    this.host.requestUpdate();
    if (focusInPanel)
      void this.host.updateComplete.then(() =>
        this.shadowRoot.querySelector<HTMLElement>('.highlights-button')?.focus(),
      );
  }

  /** Reads the selection again (the toolbar follows it). */
  updateSelection(): void {
    this.follower.update();
  }

  /** The toolbar or a popover is showing (Esc closes it: see dismiss). */
  get hasOverlay(): boolean {
    return this.popover !== null || this.selection !== null;
  }

  /** Keys for highlighting (Esc is the reader's: it closes the innermost thing open). */
  private readonly onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') return;
    const origin = event.composedPath()[0];
    const inControl =
      origin instanceof Element && origin.matches('input, textarea, select, button, [role="slider"]');
    const step = inControl ? null : selectionStep(event);
    const text = this.parts.sectionsRoot();
    if (step && text && extendSelection(this.shadowRoot, text, step, () => this.readingLineStart(text))) {
      event.preventDefault();
      return;
    }
    const action = selectionKeyAction(event, {
      hasSelection: this.selection !== null,
      canUndo: this.commands.canUndo,
      inControl,
    });
    if (!action) return;
    event.preventDefault();
    if (action.kind === 'create') {
      const color = action.color ?? this.parts.settings().lastHighlightColor;
      void this.commands.create(color);
    } else void this.commands.undoDelete();
  };

  /** Where keyboard selection starts: the first line of document text from the top of the reading area down. */
  private readingLineStart(text: HTMLElement): { node: Node; offset: number } | null {
    const area = this.parts.readingArea()?.getBoundingClientRect();
    if (!area) return null;
    const left = text.getBoundingClientRect().left + 2;
    // Line by line (caret look-ups are cheap): past the title block or a heading's margin.
    for (let y = area.top + 12; y < area.bottom; y += 12) {
      const caret = caretAt(this.shadowRoot, left, y);
      if (caret && caret.node.nodeType === Node.TEXT_NODE && text.contains(caret.node)) return caret;
    }
    return null;
  }

  /** Closes the popover or the toolbar; focus goes back to the reading area. */
  dismiss(): void {
    const hadPopover = this.popover !== null;
    this.popover = null;
    this.set?.painter.select(null);
    if (!hadPopover) this.selection = null;
    this.host.requestUpdate();
    this.shadowRoot.querySelector<HTMLElement>('.scroller')?.focus({ preventScroll: true });
  }

  private readonly onPointerDown = (event: PointerEvent): void => {
    if (!this.popover) return;
    const inside = event
      .composedPath()
      .some((node) => node instanceof HTMLElement && node.localName === 'highlight-popover');
    if (!inside) {
      this.popover = null;
      this.set?.painter.select(null);
      this.host.requestUpdate();
    }
  };

  /** A click on highlighted text selects that highlight (or offers a choice where several overlap). */
  private readonly onClick = (event: MouseEvent): void => {
    const set = this.set;
    const root = this.parts.sectionsRoot();
    if (!set?.placed || !root || !event.composedPath().includes(root) || selectedRange(this.shadowRoot))
      return;
    if (event.composedPath().some((node) => node instanceof HTMLAnchorElement)) return;
    const caret = caretAt(this.shadowRoot, event.clientX, event.clientY);
    const offset = caret && set.textMap.offsetOf(caret.node, caret.offset);
    if (offset === null || offset === undefined) return;
    const hits = set.at(offset).filter((h) => {
      const range = set.painter.rangeOf(h.id);
      return range !== null && lineAt(range, event.clientX, event.clientY) !== null;
    });
    if (hits.length === 1 && hits[0]) this.select(hits[0].id, false);
    else if (hits.length > 1) {
      const range = set.painter.rangeOf(hits[0]?.id ?? '');
      const line =
        (range && lineAt(range, event.clientX, event.clientY)) ??
        new DOMRect(event.clientX, event.clientY, 1, 16);
      this.popover = {
        selectedId: null,
        choices: hits.map((h) => h.id),
        anchor: this.follower.anchorOf([line]),
      };
      this.host.requestUpdate();
      void this.focusPopover();
    }
  };

  /** Selects a highlight and opens its popover; `focus` moves keyboard focus into it. */
  select(id: string, focus: boolean): void {
    const range = this.set?.painter.rangeOf(id);
    if (!range) return;
    this.set?.painter.select(id);
    this.popover = { selectedId: id, choices: [], anchor: this.follower.anchorOf(range.getClientRects()) };
    this.host.requestUpdate();
    if (focus) void this.focusPopover();
  }

  private async focusPopover(): Promise<void> {
    await this.host.updateComplete;
    this.shadowRoot.querySelector('highlight-popover')?.focus();
  }

  private readonly onCommand = (event: Event): void => {
    void this.commands.run((event as HighlightCommandEvent).command);
  };

  /** The highlight records in view order, for the panel. */
  listed(): { placed: Highlight[]; unplaced: Highlight[] } {
    return { placed: this.set?.placedInOrder() ?? [], unplaced: this.set?.unplaced() ?? [] };
  }
}
