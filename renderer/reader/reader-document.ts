/**
 * The open document of <reader-view>, as a reactive controller: opens it through the bridge in
 * two steps (the outline and the text at the saved place, then the rest in pieces), mounts its
 * sections with the progressive renderer (the saved place first, the rest after the first
 * paint), reports that first paint and the moment the whole text is on the page, and saves the
 * position before the reader leaves.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LecternBridge, OpenedDocument, OpenedDocumentStart, ReadingPosition } from '../../preload/api';
import { call, failureToast, type CallFailure } from '../app/calls';
import { ReaderCloseEvent, ToastEvent, type ToastInit } from '../lib/events';
import { ProgressiveRenderer, type Typography } from './progressive-renderer';
import { openingPosition } from './opening-position';
import { fillPiece, oneAhead, pendingPieces, sectionsFromStart } from './partial-sections';
import type { Section } from './sections';
import type { ReadingPositionController } from './reader-position';
import type { TocEntry } from '../components/reader-toc';

/** Text rendered synchronously before the first paint, in viewport heights below the reading line. */
const FIRST_PAINT_SCREENS = 1.5;

/**
 * Characters of markdown per piece of step two: 256 KB. A piece arrives in one task, and in the
 * browser harness a 1 MB one cost that task ~30-45 ms of CPU (30 MB book, trace, load ~12);
 * the next piece is asked for while one is handled, so smaller pieces do not wait longer in all.
 */
const PIECE_CHARS = 1 << 18;

/** A performance mark set at the first frame with text (the moment data-first-paint reports). */
export const FIRST_PAINT_MARK = 'lectern:reader-first-paint';

/**
 * The document the reader shows: what opening it answered but its text as one string. The text
 * lives in the sections (one slice each); joining 30 MB of them once the last piece arrived cost
 * the reader a task of some 100 ms and nothing read the result.
 */
export type ReaderDocument = Omit<OpenedDocument, 'markdown'>;

const nextFrame = (): Promise<void> =>
  new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** What the controller reads from the reader. */
export interface DocumentHostParts {
  api(): LecternBridge;
  documentId(): string;
  scroller(): HTMLElement;
  sectionsRoot(): HTMLElement;
  typography(): Typography;
  /** The sections are mounted, the reader at `section` (`progress` 0..1 through the document). */
  mounted(section: number, progress: number): void;
  /** The section the reader is in now (it may have scrolled since mounting). */
  currentSection(): number;
  /** The document is going away: stop anything that moves its text (a jump settling). */
  closing(): void;
  /** Every section of `doc` is rendered: its whole text is on the page (highlights can be placed). */
  allRendered(doc: ReaderDocument): void;
}

type Host = ReactiveControllerHost & HTMLElement & { readonly hasUpdated: boolean };

export class ReaderDocumentController implements ReactiveController {
  status: 'loading' | 'ready' | 'not-found' | 'failed' = 'loading';
  /** Why the document could not be opened, when status is 'failed'. */
  failure: CallFailure | null = null;
  /** The open document; a new object once `complete` (the highlight set opened on part of the text is replaced). */
  doc: ReaderDocument | null = null;
  /** The whole text has arrived: what needs all of it (anchoring, update from file) may run. */
  complete = false;
  sections: Section[] = [];
  private tocOf: { sections: Section[]; entries: TocEntry[] } | null = null;
  renderer: ProgressiveRenderer | null = null;
  private leaving = false;
  private toldSaveFailure: string | null = null;

  constructor(
    private readonly host: Host,
    private readonly position: ReadingPositionController,
    private readonly parts: DocumentHostParts,
  ) {
    host.addController(this);
  }

  /** The headings for the contents, listed when first asked for (the contents opened), not at opening. */
  get toc(): TocEntry[] {
    if (this.tocOf?.sections !== this.sections) {
      const entries = this.sections.flatMap((s) =>
        s.heading ? [{ section: s.index, level: s.heading.level, text: s.heading.text }] : [],
      );
      this.tocOf = { sections: this.sections, entries };
    }
    return this.tocOf.entries;
  }

  hostConnected(): void {
    this.leaving = false;
    // Moved in the DOM (disconnected, then connected again): open the document again.
    const id = this.parts.documentId();
    if (this.host.hasUpdated && id && !this.renderer) void this.open(id);
  }

  hostDisconnected(): void {
    this.closeDocument();
  }

  /** Loads a document and paints the part the reader will see first. */
  async open(id: string): Promise<void> {
    const requestStart = performance.now();
    await this.position.save(); // The reader may switch documents without closing.
    this.closeDocument();
    this.status = 'loading';
    this.doc = null;
    this.complete = false;
    this.failure = null;
    delete this.host.dataset.firstPaint;
    delete this.host.dataset.rendered;
    this.host.requestUpdate();
    const opened = await call(this.parts.api(), 'openDocumentStart', id);
    if (id !== this.parts.documentId()) return; // Another document was asked for meanwhile.
    if (!opened.ok) {
      this.status = 'failed';
      this.failure = opened;
      this.host.requestUpdate();
      return;
    }
    const start = opened.value;
    if (!start) {
      this.status = 'not-found';
      this.host.requestUpdate();
      return;
    }
    const { summary, position, highlights, documentNote } = start;
    const doc: ReaderDocument = { summary, position, highlights, documentNote };
    this.doc = doc;
    this.sections = sectionsFromStart(start);
    this.complete = start.firstText.length === start.totalLength;
    this.status = 'ready';
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (!(await this.mountSections(openingPosition(doc.position, summary, this.sections)))) return;
    await nextFrame();
    if (id !== this.parts.documentId()) return;
    this.reportFirstPaint(id, performance.now() - requestStart);
    // Every other section, in idle slices, now that the place the reader sees is painted.
    this.renderer?.attachWhenIdle(this.parts.currentSection());
    if (this.complete) this.renderer?.renderRest(this.parts.currentSection());
    else await this.loadRest(start);
  }

