/**
 * The notes domain: standalone notes (notes/<id>.md, kept in memory from start), and the notes
 * on highlights and documents (in the document's annotations file). Every change is durable
 * before it is answered or announced; a failed write changes nothing and answers a typed failure.
 */
import { randomBytes } from 'node:crypto';
import { tagKey, uniqueTags } from '../../../common/tags';
import type {
  DocumentId,
  LibraryNotice,
  NewNote,
  Note,
  NoteId,
  NotePatch,
  NoteSummary,
  NotesChange,
  Result,
  TrashedNote,
  UnreadableNoteFile,
} from '../../../preload/api';
import { writeFailure } from '../storage/failures';
import { checkNoteSize, noteNotFound, outsideEditRefusal } from './failures';
import { cleanTags, excerptOf } from './note-file';
import type { LiveNote, NotesFolder, TrashedNoteEntry } from './notes-folder';

/** What changed in a note of any kind, after it is on disk (the backlink index follows these). */
export type NoteSourceChange =
  | { kind: 'note'; id: NoteId; removed: boolean }
  | { kind: 'highlight-note'; documentId: DocumentId; highlightId: string }
  | { kind: 'document-note'; documentId: DocumentId };

export interface NotesServiceParts {
  folder: NotesFolder;
  now: () => Date;
  notify: (notice: LibraryNotice) => void;
}

export class NotesService {
  private readonly live = new Map<NoteId, LiveNote>();
  private readonly trashed = new Map<NoteId, TrashedNoteEntry>();
  private unreadable: UnreadableNoteFile[] = [];
  private readonly listeners = new Set<(change: NoteSourceChange) => void>();
  private readonly contractListeners = new Set<(change: NotesChange) => void>();
  /** Per note, the end of its last queued change: a note's writes land one at a time, in call order. */
  private readonly turns = new Map<NoteId, Promise<unknown>>();

  constructor(private readonly parts: NotesServiceParts) {}

  /** Reads the notes folder; a file that is not a valid note is reported once and left alone. */
  async load(): Promise<void> {
    const { live, trashed, unreadable } = await this.parts.folder.load();
    for (const [id, entry] of live) this.live.set(id, entry);
    for (const [id, entry] of trashed) this.trashed.set(id, entry);
    this.unreadable = unreadable;
    for (const file of unreadable) {
      this.parts.notify({
        level: 'warning',
        message: `The note file notes/${file.fileName} could not be read: ${file.reason}. Lectern leaves it as it is; fix it in a text editor and restart.`,
      });
    }
  }

