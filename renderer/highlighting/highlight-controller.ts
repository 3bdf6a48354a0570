/**
 * Highlighting in <reader-view>, as a reactive controller and the one owner of its state: the
 * open document's highlights (HighlightDocument: opened, placed, closed), the selection, the
 * popover (PopoverState) and the panel. Its helpers (commands, the selection follower, click and
 * key input) read through narrow interfaces and ask it for every change.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Highlight, HighlightColor, LecternBridge, Settings } from '../../preload/api';
import type { ReaderDocument } from '../reader/reader-document';
import { SettingsChangeEvent, ToastEvent } from '../lib/events';
import type { HighlightCommandEvent } from './events';
import { HighlightCommands } from './highlight-commands';
import type { HighlightEditor, HighlightsView } from './highlight-editor';
import { describeStop, stepFrom } from './highlight-steps';
import { type HighlightInputTarget, onHighlightClick, onHighlightKey } from './highlight-input';
import { HighlightDocument } from './highlight-document';
import { type Popover, PopoverState } from './popover-state';
import type { HighlightSet } from './highlight-set';
import { clearSelection } from './selection';
import { citationOf } from './citation-dom';
import { fromPanel, returnFocus } from './panel-focus';
import { type FollowedSelection, SelectionFollower, type SelectionWatcher } from './selection-follower';
import type { TextSpan } from './text-map';

/** What the controller reads from the reader. */
export interface HighlightHostParts {
  doc(): ReaderDocument | null;
  sectionsRoot(): HTMLElement | null;
  /** The scrolling reading area: floating controls stay inside it. */
  readingArea(): HTMLElement | null;
  api(): LecternBridge;
  settings(): Settings;
  notice(message: string): void;
}

