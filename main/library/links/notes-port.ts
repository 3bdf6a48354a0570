/** The notes domain (NotesService, AnnotationNotes) adapted to the port the links domain reads notes through. */
import type { Highlight, LinkSource, Result } from '../../../preload/api';
import type { Catalog } from '../catalog/catalog';
import { peekAnnotations } from '../highlights/annotation-log';
import { annotatedDocumentIds } from '../highlights/annotated-ids';
import type { AnnotationFiles } from '../highlights/annotations';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import type { AnnotationNotes } from '../notes/annotation-notes';
import type { NotesService } from '../notes/service';
import { quoteTitle } from './resolver';
import type { NotesPort, SourceText } from './sources';

export interface NotesPortParts {
  catalog: Catalog;
  /** Where the index reads annotations files at start, without taking them over. */
  fsys: FileSystem;
  paths: LibraryPaths;
  annotations: Pick<AnnotationFiles, 'read'>;
  notes: NotesService;
  annotationNotes: Pick<AnnotationNotes, 'setDocumentNote' | 'setHighlightNote'>;
}

/** How a highlight's note is named in "Linked from": its passage, then its document. */
export const highlightNoteTitle = (highlight: Pick<Highlight, 'quote'>, documentTitle: string): string =>
  `“${quoteTitle(highlight.quote.exact)}” — ${documentTitle}`;

export const documentNoteTitle = (documentTitle: string): string => `Note on ${documentTitle}`;

const READ_CONCURRENCY = 32;

/** Runs `work` on every item, at most `limit` at a time. */
async function inParallel<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    for (let item = items[next++]; item !== undefined; item = items[next++]) await work(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export function notesPortOf(parts: NotesPortParts): NotesPort {
  const { catalog, annotations, notes, annotationNotes, fsys, paths } = parts;
  const titleOf = (documentId: string) => catalog.get(documentId)?.title ?? 'a document';
  return {
    async allSources() {
      const sources: SourceText[] = notes.allNotes().map((note) => ({
        source: { kind: 'note', noteId: note.id },
        title: note.title,
        text: note.body,
      }));
      // Only the files there are (one listing), many at once: one at a time, 10,000 of them take seconds.
      const annotated = await annotatedDocumentIds(fsys, paths, (id) => catalog.has(id));
      await inParallel(annotated, READ_CONCURRENCY, async (id) => {
        const data = await peekAnnotations(fsys, paths, id);
        if (data === null) return;
        const documentTitle = titleOf(id);
        if (data.documentNote !== null) {
          const source = { kind: 'document-note', documentId: id } as const;
          sources.push({ source, title: documentNoteTitle(documentTitle), text: data.documentNote });
        }
        for (const highlight of data.highlights) {
          if (highlight.note === null) continue;
          const source = { kind: 'highlight-note', documentId: id, highlightId: highlight.id } as const;
          sources.push({ source, title: highlightNoteTitle(highlight, documentTitle), text: highlight.note });
        }
      });
      return sources;
    },
    async readSource(source: LinkSource) {
      if (source.kind === 'note') {
        const note = notes.getNote(source.noteId);
        return note.ok ? { source, title: note.value.title, text: note.value.body } : null;
      }
      if (!catalog.has(source.documentId)) return null;
      const data = await annotations.read(source.documentId);
      const documentTitle = titleOf(source.documentId);
      if (source.kind === 'document-note') {
        const text = data.documentNote;
        return text === null ? null : { source, title: documentNoteTitle(documentTitle), text };
      }
      const highlight = data.highlights.find((found) => found.id === source.highlightId);
      const text = highlight?.note ?? null;
      if (highlight === undefined || text === null) return null;
      return { source, title: highlightNoteTitle(highlight, documentTitle), text };
    },
    onChange: (listener) => notes.onChange(listener),
    note(id: string) {
      const live = notes.getNote(id);
      if (live.ok) return Promise.resolve({ id, title: live.value.title, trashed: false });
      const trashed = notes.listTrashed().find((note) => note.id === id);
      return Promise.resolve(trashed === undefined ? null : { id, title: trashed.title, trashed: true });
    },
    listNotes: () =>
      Promise.resolve(notes.listNotes().map((note) => ({ id: note.id, title: note.title, trashed: false }))),
    async writeSource(source: LinkSource, text: string): Promise<Result<null>> {
      const saved =
        source.kind === 'note'
          ? await notes.saveNote(source.noteId, { body: text })
          : source.kind === 'document-note'
            ? await annotationNotes.setDocumentNote(source.documentId, text)
            : await annotationNotes.setHighlightNote(source.documentId, source.highlightId, text);
      return saved.ok ? { ok: true, value: null } : saved;
    },
  };
}