  listNotes(): NoteSummary[] {
    return [...this.live.values()]
      .map(({ note }) => summaryOf(note))
      .toSorted((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  }

  listUnreadable(): UnreadableNoteFile[] {
    return this.unreadable.map((file) => ({ ...file }));
  }

  getNote(id: NoteId): Result<Note> {
    const entry = this.live.get(id);
    return entry === undefined ? noteNotFound(id) : { ok: true, value: { ...entry.note } };
  }

  /** Every live note, whole (for the backlink index). */
  allNotes(): Note[] {
    return [...this.live.values()].map(({ note }) => note);
  }

  async createNote(input: NewNote): Promise<Result<Note>> {
    const body = input.body ?? '';
    const tooLarge = checkNoteSize(body);
    if (tooLarge !== null) return tooLarge;
    const time = this.parts.now().toISOString();
    const id = this.newId();
    const note = withExcerpt({
      id,
      title: input.title,
      tags: cleanTags(input.tags ?? []),
      createdAt: time,
      updatedAt: time,
      excerpt: '',
      body,
    });
    const entry = { note, fileName: `${id}.md` };
    const written = await this.write(entry, 'create the note');
    if (!written.ok) return written;
    this.live.set(id, entry);
    this.announce('added', id, false);
    return { ok: true, value: { ...note } };
  }

  saveNote(id: NoteId, patch: NotePatch): Promise<Result<Note>> {
    if (patch.body !== undefined) {
      const tooLarge = checkNoteSize(patch.body);
      if (tooLarge !== null) return Promise.resolve(tooLarge);
    }
    return this.inTurn(id, async () => {
      const current = this.live.get(id);
      if (current === undefined) return noteNotFound(id);
      const note = withExcerpt({
        ...current.note,
        ...(patch.title === undefined ? {} : { title: patch.title }),
        ...(patch.body === undefined ? {} : { body: patch.body }),
        ...(patch.tags === undefined ? {} : { tags: cleanTags(patch.tags) }),
        updatedAt: this.parts.now().toISOString(),
      });
      const entry = { note, fileName: current.fileName };
      const written = await this.write(entry, 'save the note');
      if (!written.ok) return written;
      this.live.set(id, entry);
      this.announce('updated', id, false);
      return { ok: true, value: { ...note } };
    });
  }

  deleteNote(id: NoteId): Promise<Result<null>> {
    return this.inTurn(id, async () => {
      const current = this.live.get(id);
      if (current === undefined) return noteNotFound(id);
      const deletedAt = this.parts.now().toISOString();
      try {
        await this.parts.folder.moveToTrash(current.fileName, current.note, deletedAt);
      } catch (error) {
        return writeFailure(error, 'move the note to the trash');
      }
      this.live.delete(id);
      this.trashed.set(id, { note: current.note, deletedAt });
      this.announce('removed', id, true);
      return { ok: true, value: null };
    });
  }

  /** Most recently deleted first. */
  listTrashed(): TrashedNote[] {
    return [...this.trashed.values()]
      .map(({ note, deletedAt }) => ({ id: note.id, title: note.title, deletedAt }))
      .toSorted((a, b) => (a.deletedAt < b.deletedAt ? 1 : a.deletedAt > b.deletedAt ? -1 : 0));
  }

  restoreNote(id: NoteId): Promise<Result<Note>> {
    return this.inTurn(id, async () => {
      const entry = this.trashed.get(id);
      if (entry === undefined) return noteNotFound(id);
      const fileName = this.freeFileName(id);
      try {
        await this.parts.folder.restoreFromTrash(fileName, entry.note);
      } catch (error) {
        return writeFailure(error, 'restore the note');
      }
      this.trashed.delete(id);
      this.live.set(id, { note: entry.note, fileName });
      this.announce('restored', id, false);
      return { ok: true, value: { ...entry.note } };
    });
  }

  /** How many live notes carry each tag (keyed by its first spelling). */
  tagUses(): Map<string, number> {
    const spelling = new Map<string, string>();
    const uses = new Map<string, number>();
    for (const { note } of this.live.values()) {
      for (const tag of note.tags) {
        const name = spelling.get(tagKey(tag)) ?? tag;
        spelling.set(tagKey(tag), name);
        uses.set(name, (uses.get(name) ?? 0) + 1);
      }
    }
    return uses;
  }

  /**
   * Renames (`change` answers the new name) or removes (`null`) tags in every note that has
   * them, each note written durably; throws the first write error after trying every note.
   * Answers the undo: it writes back the tags each rewritten note had (the tag manager's Undo).
   */
  async rewriteTags(change: (tag: string) => string | null): Promise<() => Promise<void>> {
    const rewritten = await this.retag((tags) => uniqueTags(tags.flatMap((tag) => change(tag) ?? [])));
    return async () => {
      await this.retag((tags, id) => rewritten.get(id) ?? tags);
    };
  }

  /** Gives every live note the tags `next` answers; answers the tags each changed note had before. */
  private async retag(next: (tags: string[], id: NoteId) => string[]): Promise<Map<NoteId, string[]>> {
    const before = new Map<NoteId, string[]>();
    let firstError: unknown = null;
    for (const { note } of Array.from(this.live.values())) {
      const tags = next(note.tags, note.id);
      if (tags.length === note.tags.length && tags.every((tag, index) => tag === note.tags[index])) continue;
      const saved = await this.saveNote(note.id, { tags });
      if (saved.ok) before.set(note.id, note.tags);
      else if (firstError === null) firstError = new Error(saved.message);
    }
    if (firstError !== null) throw firstError;
    return before;
  }

  /** Listens to every durable note change; returns the unsubscribe function. */
  onChange(listener: (change: NoteSourceChange) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  /** The contract's `notesChanged` event, for Library.subscribe. */
  subscribe(listener: (change: NotesChange) => void): () => void {
    this.contractListeners.add(listener);
    return () => void this.contractListeners.delete(listener);
  }

  /** Tells listeners about a change to a highlight's or a document's note (made by AnnotationNotes). */
  raise(change: NoteSourceChange): void {
    for (const listener of Array.from(this.listeners)) listener(change);
  }

  /** Waits for every queued note change. */
  async flush(): Promise<void> {
    await Promise.all(this.turns.values());
  }

  private announce(kind: NotesChange['kind'], id: NoteId, removed: boolean): void {
    this.raise({ kind: 'note', id, removed });
    for (const listener of Array.from(this.contractListeners)) listener({ kind, ids: [id] });
  }

  /** Writes a live note, refusing to overwrite a file edited outside the app into a non-note. */
  private async write(entry: LiveNote, doing: string): Promise<Result<null>> {
    try {
      const onDisk = await this.parts.folder.readLive(entry.fileName);
      if (
        onDisk !== null &&
        onDisk !== 'unchanged' &&
        (!onDisk.ok || onDisk.value.note.id !== entry.note.id)
      ) {
        return outsideEditRefusal(entry.fileName, onDisk.ok ? 'it now holds another note' : onDisk.reason);
      }
      await this.parts.folder.writeLive(entry.fileName, entry.note);
      return { ok: true, value: null };
    } catch (error) {
      return writeFailure(error, doing);
    }
  }

  private inTurn<T>(id: NoteId, run: () => Promise<Result<T>>): Promise<Result<T>> {
    const turn = (this.turns.get(id) ?? Promise.resolve()).then(run);
    const settled = turn.catch(() => undefined);
    this.turns.set(id, settled);
    void settled.then(() => {
      if (this.turns.get(id) === settled) this.turns.delete(id);
    });
    return turn;
  }

  private newId(): NoteId {
    for (;;) {
      const id = randomBytes(8).toString('hex');
      if (!this.live.has(id) && !this.trashed.has(id) && this.isFreeName(`${id}.md`)) return id;
    }
  }

  private isFreeName(fileName: string): boolean {
    const taken = (name: string) => name.toLowerCase() === fileName.toLowerCase();
    return (
      !this.unreadable.some((file) => taken(file.fileName)) &&
      ![...this.live.values()].some((entry) => taken(entry.fileName))
    );
  }

  /** `<id>.md`, or `<id>-2.md`, ... when an unreadable file took that name meanwhile. */
  private freeFileName(id: NoteId): string {
    for (let n = 1; ; n++) {
      const name = n === 1 ? `${id}.md` : `${id}-${n}.md`;
      if (this.isFreeName(name)) return name;
    }
  }
}

function withExcerpt(note: Note): Note {
  return { ...note, excerpt: excerptOf(note.body) };
}

function summaryOf(note: Note): NoteSummary {
  const { body: _body, ...summary } = note;
  return { ...summary, tags: [...note.tags] };
}
