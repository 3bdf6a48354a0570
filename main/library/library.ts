/**
 * Lectern's library, the composition root of the core: the Library wires each domain's service
 * to the Catalog (`openLibrary`, in open-library.ts, opens the folder into it). `subscribe` gives
 * the contract's events (`libraryChanged`, `libraryNotice`) as the catalog and the notices raise them.
 */
import type { CoreEvent } from './core-events';
import { AppService } from './app/service';
import type { HeldNotice, Notices } from './app/notices';
import { Catalog } from './catalog/catalog';
import { DocumentIndex } from './catalog/document-index';
import { describeReconciliation, reconcileWithFolder } from './documents/folder-reconcile';
import { ImportBatches } from './documents/import-batches';
import { DocumentJournal } from './documents/intents';
import type { Converter } from './import/conversion';
import { DocumentOpener } from './documents/open-parts';
import { DocumentsService } from './documents/service';
import { Trash } from './documents/trash';
import { ExportService } from './export/service';
import { InteropService } from './interop/service';
import type { AnnotationFiles } from './highlights/annotations';
import { HighlightsService } from './highlights/service';
import type { LinksService } from './links/service';
import { AnnotationNotes } from './notes/annotation-notes';
import { NotesFolder } from './notes/notes-folder';
import { NotesService } from './notes/service';
import type { LoadedIndex } from './search/persist';
import type { SearchService } from './search/service';
import { SettingsService } from './settings/service';
import type { TagsDomain } from './tags/open-tags';
import { applyPruneRule, createLinks, createSearch, interruptedNotice, toLibraryChange } from './wiring';
import { openWorkspace } from './workspace/open-workspace';
import type { WorkspaceService } from './workspace/service';
import type { FileSystem } from './storage/file-system';
import { Journal } from './storage/journal';
import type { LibraryPaths } from './storage/paths';

export type { CoreEvent } from './core-events';
export { LibraryLockedError } from './storage/lock';
export { FileTooNewError as LibraryTooNewError, type MigrationTable } from './storage/versioned';
export { CorruptFileError } from './storage/durable-file';
export { type OpenLibraryOptions, openLibrary } from './open-library';

/** What openLibrary (open-library.ts) opens and hands to the Library. */
export interface LibraryParts {
  fsys: FileSystem;
  paths: LibraryPaths;
  now: () => Date;
  notices: Notices;
  catalog: Catalog;
  unlock: () => Promise<void>;
  convert: Converter;
  /** Gets the converter ready when an import is near. */
  warmConverter: () => Promise<void>;
  annotations: AnnotationFiles;
  tags: TagsDomain;
  leftoversRemoved: Promise<number>;
  /** The saved search index, read beside the open. */
  savedSearch: Promise<LoadedIndex>;
}

/** The wired services, one per domain of the contract. */
export class Library {
  readonly paths: LibraryPaths;
  readonly catalog: Catalog;
  readonly annotations: AnnotationFiles;
  readonly app: AppService;
  readonly documents: DocumentsService;
  readonly highlights: HighlightsService;
  readonly settings: SettingsService;
  /** Deletes for good what the settings' pruning rule says is old (see documents/prune.ts). */
  readonly prune: () => Promise<void>;
  /** Tags on highlights and documents, and the tag manager's changes. */
  readonly tags: TagsDomain;
  /** Links between notes, documents and highlights: the backlink index and resolution. */
  readonly links: LinksService;
  /** Standalone notes (notes/<id>.md). */
  readonly notes: NotesService;
  /** Full-text search: the index over documents, highlights, notes and tags. */
  readonly search: SearchService;
  /** Every highlight of the library, filtered and grouped; edits of many at once. */
  readonly workspace: WorkspaceService;
  /** Notes on highlights and documents (in the annotations files). */
  readonly annotationNotes: AnnotationNotes;
  /** The library list's sort orders and filter, for windowed queries. */
  readonly index: DocumentIndex;
  /** Opening a document in two steps. */
  readonly opener: DocumentOpener;
  /** A document's notes as markdown, copied or written into a folder. */
  readonly exporter: ExportService;
  /** Highlights brought in from Kindle, Hypothesis and W3C files, and W3C JSON-LD export. */
  readonly interop: InteropService;
  /** Settles once the temp files a crash left are removed (it runs beside the open), with how many. */
  readonly leftoversRemoved: Promise<number>;
  private readonly journal: DocumentJournal;
  private readonly trash: Trash;
  private readonly batches = new ImportBatches();
  private closed = false;

