/**
 * The open document's highlight set, through its life in the reader: opened when the reader
 * shows a document, placed and painted once the whole text is rendered, closed when it goes.
 */
import type { AnchorUpdate } from '../../preload/api';
import type { ReaderDocument } from '../reader/reader-document';
import { HighlightSet } from './highlight-set';

/** What the highlight controller hears of the set's life. */
export interface HighlightDocumentEvents {
  /** The set is placed (its paint follows in the next frame); `updates` are re-anchorings to store. */
  placed(set: HighlightSet, updates: AnchorUpdate[]): void;
  /** The set is painted: its ranges exist (a passage asked for by a link can be shown now). */
  painted(): void;
  /** The set closed: anything about it (selection, popover) goes too. */
  closed(): void;
}

export class HighlightDocument {
  private openSet: HighlightSet | null = null;
  /** The document whose whole text the reader reported rendered. */
  private renderedDoc: ReaderDocument | null = null;

  constructor(
    private readonly host: HTMLElement,
    private readonly events: HighlightDocumentEvents,
  ) {}

  /** The open set, or null when no document is shown. */
  get set(): HighlightSet | null {
    return this.openSet;
  }

  /** After each update of the reader: opens the set of the document it shows, closing the one before. */
  follow(doc: ReaderDocument | null, sectionsRoot: HTMLElement | null): void {
    // A reader that left the page still updates (a late notice timer, an answer arriving): it must
    // not open a set, whose painter would take the page-wide CSS.highlights names from the live reader.
    if (!this.host.isConnected) return;
    if (this.openSet && this.openSet.doc === doc) return;
    this.close();
    if (!doc || !sectionsRoot) return;
    this.openSet = HighlightSet.open(doc, sectionsRoot);
    this.placeWhenRendered();
  }

  /** The reader rendered the whole text of `doc`: the highlights can be placed. */
  documentRendered(doc: ReaderDocument): void {
    this.renderedDoc = doc;
    this.placeWhenRendered();
  }

  close(): void {
    this.openSet?.dispose();
    this.openSet = null;
    this.events.closed();
    delete this.host.dataset.anchorMs;
    delete this.host.dataset.paintMs;
  }

  /** Places the highlights once the set is open and its text is all rendered. */
  private placeWhenRendered(): void {
    const set = this.openSet;
    if (!set || set.placed || this.renderedDoc !== set.doc) return;
    const report = (timing: 'anchorMs' | 'paintMs', ms: number) => {
      this.host.dataset[timing] = ms.toFixed(2);
      if (timing === 'paintMs') this.events.painted();
    };
    const { updates } = set.placeAndPaint(report, () => this.openSet === set);
    this.events.placed(set, updates);
  }
}
