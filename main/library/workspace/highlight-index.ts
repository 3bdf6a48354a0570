/**
 * The workspace's index: a summary of every highlight of every live document (not the trashed),
 * built on the first query by reading the annotation files a few at a time, then kept current from
 * the annotation files', the catalog's and the tags' events, one change at a time, never rebuilt.
 */
import type { AnnotationsData } from '../highlights/annotation-format';
import { type HighlightEntry, type NamesFor, TagNames, entryOf, refreshNames } from './entries';

/** Where the index reads from, as a port: the library's parts in the app, fakes in tests. */
export interface WorkspaceSources {
  /** The live documents (the trash is not in the catalog). */
  documentIds(): readonly string[];
  /** A live document's title; undefined when it is not (or no longer) in the library. */
  title(id: string): string | undefined;
  /** A document's annotations read without taking the file over (the build); null when none or unreadable. */
  peek(id: string): Promise<AnnotationsData | null>;
  /** A document's current annotations, after a change (the annotation files' own copy). */
  read(id: string): Promise<AnnotationsData | null>;
  namesFor: NamesFor;
}

/** What the index follows; each subscribe returns its unsubscribe function. */
export interface WorkspaceEvents {
  onDocuments(listener: (change: { kind: string; ids: readonly string[] }) => void): () => void;
  onAnnotations(listener: (documentId: string) => void): () => void;
  onTags(listener: (event: { reason: string }) => void): () => void;
}

/** Files read at once while building. */
const READ_CONCURRENCY = 16;

const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

export class HighlightIndex {
  private readonly byDocument = new Map<string, HighlightEntry[]>();
  private built: Promise<void> | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly unsubscribes: (() => void)[] = [];
  private flat: HighlightEntry[] | null = null;
  /** Bumped by every change of entries or titles: orders and answers computed before are stale. */
  version = 0;
  /** Current tag names; forgotten when tags are renamed, merged or deleted. */
  private readonly tagNames: TagNames;

  constructor(
    private readonly sources: WorkspaceSources,
    private readonly events: WorkspaceEvents,
  ) {
    this.tagNames = new TagNames(sources.namesFor);
  }

  /** Bumped when tags are renamed, merged or deleted: every entry's names are computed again. */
  get tagGeneration(): number {
    return this.tagNames.generation;
  }

  /** Starts following changes (cheap: nothing is read until the first query). */
  start(): void {
    const { events } = this;
    this.unsubscribes.push(
      events.onAnnotations((id) => this.whenBuilt(() => this.syncDocument(id))),
      events.onDocuments((change) => {
        for (const id of change.ids) this.documentChanged(change.kind, id);
      }),
      events.onTags((event) => {
        if (event.reason === 'tagged') return;
        this.tagNames.forget();
        this.version++;
      }),
    );
  }

  stop(): void {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
  }

  /** Resolves once the index is built and holds every change announced so far. */
  async ready(): Promise<void> {
    // A build that failed (a folder that could not be listed) is tried again by the next query.
    this.built ??= this.enqueue(() => this.build()).catch((error: unknown) => {
      this.built = null;
      throw error;
    });
    await this.built;
    await this.queue;
  }

  /** Every entry (built on demand), tag names current. Call after `ready`. */
  all(): readonly HighlightEntry[] {
    if (this.flat === null) this.flat = [...this.byDocument.values()].flat();
    for (const entry of this.flat) refreshNames(entry, this.tagNames);
    return this.flat;
  }

  /** Each document's entries, in the order of its text. Call after `all`. */
  documents(): ReadonlyMap<string, readonly HighlightEntry[]> {
    return this.byDocument;
  }

  title(documentId: string): string {
    return this.sources.title(documentId) ?? '';
  }

  private documentChanged(kind: string, id: string): void {
    if (kind === 'removed') this.whenBuilt(() => Promise.resolve(this.drop(id)));
    else if (kind === 'added' || kind === 'restored') this.whenBuilt(() => this.syncDocument(id));
    // A new title changes the order by document.
    else if (kind === 'updated') this.version++;
  }

  /** Changes before the build started are read by the build itself. */
  private whenBuilt(work: () => Promise<void>): void {
    if (this.built !== null) void this.enqueue(work);
  }

  private async build(): Promise<void> {
    const ids = this.sources.documentIds();
    let next = 0;
    const worker = async () => {
      for (let id = ids[next++]; id !== undefined; id = ids[next++]) {
        const data = await this.sources.peek(id);
        if (data !== null && data.highlights.length > 0) this.set(id, data);
        if (next % READ_CONCURRENCY === 0) await yieldToEvents();
      }
    };
    await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, ids.length) }, worker));
  }

  private async syncDocument(id: string): Promise<void> {
    if (this.sources.title(id) === undefined) return this.drop(id);
    const data = await this.sources.read(id);
    // Trashed while it was being read.
    if (data === null || this.sources.title(id) === undefined) return this.drop(id);
    this.set(id, data);
  }

  private set(id: string, data: AnnotationsData): void {
    const entries = data.highlights.map((highlight) => entryOf(id, highlight));
    this.byDocument.set(
      id,
      entries.toSorted((a, b) => a.place - b.place || a.time - b.time),
    );
    this.changed();
  }

  private drop(id: string): void {
    if (this.byDocument.delete(id)) this.changed();
  }

  private changed(): void {
    this.flat = null;
    this.version++;
  }

  private enqueue(work: () => Promise<void>): Promise<void> {
    const run = this.queue.then(work);
    this.queue = run.catch((error: unknown) =>
      console.error('The highlights workspace could not follow a change', error),
    );
    return run;
  }
}
