/**
 * Highlighting in <reader-view>, as a reactive controller and the one owner of its state: the
 * open document's highlights, the selection, the popover and the panel. It places the
 * highlights when the reader says the whole text is rendered; its helpers (commands, the
 * selection follower, click and key input) read through narrow interfaces and ask it for
 * every change.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Highlight, HighlightColor, LecternBridge, OpenedDocument, Settings } from '../../preload/api';
import { SettingsChangeEvent, ToastEvent } from '../lib/events';
import type { HighlightCommandEvent } from './events';
import type { FloatingAnchor } from './floating-place';
import { HighlightCommands, type HighlightEditor, type HighlightsView } from './highlight-commands';
import { type HighlightInputTarget, onHighlightClick, onHighlightKey } from './highlight-input';
import { HighlightSet } from './highlight-set';
import { clearSelection } from './selection';
import { citationOf } from './citation-dom';
import {
  anchorIn,
  type FollowedSelection,
  SelectionFollower,
  type SelectionWatcher,
} from './selection-follower';
import type { TextSpan } from './text-map';

/** What the controller reads from the reader. */
export interface HighlightHostParts {
  doc(): OpenedDocument | null;
  sectionsRoot(): HTMLElement | null;
  /** The scrolling reading area: floating controls stay inside it. */
  readingArea(): HTMLElement | null;
  api(): LecternBridge;
  settings(): Settings;
  notice(message: string): void;
}

type Host = ReactiveControllerHost & HTMLElement;
/** `tagging`: the tag input is open (T). */
type Popover = { selectedId: string | null; choices: string[]; anchor: FloatingAnchor; tagging?: boolean };

export interface HighlightViewState {
  set: HighlightSet | null;
  panelOpen: boolean;
  /** The selected text's span (null until the text is all rendered) and what the toolbar sits by. */
  selection: FollowedSelection | null;
  /** The selected highlight, or several to choose from, and what the popover sits by. */
  popover: Popover | null;
  labels: Record<HighlightColor, string>;
  lastColor: HighlightColor;
}

export class HighlightController implements ReactiveController {
  private openSet: HighlightSet | null = null;
  private isPanelOpen = false;
  private followed: FollowedSelection | null = null;
  private shownPopover: Popover | null = null;
  /** The document whose whole text the reader reported rendered. */
  private renderedDoc: OpenedDocument | null = null;
  private readonly commands: HighlightCommands;
  private readonly follower: SelectionFollower;

  constructor(
    private readonly host: Host,
    private readonly parts: HighlightHostParts,
  ) {
    host.addController(this);
    this.commands = new HighlightCommands(this.editor);
    this.follower = new SelectionFollower(host, this.watcher);
  }

  /** What the reader's template shows (read-only: changes go through this controller). */
  view(): HighlightViewState {
    const { highlightLabels: labels, lastHighlightColor: lastColor } = this.parts.settings();
    const [set, selection, popover] = [this.openSet, this.followed, this.shownPopover];
    return { set, panelOpen: this.isPanelOpen, selection, popover, labels, lastColor };
  }
  get panelOpen(): boolean {
    return this.isPanelOpen;
  }
  private get lastColor(): HighlightColor {
    return this.parts.settings().lastHighlightColor;
  }
  /** The toolbar or a popover is showing (Esc closes it: see dismiss). */
  get hasOverlay(): boolean {
    return this.shownPopover !== null || this.followed !== null;
  }
  private get shadowRoot(): ShadowRoot {
    return this.host.shadowRoot as ShadowRoot;
  }

  hostConnected(): void {
    this.host.addEventListener('keydown', this.onKeyDown);
    this.host.addEventListener('click', this.onClick);
    this.host.addEventListener('pointerdown', this.onPointerDown);
    this.host.addEventListener('highlight-command', this.onCommand);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('keydown', this.onKeyDown);
    this.host.removeEventListener('click', this.onClick);
    this.host.removeEventListener('pointerdown', this.onPointerDown);
    this.host.removeEventListener('highlight-command', this.onCommand);
    this.closeSet();
  }

