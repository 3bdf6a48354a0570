/** An in-memory NotesPort for the links domain's tests and bench: notes as plain text, changes announced. */
import type { LinkSource, Result } from '../../../preload/api';
import { type NoteInfo, type NoteSourceChange, type NotesPort, type SourceText, sourceKey } from './sources';

export class FakeNotes implements NotesPort {
  readonly texts = new Map<string, SourceText>();
  readonly notes = new Map<string, NoteInfo>();
  private readonly listeners = new Set<(change: NoteSourceChange) => void>();

  /** Writes a source's text and announces it, as the NotesService does after a save. */
  put(source: LinkSource, text: string, title = 'Untitled'): void {
    this.texts.set(sourceKey(source), { source, title, text });
    if (source.kind === 'note') this.notes.set(source.noteId, { id: source.noteId, title, trashed: false });
    this.announce(source, false);
  }

  /** A standalone note to the trash (`trashed`) or gone for good. */
  removeNote(id: string, how: 'trashed' | 'deleted'): void {
    const note = this.notes.get(id);
    this.texts.delete(`note/${id}`);
    if (how === 'deleted' || note === undefined) this.notes.delete(id);
    else this.notes.set(id, { ...note, trashed: true });
    this.announce({ kind: 'note', noteId: id }, true);
  }

  allSources = (): Promise<SourceText[]> => Promise.resolve([...this.texts.values()]);
  readSource = (source: LinkSource): Promise<SourceText | null> =>
    Promise.resolve(this.texts.get(sourceKey(source)) ?? null);
  note = (id: string): Promise<NoteInfo | null> => Promise.resolve(this.notes.get(id) ?? null);
  listNotes = (): Promise<NoteInfo[]> =>
    Promise.resolve([...this.notes.values()].filter((note) => !note.trashed));

  onChange(listener: (change: NoteSourceChange) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  writeSource(source: LinkSource, text: string): Promise<Result<null>> {
    const current = this.texts.get(sourceKey(source));
    this.put(source, text, current?.title);
    return Promise.resolve({ ok: true, value: null });
  }

  private announce(source: LinkSource, removed: boolean): void {
    const change: NoteSourceChange =
      source.kind === 'note'
        ? { kind: 'note', id: source.noteId, removed }
        : source.kind === 'document-note'
          ? { kind: 'document-note', documentId: source.documentId }
          : { kind: 'highlight-note', documentId: source.documentId, highlightId: source.highlightId };
    for (const listener of this.listeners) listener(change);
  }
}