  constructor(private readonly parts: LibraryParts) {
    const { fsys, paths, now, notices, catalog } = parts;
    this.paths = paths;
    this.catalog = catalog;
    this.annotations = parts.annotations;
    this.tags = parts.tags;
    this.leftoversRemoved = parts.leftoversRemoved;
    const trash = new Trash(fsys, paths, notices.raise);
    this.trash = trash;
    this.journal = new DocumentJournal(new Journal(fsys, paths.journalDir, now), {
      fsys,
      paths,
      catalog,
      trash,
    });
    this.app = new AppService(paths.root, notices);
    this.documents = new DocumentsService({
      fsys,
      paths,
      catalog,
      annotations: this.annotations,
      trash,
      journal: this.journal,
      now,
      convert: parts.convert,
      warmConverter: parts.warmConverter,
      batches: this.batches,
    });
    this.highlights = new HighlightsService(
      catalog,
      this.annotations,
      now,
      parts.tags.service,
      (documentId, highlightId) => this.notes.raise({ kind: 'highlight-note', documentId, highlightId }),
    );
    this.prune = () => applyPruneRule({ ...parts, trash });
    // A shorter rule applies at once; a longer one or none simply keeps more next time.
    this.settings = new SettingsService(catalog, (patch) => 'pruneAfterDays' in patch && void this.prune());
    this.notes = new NotesService({ folder: new NotesFolder(fsys, paths.root), now, notify: notices.raise });
    // Notes keep tag names in their front matter: renaming or deleting a tag rewrites them.
    parts.tags.service.addHolder(this.notes);
    this.annotationNotes = new AnnotationNotes(catalog, this.annotations, this.notes, now);
    this.index = new DocumentIndex(catalog, (record, tag) => parts.tags.service.documentHasTag(record, tag));
    catalog.onRecordsChanged((replaced) => this.index.refresh(replaced));
    this.opener = new DocumentOpener({ fsys, paths, catalog, annotations: this.annotations, now });
    this.links = createLinks({ ...parts, trash, notes: this.notes, annotationNotes: this.annotationNotes });
    this.exporter = new ExportService({
      fsys,
      paths,
      catalog,
      annotations: this.annotations,
      notes: this.notes,
      settings: this.settings,
      namesFor: (stored) => parts.tags.service.namesFor(stored),
      now,
    });
    this.interop = new InteropService({
      fsys,
      paths,
      catalog,
      annotations: this.annotations,
      highlights: this.highlights,
      storedTagsFor: (names) => parts.tags.service.storedTagsFor(names),
      namesFor: (stored) => parts.tags.service.namesFor(stored),
      now,
    });
    this.search = createSearch({ ...parts, notes: this.notes, annotations: this.annotations });
    this.workspace = openWorkspace({
      ...parts,
      noteSourceChanged: (documentId, highlightId) =>
        this.notes.raise({ kind: 'highlight-note', documentId, highlightId }),
    });
  }

  /** Finishes or undoes the operations a crash interrupted, and says so. */
  async recoverInterrupted(): Promise<void> {
    // A "delete forever" cut short: the entry was already gone from the trash; finish removing it.
    await this.trash.removeLeftoverPurges();
    const notice = interruptedNotice(await this.journal.recoverInterrupted());
    if (notice !== null) this.parts.notices.raise(notice);
  }

  /** After library.json came from a backup: brings back what the folder proves, and says so (its kept notice). */
  async reconcileRestoredBackup({ id, notice }: HeldNotice): Promise<void> {
    const { fsys, paths, catalog, notices } = this.parts;
    const { convert } = this.parts;
    const parts = { fsys, paths, catalog, trash: this.trash, annotations: this.annotations, convert };
    const result = await reconcileWithFolder(parts);
    await notices.raiseKept(id, { ...notice, message: `${notice.message}${describeReconciliation(result)}` });
  }

  /** The contract's events as they happen; returns the unsubscribe function. */
  subscribe(listener: (event: CoreEvent) => void): () => void {
    const unsubscribes = [
      this.catalog.subscribe((change) =>
        listener({ name: 'libraryChanged', payload: toLibraryChange(change) }),
      ),
      this.parts.notices.subscribe((notice) => listener({ name: 'libraryNotice', payload: notice })),
      this.batches.subscribe((progress) => listener({ name: 'importProgress', payload: progress })),
      this.exporter.runs.subscribe((progress) => listener({ name: 'exportProgress', payload: progress })),
      this.parts.tags.subscribe((event) => listener({ name: 'tagsChanged', payload: event })),
      this.links.onChange((change) => listener({ name: 'linksChanged', payload: change })),
      this.notes.subscribe((change) => listener({ name: 'notesChanged', payload: change })),
    ];
    return () => unsubscribes.forEach((unsubscribe) => unsubscribe());
  }

  /** Waits for pending writes and releases the lock. Safe to call twice. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.links.stop();
    this.workspace.index.stop();
    await this.leftoversRemoved;
    await this.links.settled();
    await this.search.stop();
    try {
      await this.notes.flush();
      await this.annotations.flushAll();
      await this.catalog.flush();
    } finally {
      await this.parts.unlock();
    }
  }
}