  hostUpdated(): void {
    // A reader that left the page still updates (a late notice timer, an answer arriving): it must
    // not open a set, whose painter would take the page-wide CSS.highlights names from the live reader.
    if (!this.host.isConnected) return;
    const doc = this.parts.doc();
    const root = this.parts.sectionsRoot();
    if (this.openSet && this.openSet.doc === doc) return;
    this.closeSet();
    if (!doc || !root) return;
    this.openSet = HighlightSet.open(doc, root);
    this.placeWhenRendered();
  }

  /** The reader rendered the whole text of `doc`: the highlights can be placed. */
  documentRendered(doc: OpenedDocument): void {
    this.renderedDoc = doc;
    this.placeWhenRendered();
  }

  private closeSet(): void {
    this.openSet?.dispose();
    this.openSet = null;
    this.followed = null;
    this.shownPopover = null;
    delete this.host.dataset.anchorMs;
    delete this.host.dataset.paintMs;
  }

  /** Places the highlights once the set is open and its text is all rendered (and stores any re-anchoring). */
  private placeWhenRendered(): void {
    const set = this.openSet;
    if (!set || set.placed || this.renderedDoc !== set.doc) return;
    const report = (timing: 'anchorMs' | 'paintMs', ms: number) =>
      (this.host.dataset[timing] = ms.toFixed(2));
    const { updates } = set.placeAndPaint(report, () => this.openSet === set);
    this.follower.update();
    this.host.requestUpdate();
    if (updates.length > 0) void this.commands.saveAnchors(set.documentId, updates);
  }

  /** The painted range of a placed highlight (the reader's link markers sit beside it). */
  rangeOf(id: string): Range | null {
    return this.openSet?.placed ? (this.openSet.painter.rangeOf(id) ?? null) : null;
  }

  openPanel(): void {
    this.isPanelOpen = true;
    this.host.requestUpdate();
  }

  togglePanel(): void {
    this.isPanelOpen = !this.isPanelOpen;
    this.host.requestUpdate();
  }

  /** Closes the Highlights panel (Esc); focus inside it goes back to its button. */
  closePanel(): void {
    const focusInPanel = this.shadowRoot.activeElement?.localName === 'highlight-panel';
    this.isPanelOpen = false;
    this.host.requestUpdate();
    if (focusInPanel) void this.focusAfterUpdate('.highlights-button');
  }

  /** Closes the popover or the toolbar; focus goes back to the reading area. */
  dismiss(): void {
    const hadPopover = this.shownPopover !== null;
    this.shownPopover = null;
    this.openSet?.painter.select(null);
    if (!hadPopover) this.followed = null;
    this.host.requestUpdate();
    this.shadowRoot.querySelector<HTMLElement>('.scroller')?.focus({ preventScroll: true });
  }

  /** Selects a highlight and opens its popover; `focus` moves keyboard focus into it. */
  private select(id: string, focus: boolean): void {
    const range = this.openSet?.painter.rangeOf(id);
    if (!range) return;
    this.openSet?.painter.select(id);
    const anchor = anchorIn(this.parts.readingArea(), range.getClientRects());
    this.shownPopover = { selectedId: id, choices: [], anchor };
    this.host.requestUpdate();
    if (focus) void this.focusAfterUpdate('highlight-popover');
  }

  private async focusAfterUpdate(selector: string): Promise<void> {
    await this.host.updateComplete;
    this.shadowRoot.querySelector<HTMLElement>(selector)?.focus();
  }

  /** Scrolls a highlight into view and flashes it; false when it is not on the text. */
  private reveal(id: string): boolean {
    const range = this.openSet?.painter.rangeOf(id);
    if (!range) return false;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    this.openSet?.painter.flashRange(range);
    return true;
  }

  /** Reveals a highlight and selects it (from the panel). */
  private show(id: string): void {
    if (this.reveal(id)) requestAnimationFrame(() => this.select(id, true));
  }

  /** What the highlight components ask for: moving around is done here, writes by the commands. */
  private readonly onCommand = ({ command }: HighlightCommandEvent): void => {
    if (command.kind === 'choose') this.select(command.id, true);
    else if (command.kind === 'show') this.show(command.id);
    else if (command.kind === 'dismiss') this.dismiss();
    else void this.commands.run(command);
  };

