/**
 * Keeps the index's entries in step with their sources, one owner at a time: a document's text, a
 * document's annotations, a standalone note. `reconcile` visits everything (a build is a reconcile
 * of an empty index), yielding between documents so the process stays responsive.
 */
import {
  type IndexEntry,
  annotationEntries,
  bodyOwner,
  documentEntries,
  noteEntry,
  noteOwner,
  notesOwner,
} from './entries';
import type { IndexState } from './persist';
import { type SearchSources, recordSignature } from './sources';

/** Documents indexed at once while reconciling (their files are read in parallel). */
const CONCURRENCY = 8;

/** Entries added between two yields to the event loop. */
const CHUNK = 100;

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

export class IndexSync {
  /** Whether the state changed since it was last saved. */
  dirty = false;
  /** Set when the library closes: work under way stops at its next chunk. */
  stopped = false;

  constructor(
    readonly state: IndexState,
    private readonly sources: SearchSources,
  ) {}

  /** Re-indexes a document's title, author, tags and text, unless none of them changed. */
  async syncDocument(id: string, force = false): Promise<void> {
    const record = this.sources.document(id);
    const owner = bodyOwner(id);
    if (record === undefined) return this.drop(owner);
    const signature = recordSignature(record);
    if (!force && this.state.signatures.get(owner) === signature) return;
    const body = (await this.sources.body(id)) ?? '';
    const refs = { tagIds: [...(record.tagIds ?? [])], tagNames: [...(record.tags ?? [])] };
    const facts = { id, title: record.title, author: record.author, ...refs };
    await this.set(owner, signature, documentEntries(facts, body, this.sources.namesFor));
  }

  /** Re-indexes a document's highlights and notes, unless its annotations file is unchanged. */
  async syncAnnotations(id: string, force = false): Promise<void> {
    const owner = notesOwner(id);
    if (this.sources.document(id) === undefined) return this.drop(owner);
    // At start-up every document is visited: a stat tells most of them are unchanged without a read.
    if (!force && this.state.signatures.has(owner)) {
      const signature = await this.sources.annotationsSignature(id);
      if (signature !== null && this.state.signatures.get(owner) === signature) return;
    }
    const data = await this.sources.annotations(id);
    if (data === null) return this.drop(owner);
    if (!force && this.state.signatures.get(owner) === data.signature) return;
    await this.set(owner, data.signature, annotationEntries(id, data, this.sources.namesFor));
  }

  syncNote(id: string): void {
    const note = this.sources.note(id);
    const owner = noteOwner(id);
    if (note === null) return this.drop(owner);
    if (this.state.signatures.get(owner) === note.updatedAt && this.state.index.has(owner)) return;
    this.state.index.replace(owner, [noteEntry(note)]);
    this.state.signatures.set(owner, note.updatedAt);
    this.dirty = true;
  }

  /** The documents' text must be indexed again (its saved index could not be read). */
  forgetDocumentText(): void {
    for (const owner of this.state.signatures.keys())
      if (owner.startsWith(bodyOwner(''))) this.state.signatures.delete(owner);
  }

  /** A document left (to the trash): its entries go. */
  dropDocument(id: string): void {
    this.drop(bodyOwner(id));
    this.drop(notesOwner(id));
  }

  /** Brings every owner up to date, dropping those whose source is gone; `progress` hears how far. */
  async reconcile(progress?: (done: number, total: number) => void): Promise<void> {
    const records = this.sources.documents();
    const live = new Set<string>();
    let next = 0;
    const worker = async () => {
      for (let record = records[next++]; record !== undefined && !this.stopped; record = records[next++]) {
        live.add(bodyOwner(record.id)).add(notesOwner(record.id));
        await this.syncDocument(record.id);
        await this.syncAnnotations(record.id);
        progress?.(next, records.length);
        await yieldToEvents();
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    // Stopped midway, `live` is partial: nothing may be dropped by it.
    if (this.stopped) return;
    for (const note of this.sources.notes()) {
      live.add(noteOwner(note.id));
      this.syncNote(note.id);
    }
    for (const owner of this.state.index.ownerKeys()) if (!live.has(owner)) this.drop(owner);
    for (const owner of this.state.signatures.keys()) if (!live.has(owner)) this.drop(owner);
  }

  /** Tags were renamed, merged or deleted: every tagged entry takes its tags' current names. */
  retagAll(): void {
    this.state.index.retagAll((entry) =>
      entry.noteId !== null ? entry.tagNames : this.sources.namesFor(entry),
    );
    this.dirty = true;
  }

  /**
   * Replaces an owner's entries a chunk at a time, yielding between chunks (a book is 1,500
   * passages: seconds of work on a slow machine). Stopped midway, the owner has no signature, so
   * the next start indexes it again.
   */
  private async set(owner: string, signature: string, entries: readonly IndexEntry[]): Promise<void> {
    const { index, signatures } = this.state;
    index.remove(owner);
    signatures.delete(owner);
    this.dirty = true;
    for (let at = 0; at < entries.length; at += CHUNK) {
      if (at > 0) await yieldToEvents();
      if (this.stopped) return;
      index.append(owner, entries.slice(at, at + CHUNK));
    }
    signatures.set(owner, signature);
  }

  private drop(owner: string): void {
    if (!this.state.index.has(owner) && !this.state.signatures.has(owner)) return;
    this.state.index.replace(owner, []);
    this.state.signatures.delete(owner);
    this.dirty = true;
  }
}