type Host = ReactiveControllerHost & HTMLElement;

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
  private readonly document: HighlightDocument;
  private isPanelOpen = false;
  private followed: FollowedSelection | null = null;
  private readonly popover: PopoverState;
  private readonly commands: HighlightCommands;
  private readonly follower: SelectionFollower;
  /** The highlight whose popover the panel opened (Esc goes back to its item). */
  private fromPanel: string | null = null;

  constructor(
    private readonly host: Host,
    private readonly parts: HighlightHostParts,
  ) {
    host.addController(this);
    this.document = new HighlightDocument(host, {
      placed: (set, updates) => {
        this.follower.update();
        this.host.requestUpdate();
        if (updates.length > 0) void this.commands.saveAnchors(set.documentId, updates);
      },
      // A passage asked for by a link waits for the ranges the paint makes.
      painted: () => this.host.requestUpdate(),
      closed: () => {
        this.followed = null;
        this.popover.forget();
      },
    });
    this.popover = new PopoverState({
      painter: () => this.openSet?.painter ?? null,
      readingArea: () => this.parts.readingArea(),
      changed: () => this.host.requestUpdate(),
      focusPopover: () => void this.focusAfterUpdate('highlight-popover'),
    });
    this.commands = new HighlightCommands(this.editor);
    this.follower = new SelectionFollower(host, this.watcher);
  }

  /** What the reader's template shows (read-only: changes go through this controller). */
  view(): HighlightViewState {
    const { highlightLabels: labels, lastHighlightColor: lastColor } = this.parts.settings();
    const [set, selection, popover] = [this.openSet, this.followed, this.popover.shown];
    return { set, panelOpen: this.isPanelOpen, selection, popover, labels, lastColor };
  }
  /** The open document's highlights (null while no document is shown). */
  private get openSet(): HighlightSet | null {
    return this.document.set;
  }
  get panelOpen(): boolean {
    return this.isPanelOpen;
  }
  private get lastColor(): HighlightColor {
    return this.parts.settings().lastHighlightColor;
  }
  /** The toolbar or a popover is showing (Esc closes it: see dismiss). */
  get hasOverlay(): boolean {
    return this.popover.shown !== null || this.followed !== null;
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
    this.document.close();
  }

  hostUpdated(): void {
    this.document.follow(this.parts.doc(), this.parts.sectionsRoot());
  }

  /** The reader rendered the whole text of `doc`: the highlights can be placed. */
  documentRendered(doc: ReaderDocument): void {
    this.document.documentRendered(doc);
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

  /** Closes the popover or the toolbar; focus goes back to the panel item it came from, else the text. */
  dismiss(): void {
    const shown = this.popover.shown;
    if (shown === null) this.followed = null;
    this.popover.close();
    returnFocus(this.shadowRoot, shown?.selectedId === this.fromPanel ? this.fromPanel : null);
    this.fromPanel = null;
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

  /** `]` / `[`: the next or previous highlight, revealed and selected, and said to a screen reader. */
  private step(direction: 1 | -1): boolean {
    const set = this.openSet;
    const area = this.parts.readingArea();
    if (!set?.placed || !area) return false;
    const placed = set.placedInOrder();
    const stops = placed.map(({ id }) => ({
      id,
      top: set.painter.rangeOf(id)?.getBoundingClientRect().top ?? 0,
    }));
    const readingLine = area.getBoundingClientRect().top;
    const id = stepFrom(stops, this.popover.shown?.selectedId ?? null, readingLine, direction);
    const index = placed.findIndex((h) => h.id === id);
    const highlight = placed[index];
    if (id === null || !highlight || !this.reveal(id)) return false;
    this.popover.openOn(id, false);
    const label = this.parts.settings().highlightLabels[highlight.color];
    this.parts.notice(describeStop(highlight, label, index, placed.length));
    return true;
  }

  /** Reveals a highlight and selects it (from the panel, or a link's marker). */
  private show(id: string, fromPanel: boolean): void {
    this.fromPanel = fromPanel ? id : null;
    if (this.reveal(id)) requestAnimationFrame(() => this.popover.openOn(id, true));
  }

  /** What the highlight components ask for: moving around is done here, writes by the commands. */
  private readonly onCommand = (event: HighlightCommandEvent): void => {
    const { command } = event;
    if (command.kind === 'choose') this.popover.openOn(command.id, true);
    else if (command.kind === 'show') this.show(command.id, fromPanel(event));
    else if (command.kind === 'dismiss') this.dismiss();
    else void this.commands.run(command);
  };

  private readonly onPointerDown = (event: PointerEvent): void => this.popover.pointerDown(event);
  private readonly onKeyDown = (event: KeyboardEvent): void => onHighlightKey(event, this.input);
  private readonly onClick = (event: MouseEvent): void => onHighlightClick(event, this.input);

  /** The changes the commands may ask for; the only writes to highlight state besides this class's own. */
  private readonly editor: HighlightEditor = {
    api: () => this.parts.api(),
    highlights: () => this.openSet,
    selectedSpan: () => this.follower.selectedSpan(),
    labels: () => this.parts.settings().highlightLabels,
    put: (view: HighlightsView, highlight: Highlight, span: TextSpan | null) => {
      if (view !== this.openSet) return;
      this.openSet.put(highlight, span);
      this.popover.stored(highlight.id);
      this.host.requestUpdate();
    },
    remove: (view: HighlightsView, id: string, replacedBy?: Highlight) => {
      if (view !== this.openSet) return;
      this.openSet.remove(id, replacedBy);
      this.dismiss();
    },
    reveal: (view: HighlightsView, id: string) => void (view === this.openSet && this.reveal(id)),
    choose: (view: HighlightsView, id: string) =>
      void (view === this.openSet && this.popover.openOn(id, true)),
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
      if (selection) this.popover.forget();
      this.host.requestUpdate();
    },
    scrolled: () => {
      this.popover.scrolled();
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
    select: (id) => this.popover.openOn(id, false),
    tagSelected: () => this.popover.startTagging(),
    step: (direction) => this.step(direction),
    copySelected: (plain) => {
      const id = this.popover.shown?.selectedId;
      if (!id) return false;
      void this.commands.run({ kind: 'copy', id, plain });
      return true;
    },
    choose: (ids, line) => this.popover.choose(ids, line),
  };
}