  private readonly onPointerDown = (event: PointerEvent): void => {
    if (!this.shownPopover) return;
    const path = event.composedPath();
    if (path.some((node) => node instanceof HTMLElement && node.localName === 'highlight-popover')) return;
    this.shownPopover = null;
    this.openSet?.painter.select(null);
    this.host.requestUpdate();
  };

  private readonly onKeyDown = (event: KeyboardEvent): void => onHighlightKey(event, this.input);
  private readonly onClick = (event: MouseEvent): void => onHighlightClick(event, this.input);

  /** The changes the commands may ask for; the only writes to highlight state besides this class's own. */
  private readonly editor: HighlightEditor = {
    api: () => this.parts.api(),
    highlights: () => this.openSet,
    selectedSpan: () => {
      this.follower.update(); // The selection may have moved since the last frame.
      return this.followed?.span ?? null;
    },
    labels: () => this.parts.settings().highlightLabels,
    put: (view: HighlightsView, highlight: Highlight, span: TextSpan | null) => {
      if (view !== this.openSet) return;
      this.openSet.put(highlight, span);
      if (this.shownPopover?.selectedId === highlight.id) this.openSet.painter.select(highlight.id);
      this.host.requestUpdate();
    },
    remove: (view: HighlightsView, id: string) => {
      if (view !== this.openSet) return;
      this.openSet.remove(id);
      this.dismiss();
    },
    reveal: (view: HighlightsView, id: string) => void (view === this.openSet && this.reveal(id)),
    choose: (view: HighlightsView, id: string) => void (view === this.openSet && this.select(id, true)),
    citation: (_view: HighlightsView, id: string) =>
      citationOf(this.parts.doc(), this.openSet?.painter.rangeOf(id) ?? null, this.parts.sectionsRoot()),
    selectionUsed: () => {
      clearSelection(this.shadowRoot);
      this.followed = null;
      this.host.requestUpdate();
    },
    colorUsed: (color) => {
      if (this.lastColor !== color)
        this.host.dispatchEvent(new SettingsChangeEvent({ lastHighlightColor: color }));
    },
    notice: (message) => this.parts.notice(message),
    toast: (init) => this.host.dispatchEvent(new ToastEvent(init)),
  };

  private readonly watcher: SelectionWatcher = {
    shadowRoot: () => this.shadowRoot,
    sectionsRoot: () => this.parts.sectionsRoot(),
    readingArea: () => this.parts.readingArea(),
    hasDocument: () => this.openSet !== null,
    placedText: () => (this.openSet?.placed ? this.openSet.textMap : null),
    hasOverlay: () => this.hasOverlay,
    selectionChanged: (selection) => {
      if (selection === null && this.followed === null) return;
      this.followed = selection;
      if (selection) this.shownPopover = null;
      this.host.requestUpdate();
    },
    scrolled: () => {
      const popover = this.shownPopover;
      const range = popover?.selectedId ? this.openSet?.painter.rangeOf(popover.selectedId) : null;
      if (popover && range) popover.anchor = anchorIn(this.parts.readingArea(), range.getClientRects());
      this.host.requestUpdate();
    },
  };

  private readonly input: HighlightInputTarget = {
    shadowRoot: () => this.shadowRoot,
    sectionsRoot: () => this.parts.sectionsRoot(),
    readingArea: () => this.parts.readingArea(),
    highlights: () => this.openSet,
    hasSelection: () => this.followed !== null,
    canUndo: () => this.commands.canUndo,
    create: (color) => void this.commands.create(color ?? this.lastColor),
    undo: () => void this.commands.undoDelete(),
    select: (id) => this.select(id, false),
    tagSelected: () => {
      if (!this.shownPopover?.selectedId) return false;
      this.shownPopover = { ...this.shownPopover, tagging: true };
      this.host.requestUpdate();
      void this.focusAfterUpdate('highlight-popover');
      return true;
    },
    choose: (ids, line) => {
      this.shownPopover = {
        selectedId: null,
        choices: ids,
        anchor: anchorIn(this.parts.readingArea(), [line]),
      };
      this.host.requestUpdate();
      void this.focusAfterUpdate('highlight-popover');
    },
  };
}
