/**
 * What the links domain needs from the notes domain (the texts links are written in), as a port:
 * the NotesService is adapted to it in library.ts, the tests give a fake.
 */
import type { LinkSource, Result } from '../../../preload/api';

/** A change to a note, as the NotesService announces it. */
export type NoteSourceChange =
  | { kind: 'note'; id: string; removed: boolean }
  | { kind: 'highlight-note'; documentId: string; highlightId: string }
  | { kind: 'document-note'; documentId: string };

/** The current text of one source. */
export interface SourceText {
  source: LinkSource;
  title: string;
  text: string;
}

/** A standalone note as the autocomplete and resolution see it. */
export interface NoteInfo {
  id: string;
  title: string;
  trashed: boolean;
}

export interface NotesPort {
  /** Every source with text (called once, at start). */
  allSources(): Promise<SourceText[]>;
  /** One source's current text; null when it is gone (deleted, emptied). */
  readSource(source: LinkSource): Promise<SourceText | null>;
  onChange(listener: (change: NoteSourceChange) => void): () => void;
  /** A standalone note, live or trashed; null when there is none. */
  note(id: string): Promise<NoteInfo | null>;
  /** The live standalone notes. */
  listNotes(): Promise<NoteInfo[]>;
  /** Saves a source's new text (a repaired link), durably. */
  writeSource(source: LinkSource, text: string): Promise<Result<null>>;
}

/** A port with no notes: the links domain before the notes domain is wired. */
export const noNotes: NotesPort = {
  allSources: () => Promise.resolve([]),
  readSource: () => Promise.resolve(null),
  onChange: () => () => undefined,
  note: () => Promise.resolve(null),
  listNotes: () => Promise.resolve([]),
  writeSource: () =>
    Promise.resolve({ ok: false, code: 'not-found', message: 'Notes are not available in this library.' }),
};

/** A source's identity: `note/<id>`, `highlight-note/<doc>/<hl>` or `document-note/<doc>`. */
export function sourceKey(source: LinkSource): string {
  if (source.kind === 'note') return `note/${source.noteId}`;
  if (source.kind === 'document-note') return `document-note/${source.documentId}`;
  return `highlight-note/${source.documentId}/${source.highlightId}`;
}

/** The source a change is about. */
export function sourceOfChange(change: NoteSourceChange): LinkSource {
  if (change.kind === 'note') return { kind: 'note', noteId: change.id };
  if (change.kind === 'document-note') return { kind: 'document-note', documentId: change.documentId };
  return { kind: 'highlight-note', documentId: change.documentId, highlightId: change.highlightId };
}

/** The document a source lives in (its notes vanish from backlinks while it is in the trash). */
export const documentOfSource = (source: LinkSource): string | null =>
  source.kind === 'note' ? null : source.documentId;
