/**
 * The search domain: the index lives in main, is loaded from the library folder (or built in the
 * background) at open, follows the catalog's, the annotations', the notes' and the tags' changes one at
 * a time, is saved a while after changes and at close, and answers queries without ever rebuilding.
 */
import type { LibraryNotice, Result, SearchResults } from '../../../preload/api';
import { isEmptyQuery, parseSearchQuery } from '../../../common/search-query';
import { DelayedWrite } from '../storage/delayed-write';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import { BodyCache } from './body-cache';
import { bodyOwner } from './entries';
import { type BodyReader, type LoadedIndex, loadIndex, saveIndex } from './persist';
import { FoldedTitles, documentsTitled, runQuery } from './query';
import { PartTimer, type QueryParts } from './part-timer';
import { QueryQuiet } from './query-quiet';
import { groupResults } from './results';
import { SearchIndex } from './search-index';
import type { SearchSources } from './sources';
import { IndexSync } from './sync';

/** What the index follows; each subscribe returns its unsubscribe function. */
export interface SearchEvents {
  onDocuments(listener: (change: { kind: string; ids: readonly string[] }) => void): () => void;
  onAnnotations(listener: (documentId: string) => void): () => void;
  onNotes(
    listener: (change: { kind: string; id?: string; removed?: boolean; documentId?: string }) => void,
  ): () => void;
  onTags(listener: (event: { reason: string }) => void): () => void;
}

export interface SearchServiceParts {
  fsys: FileSystem;
  paths: LibraryPaths;
  sources: SearchSources;
  events: SearchEvents;
  notify: (notice: LibraryNotice) => void;
  /** The saved index, when its reading started before the service (else `start` reads it). */
  saved?: Promise<LoadedIndex>;
  /** How long after a change the index is saved (it is saved at close too). */
  saveDelayMs?: number;
  /** How long after a query the background catch-up waits before its next document. */
  queryQuietMs?: number;
}

const SAVE_DELAY_MS = 30_000;
/**
 * Keystrokes come a few tens of milliseconds apart while typing; the palette asks again every 750 ms
 * while indexing, so a build still goes on between those.
 */
const QUERY_QUIET_MS = 300;
/** Results per kind of the warm-up queries (as many as the palette asks for). */
const WARM_UP_LIMIT = 8;
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));
/**
 * Documents' text kept for snippets, the most recently used: as many as the keystrokes of many queries
 * show (8 passages each; 1,024 documents of 5 KB are 5 M characters), and a few long books at most.
 */
const BODY_CACHE = { documents: 1024, chars: 8_000_000 };

export class SearchService {
  private sync: IndexSync;
  private building = false;
  private origin: 'file' | 'built' = 'built';
  private queue: Promise<void> = Promise.resolve();
  private readonly unsubscribes: (() => void)[] = [];
  private readonly save: DelayedWrite;
  private readonly bodies: BodyCache;
  private readonly titles = new FoldedTitles();
  private lastWithin: { key: string; ids: ReadonlySet<string> } | null = null;
  private readonly answering: Promise<void>;
  private readonly quiet: QueryQuiet;
  private markAnswering: () => void = () => undefined;
  /** The parts of the last query's time (the bench prints them). */
  lastQueryParts: QueryParts = {};

  constructor(private readonly parts: SearchServiceParts) {
    this.sync = new IndexSync({ index: new SearchIndex(), signatures: new Map() }, parts.sources);
    this.save = new DelayedWrite(() => this.saveNow(), parts.saveDelayMs ?? SAVE_DELAY_MS);
    this.answering = new Promise((resolve) => (this.markAnswering = resolve));
    this.quiet = new QueryQuiet(parts.queryQuietMs ?? QUERY_QUIET_MS);
    this.bodies = new BodyCache((id) => parts.sources.body(id), BODY_CACHE);
  }

  /**
   * Resolves once search answers from a whole index: the persisted one as soon as it is loaded (it
   * then catches up with changes made meanwhile, see `settled`), else the one built.
   */
  ready(): Promise<void> {
    return this.answering;
  }

