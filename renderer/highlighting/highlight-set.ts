/**
 * One open document's highlights: the stored records, where each lies in the rendered text,
 * and their paint. Knows nothing of the bridge or the UI; the controller drives it.
 */
import type { Highlight } from '../../preload/api';
import type { ReaderDocument } from '../reader/reader-document';
import { HighlightPainter } from './painter';
import { documentOrder, placeHighlights, type Placement } from './reanchor';
import { TextMap, type TextSpan } from './text-map';

export class HighlightSet {
  readonly records = new Map<string, Highlight>();
  private spans = new Map<string, TextSpan>();
  /** Per highlight to check, its candidate places from this session's re-anchoring, best first. */
  private candidates = new Map<string, TextSpan[]>();
  private order: string[] = [];
  /** True once the whole text is rendered and the highlights are placed. */
  placed = false;

  private constructor(
    readonly doc: ReaderDocument,
    readonly textMap: TextMap,
    readonly painter: HighlightPainter,
  ) {
    for (const h of doc.highlights) this.records.set(h.id, h);
  }

  static open(doc: ReaderDocument, sectionsRoot: HTMLElement): HighlightSet {
    return new HighlightSet(doc, new TextMap(sectionsRoot), new HighlightPainter());
  }

  get documentId(): string {
    return this.doc.summary.id;
  }

  get textVersion(): string {
    return this.doc.summary.textVersion;
  }

  /** Anchors every highlight on the rendered text (then `paint` shows them). */
  place(): Placement {
    const placement = placeHighlights(this.textMap.text, [...this.records.values()], this.textVersion);
    for (const update of placement.updates) {
      const record = this.records.get(update.id);
      if (record) this.records.set(update.id, { ...record, ...update });
    }
    this.spans = placement.spans;
    this.candidates = placement.candidates;
    this.placed = true;
    return placement;
  }

  /**
   * Places the highlights now and paints them in a frame of their own (the one after the last
   * section's layout), unless `stillOpen` says the document went meanwhile. Reports both times
   * in ms, like data-first-paint, for the benchmarks: anchoring, then painting up to the next frame.
   */
  placeAndPaint(
    report: (timing: 'anchorMs' | 'paintMs', ms: number) => void,
    stillOpen: () => boolean,
  ): Placement {
    const started = performance.now();
    const placement = this.place();
    report('anchorMs', performance.now() - started);
    requestAnimationFrame(() => {
      if (!stillOpen()) return;
      const painting = performance.now();
      this.paint();
      requestAnimationFrame(() => setTimeout(() => report('paintMs', performance.now() - painting), 0));
    });
    return placement;
  }

  /** Repaints everything from the spans (1,000 highlights: a few ms). */
  paint(): void {
    this.order = documentOrder(this.spans);
    const items = [];
    for (const id of this.order) {
      const record = this.records.get(id);
      const span = this.spans.get(id);
      const range = span && this.textMap.rangeOf(span);
      if (record && range) items.push({ id, color: record.color, range, check: record.needsCheck });
    }
    this.painter.paintAll(items);
  }

  /** Adds or replaces one highlight at a known place (a confirmed one forgets its other candidates). */
  put(highlight: Highlight, span: TextSpan | null): void {
    this.records.set(highlight.id, highlight);
    if (span) this.spans.set(highlight.id, span);
    else this.spans.delete(highlight.id);
    if (!highlight.needsCheck) this.candidates.delete(highlight.id);
    this.order = documentOrder(this.spans);
    const range = span && this.textMap.rangeOf(span);
    if (range)
      this.painter.add({ id: highlight.id, color: highlight.color, range, check: highlight.needsCheck });
    else this.painter.remove(highlight.id);
  }

  /** Its candidate places, best first (for one placed to check in an earlier session: only where it is). */
  candidatesOf(id: string): TextSpan[] {
    const span = this.spans.get(id);
    return this.candidates.get(id) ?? (span ? [span] : []);
  }

  /**
   * Removes a highlight; `replacedBy` (the stored record of a provisional one) takes its place,
   * its order and its paint, with nothing sorted or painted again. A removed highlight keeps its
   * candidates: an undone delete can still cycle them.
   */
  remove(id: string, replacedBy?: Highlight): void {
    const span = this.spans.get(id);
    this.records.delete(id);
    this.spans.delete(id);
    if (replacedBy && span && this.painter.rename(id, replacedBy)) {
      this.records.set(replacedBy.id, replacedBy);
      this.spans.set(replacedBy.id, span);
      this.order = this.order.map((other) => (other === id ? replacedBy.id : other));
      return;
    }
    this.order = this.order.filter((other) => other !== id);
    this.painter.remove(id);
    if (replacedBy) this.put(replacedBy, span ?? null);
  }

  spanOf(id: string): TextSpan | null {
    return this.spans.get(id) ?? null;
  }

  /** Placed highlights in document order. */
  placedInOrder(): Highlight[] {
    return this.order.flatMap((id) => this.records.get(id) ?? []);
  }

  /** Placed highlights to check, in document order. */
  toCheck(): Highlight[] {
    return this.placedInOrder().filter((h) => h.needsCheck);
  }

  /** Highlights not on the text (unplaced after an update). */
  unplaced(): Highlight[] {
    return [...this.records.values()].filter((h) => !this.spans.has(h.id));
  }

  /** Placed highlights containing a text offset, in document order. */
  at(offset: number): Highlight[] {
    return this.order.flatMap((id) => {
      const span = this.spans.get(id);
      return span && span.start <= offset && offset <= span.end ? (this.records.get(id) ?? []) : [];
    });
  }

  dispose(): void {
    this.textMap.disconnect();
    this.painter.dispose();
  }
}
