/**
 * The notes kept in a document's annotations file: one per highlight and one on the document.
 * Each change is one durable write of that file, then listeners of NotesService hear of it.
 */
import type { DocumentId, Highlight, Result } from '../../../preload/api';
import type { Catalog } from '../catalog/catalog';
import { documentNotFound } from '../documents/not-found';
import type { AnnotationsData } from '../highlights/annotation-format';
import type { AnnotationFiles } from '../highlights/annotations';
import { writeFailure } from '../storage/failures';
import { checkNoteSize } from './failures';
import type { NotesService } from './service';

type Change<T> = { next: AnnotationsData | null; result: Result<T> };

export class AnnotationNotes {
  constructor(
    private readonly catalog: Catalog,
    private readonly annotations: AnnotationFiles,
    private readonly notes: NotesService,
    private readonly now: () => Date,
  ) {}

  /** An empty or whitespace-only note is no note (`null`). */
  async setHighlightNote(
    documentId: DocumentId,
    highlightId: string,
    markdown: string | null,
  ): Promise<Result<Highlight>> {
    const note = asNote(markdown);
    const tooLarge = note === null ? null : checkNoteSize(note);
    if (tooLarge !== null) return tooLarge;
    const result = await this.change(documentId, (data) => {
      const current = data.highlights.find((highlight) => highlight.id === highlightId);
      if (current === undefined) {
        return {
          next: null,
          result: { ok: false, code: 'not-found', message: `The document has no highlight ${highlightId}.` },
        };
      }
      if (current.note === note) return { next: null, result: { ok: true, value: current } };
      const updated: Highlight = { ...current, note, updatedAt: this.now().toISOString() };
      const highlights = data.highlights.map((highlight) =>
        highlight.id === highlightId ? updated : highlight,
      );
      return { next: { ...data, highlights }, result: { ok: true, value: updated } };
    });
    if (result.ok) this.notes.raise({ kind: 'highlight-note', documentId, highlightId });
    return result;
  }

  async setDocumentNote(documentId: DocumentId, markdown: string | null): Promise<Result<null>> {
    const note = asNote(markdown);
    const tooLarge = note === null ? null : checkNoteSize(note);
    if (tooLarge !== null) return tooLarge;
    const result = await this.change(documentId, (data) =>
      data.documentNote === note
        ? { next: null, result: { ok: true, value: null } }
        : { next: { ...data, documentNote: note }, result: { ok: true, value: null } },
    );
    if (result.ok) this.notes.raise({ kind: 'document-note', documentId });
    return result;
  }

  /** Every highlight note and document note of the library's documents (for the backlink index). */
  async allAnnotationNotes(): Promise<
    { documentId: DocumentId; documentNote: string | null; highlights: Highlight[] }[]
  > {
    const out = [];
    for (const record of this.catalog.list()) {
      const data = await this.annotations.read(record.id);
      const highlights = data.highlights.filter((highlight) => highlight.note !== null);
      if (data.documentNote !== null || highlights.length > 0) {
        out.push({ documentId: record.id, documentNote: data.documentNote, highlights });
      }
    }
    return out;
  }

  private async change<T>(
    documentId: DocumentId,
    apply: (data: AnnotationsData) => Change<T>,
  ): Promise<Result<T>> {
    if (!this.catalog.has(documentId)) return documentNotFound(documentId);
    try {
      return await this.annotations.modify(documentId, apply);
    } catch (error) {
      return writeFailure(error, 'save the note');
    }
  }
}

function asNote(markdown: string | null): string | null {
  return markdown === null || markdown.trim() === '' ? null : markdown;
}