  /** Loads or builds the index in the background and starts following changes. */
  start(): void {
    const { events } = this.parts;
    this.building = true;
    this.enqueue(() => this.open());
    this.unsubscribes.push(
      events.onDocuments((change) => change.ids.forEach((id) => this.documentChanged(change.kind, id))),
      events.onAnnotations((id) => this.enqueue(() => this.sync.syncAnnotations(id))),
      events.onNotes((change) => {
        if (change.kind === 'note' && change.id !== undefined) {
          const id = change.id;
          this.enqueue(() => Promise.resolve(this.sync.syncNote(id)));
        } else if (change.documentId !== undefined) {
          const id = change.documentId;
          this.enqueue(() => this.sync.syncAnnotations(id));
        }
      }),
      events.onTags((event) => {
        if (event.reason !== 'tagged') this.enqueue(() => Promise.resolve(this.sync.retagAll()));
      }),
    );
  }

  /** Stops following changes, waits for those under way and saves the index if it changed. */
  async stop(): Promise<void> {
    for (const unsubscribe of this.unsubscribes.splice(0)) unsubscribe();
    this.sync.stopped = true;
    await this.queue;
    // Runs (and clears) a pending delayed save, then saves whatever is left.
    await this.save.now();
    await this.saveNow();
  }

  /** Resolves once every change announced so far is in the index. */
  settled(): Promise<void> {
    return this.queue;
  }

  /** Where the index came from at open, and how many entries it holds (tests, bench). */
  status(): { origin: 'file' | 'built'; entries: number; building: boolean } {
    return { origin: this.origin, entries: this.sync.state.index.size, building: this.building };
  }

  /** Answers a query; the background catch-up waits meanwhile and a moment after. */
  async search(raw: string, limit: number): Promise<Result<SearchResults>> {
    this.quiet.touch();
    try {
      return await this.answer(raw, limit);
    } finally {
      this.quiet.touch();
    }
  }

  private async answer(raw: string, limit: number): Promise<Result<SearchResults>> {
    const timer = new PartTimer();
    const query = parseSearchQuery(raw);
    timer.lap('parse');
    const empty = { documents: [], passages: [], highlights: [], notes: [], indexing: this.building };
    if (isEmptyQuery(query)) return { ok: true, value: empty };
    const { sources } = this.parts;
    const within = query.within.length === 0 ? null : this.documentsWithin(query.within);
    timer.lap('within');
    const hits = runQuery(this.sync.state.index, query, within, limit, timer);
    const titleOf = (id: string) => sources.document(id)?.title ?? '';
    const grouped = await groupResults(hits, query, limit, { titleOf, bodyOf: (id) => this.bodies.get(id) });
    timer.lap('snippets');
    this.lastQueryParts = timer.parts;
    return { ok: true, value: { ...grouped, indexing: this.building } };
  }

  /** The documents `in:` names, the last answer kept until a document changes (keystrokes repeat it). */
  private documentsWithin(within: readonly string[]): ReadonlySet<string> {
    const key = JSON.stringify(within);
    if (this.lastWithin?.key === key) return this.lastWithin.ids;
    const ids = documentsTitled(within, this.parts.sources.documents(), this.titles);
    this.lastWithin = { key, ids };
    return ids;
  }

