/**
 * Keeps the index's entries in step with their sources, one owner at a time: a document's text, a
 * document's annotations, a standalone note. `reconcile` visits everything (a build is a reconcile
 * of an empty index), yielding between documents so the process stays responsive.
 */
import { performance } from 'node:perf_hooks';
import { PassageSlicer } from './document-slices';
import {
  type IndexEntry,
  annotationEntries,
  bodyOwner,
  documentEntry,
  noteEntry,
  noteOwner,
  notesOwner,
} from './entries';
import type { IndexState } from './persist';
import { type SearchSources, recordSignature } from './sources';

/** Documents indexed at once while reconciling (their files are read in parallel). */
const CONCURRENCY = 8;

/**
 * The longest stretch of indexing between two yields to the event loop: a user's call made
 * meanwhile (open a book, a highlight) waits no longer than this, plus one entry or one slice.
 */
const STRETCH_MS = 8;

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Yields to the event loop once STRETCH_MS of work went by since the last yield. */
class Pacer {
  private since = performance.now();

  async pace(): Promise<void> {
    if (performance.now() - this.since < STRETCH_MS) return;
    await yieldToEvents();
    this.since = performance.now();
  }
}

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
    const refs = { tagIds: [...(record.tagIds ?? [])], tagNames: [...(record.tags ?? [])] };
    const facts = { id, title: record.title, author: record.author, ...refs };
    await this.setText(owner, signature, documentEntry(facts, this.sources.namesFor), id);
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

  /**
   * Brings every owner up to date, dropping those whose source is gone; `progress` hears how far, and
   * each document waits for `giveWay` first (queries being answered go before this background work).
   */
  async reconcile(
    progress?: (done: number, total: number) => void,
    giveWay: () => Promise<void> = async () => undefined,
  ): Promise<void> {
    const records = this.sources.documents();
    const live = new Set<string>();
    let next = 0;
    const worker = async () => {
      for (let record = records[next++]; record !== undefined && !this.stopped; record = records[next++]) {
        live.add(bodyOwner(record.id)).add(notesOwner(record.id));
        await giveWay();
        if (this.stopped) return;
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
   * Replaces a document's text entries, reading and cutting its text a slice at a time and yielding
   * between stretches of work (a 30 MB book is 15,000 passages: seconds of work). Stopped midway, the
   * owner has no signature, so the next start indexes it again. A text that cannot be read is indexed
   * as empty, as before slicing.
   */
  private async setText(owner: string, signature: string, head: IndexEntry, id: string): Promise<void> {
    const { index, signatures } = this.state;
    index.replace(owner, [head]);
    signatures.delete(owner);
    this.dirty = true;
    const pacer = new Pacer();
    const slicer = new PassageSlicer(id);
    try {
      for await (const slice of this.sources.bodySlices(id)) {
        if (!(await this.append(owner, slicer.push(slice), pacer))) return;
        await pacer.pace();
      }
      if (!(await this.append(owner, slicer.end(), pacer))) return;
    } catch (error) {
      console.error(`The text of document ${id} could not be read for search`, error);
      index.replace(owner, [head]);
    }
    signatures.set(owner, signature);
  }

  /** Replaces an owner's entries, yielding between stretches; stopped midway, as setText. */
  private async set(owner: string, signature: string, entries: readonly IndexEntry[]): Promise<void> {
    const { index, signatures } = this.state;
    index.remove(owner);
    signatures.delete(owner);
    this.dirty = true;
    if (await this.append(owner, entries, new Pacer())) signatures.set(owner, signature);
  }

  /** Adds entries to an owner's one at a time, pacing; false when stopped midway. */
  private async append(owner: string, entries: readonly IndexEntry[], pacer: Pacer): Promise<boolean> {
    for (const entry of entries) {
      if (this.stopped) return false;
      this.state.index.append(owner, [entry]);
      await pacer.pace();
    }
    return !this.stopped;
  }

  private drop(owner: string): void {
    if (!this.state.index.has(owner) && !this.state.signatures.has(owner)) return;
    this.state.index.replace(owner, []);
    this.state.signatures.delete(owner);
    this.dirty = true;
  }
}