  /**
   * Step two: the rest of the text, in pieces of sections (no one message big enough to hold up
   * a frame; one piece asked for ahead, nothing more once the reader has left); then the rest is
   * rendered and what needs the whole text may run.
   */
  private async loadRest(start: OpenedDocumentStart): Promise<void> {
    const { id, textVersion } = start.summary;
    const renderer = this.renderer;
    const pieces = pendingPieces(this.sections, start.firstSection, PIECE_CHARS);
    const ask = ([from, to]: [number, number]) =>
      call(this.parts.api(), 'readDocumentSections', id, textVersion, from, to);
    for await (const [[from, to], piece] of oneAhead(pieces, ask)) {
      if (this.renderer !== renderer || !renderer || !this.doc) return; // Closed or reopened meanwhile.
      if (!piece.ok) return this.toast(failureToast('Could not load the rest of the document', piece));
      // Changed on disk between the steps: open it again from the start.
      if (!fillPiece(this.sections, from, to, piece.value)) return void this.open(id);
      renderer.textArrived(from, to);
    }
    if (this.renderer !== renderer || !renderer || !this.doc) return;
    this.doc = { ...this.doc };
    this.complete = true;
    this.host.requestUpdate();
    renderer.renderRest(this.parts.currentSection());
  }

  /** Mounts the renderer with the saved place on screen. */
  private async mountSections(position: ReadingPosition | null): Promise<boolean> {
    const renderer = new ProgressiveRenderer(this.sections, this.parts.typography(), () => {
      // The benchmarks read the attribute; the app hears the callback (only pending sections
      // keep a partial text from being all rendered, so `complete` holds here).
      this.host.dataset.rendered = 'all';
      if (this.doc && this.complete && this.renderer === renderer) this.parts.allRendered(this.doc);
    });
    renderer.picturesOf = this.doc?.summary.id ?? null;
    const start = position ? Math.max(0, Math.min(position.section, this.sections.length - 1)) : 0;
    renderer.mount(this.parts.sectionsRoot(), start);
    this.renderer = renderer;
    // Parsed in the worker: the UI answers meanwhile, and the reader may leave before it is done.
    await renderer.renderForReading(start, position?.offset ?? 0, window.innerHeight * FIRST_PAINT_SCREENS);
    if (this.renderer !== renderer) return false;
    const id = this.parts.documentId();
    const tracked = {
      scroller: this.parts.scroller(),
      sectionAt: (y: number) => renderer.sectionAt(y),
      spanOf: (index: number) => renderer.spanOf(index),
      sectionElement: (index: number) => renderer.sectionElement(index),
      sections: this.sections,
      ensureRendered: (index: number) => renderer.renderSectionNow(index),
      save: (pos: ReadingPosition) => this.savePosition(id, pos),
    };
    this.position.start(tracked, position ? { ...position, section: start } : null);
    this.parts.mounted(start, position?.progress ?? 0);
    return true;
  }

  /** Asks for a changed version of the document's file, then opens the document again. */
  async updateFromFile(): Promise<void> {
    const id = this.doc?.summary.id;
    if (!id) return;
    if (!this.complete)
      return this.toast({ kind: 'info', message: 'The document is still loading; try again in a moment.' });
    const updated = await call(this.parts.api(), 'chooseAndUpdateDocument', id);
    if (!updated.ok) return this.toast(failureToast('Could not update the document from its file', updated));
    if (updated.value === null) return;
    this.toast({ kind: 'success', message: 'Document updated from its file' });
    await this.open(id);
  }

  private toast(init: ToastInit): void {
    this.host.dispatchEvent(new ToastEvent(init));
  }

  /** Saves a position; the first failure for a document is told (later ones would only repeat it). */
  private async savePosition(id: string, position: ReadingPosition): Promise<void> {
    const saved = await call(this.parts.api(), 'saveReadingPosition', id, position);
    if (saved.ok || this.toldSaveFailure === id) return;
    this.toldSaveFailure = id;
    this.toast(failureToast('Could not save your reading position', saved));
  }

  private reportFirstPaint(id: string, ms: number): void {
    // After the paint: focusing recalculates style, which need not delay the first text.
    this.parts.scroller().focus({ preventScroll: true });
    this.host.dataset.firstPaint = String(ms);
    // The same moment on the page clock, so a benchmark can split the figure (transfer vs. renderer).
    performance.clearMarks(FIRST_PAINT_MARK);
    performance.mark(FIRST_PAINT_MARK, { detail: { documentId: id } });
  }

  private closeDocument(): void {
    this.parts.closing();
    this.position.stop();
    this.renderer?.dispose();
    this.renderer = null;
  }

  /** Saves the position (while the reader is still on screen to measure), then asks to leave. */
  async close(to: 'back' | 'library' = 'back'): Promise<void> {
    if (this.leaving) return;
    this.leaving = true;
    try {
      await this.position.save();
    } finally {
      this.position.stop();
      this.host.dispatchEvent(new ReaderCloseEvent(to));
    }
  }
}