  private async open(): Promise<void> {
    const loaded = await (this.parts.saved ?? loadIndex(this.parts.fsys, this.parts.paths));
    if (loaded.kind === 'loaded') {
      const stopped = this.sync.stopped;
      this.sync = new IndexSync(loaded.state, this.parts.sources);
      this.sync.stopped = stopped;
      this.origin = 'file';
      // Titles, highlights and notes answer now; passages come once their file is read (results
      // say `indexing` meanwhile). No change is followed before: they queue behind this.
      this.markAnswering();
      // The index is whole once the passages are in; catching up with changes is not building.
      if (await this.readPassages(loaded.body)) this.building = false;
    }
    // MiniSearch's saved text is parsed as the warm-up's first step: if it cannot be, start afresh.
    const unusable =
      loaded.kind === 'unusable' ? loaded.reason : loaded.kind === 'loaded' ? await this.warmLoaded() : null;
    if (unusable !== null)
      this.parts.notify({
        level: 'info',
        message: `The search index is being rebuilt: ${unusable}. Nothing in the library is affected.`,
      });
    try {
      await this.sync.reconcile(undefined, () => this.quiet.quiet());
    } finally {
      this.building = false;
      this.markAnswering();
    }
    if (this.origin === 'built') await this.warm();
    if (this.sync.dirty) this.save.soon();
  }

  /** Warms the loaded index; when a saved part cannot be read after all, drops it (and says why). */
  private async warmLoaded(): Promise<string | null> {
    try {
      await this.warm();
      return null;
    } catch (error) {
      const stopped = this.sync.stopped;
      this.sync = new IndexSync({ index: new SearchIndex(), signatures: new Map() }, this.parts.sources);
      this.sync.stopped = stopped;
      this.origin = 'built';
      this.building = true;
      return `its saved form could not be read (${error instanceof Error ? error.message : String(error)})`;
    }
  }

  /**
   * Builds, a step at a time between other work, what the first query would wait for: the word trees
   * of prefixes and typos, and the compiled code of each way of searching (one query through them all).
   */
  private async warm(): Promise<void> {
    const { index } = this.sync.state;
    for (const step of index.warmingSteps()) {
      await yieldToEvents();
      if (this.sync.stopped) return;
      step();
    }
    // Words the library holds: the queries find passages and go through snippets too. The `in:` one
    // folds every title, which the first `in:` keystroke would (10,000 titles: 10-30 ms, cold).
    const [long = 'lectern', short = 'read'] = index.commonWords();
    const queries = [long, `"${short} ${long}"`, `${short.slice(0, -1)} -${long}`, `in:${short} ${long}`];
    for (const query of queries) {
      await yieldToEvents();
      if (this.sync.stopped) return;
      await this.answer(query, WARM_UP_LIMIT);
    }
  }

  /** Puts the saved passages in; false when their file cannot be used (they are indexed again). */
  private async readPassages(read: BodyReader): Promise<boolean> {
    try {
      this.sync.state.index.attachBody(await read());
      return true;
    } catch {
      this.parts.notify({
        level: 'info',
        message:
          "The search index of documents' text is being rebuilt: its file is damaged. Nothing in the library is affected.",
      });
      this.sync.forgetDocumentText();
      return false;
    }
  }

  private documentChanged(kind: string, id: string): void {
    this.bodies.forget(id);
    this.lastWithin = null;
    if (kind === 'removed') this.titles.forget(id);
    if (kind === 'removed') this.enqueue(() => Promise.resolve(this.sync.dropDocument(id)));
    else if (kind === 'counts-changed') this.enqueue(() => this.sync.syncAnnotations(id));
    else
      this.enqueue(async () => {
        // An update from a file changes the text under the same record fields: always re-read it.
        await this.sync.syncDocument(id, kind === 'updated' && !this.sync.state.index.has(bodyOwner(id)));
        await this.sync.syncAnnotations(id);
      });
  }

  private enqueue(work: () => Promise<void>): void {
    this.queue = this.queue
      .then(work)
      .then(() => {
        if (this.sync.dirty) this.save.soon();
      })
      .catch((error: unknown) => console.error('The search index could not follow a change', error));
  }

  private async saveNow(): Promise<void> {
    if (!this.sync.dirty) return;
    this.sync.dirty = false;
    try {
      await saveIndex(this.parts.fsys, this.parts.paths, this.sync.state);
    } catch (error) {
      this.sync.dirty = true;
      console.error('The search index could not be saved (it is rebuilt at the next start)', error);
    }
  }
}
