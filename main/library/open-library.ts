/**
 * Opens a library folder: locks it, cleans up after a crash, opens library.json (recovering from
 * corruption) into the Catalog, wires the Library, settles interrupted operations, brings the
 * list's counts in step with the annotation files, and seeds a new library.
 */
import { Notices } from './app/notices';
import { Catalog, METADATA_WRITE_DELAY_MS } from './catalog/catalog';
import { openStore } from './catalog/store';
import { filesToSeed } from './documents/importer';
import type { AnnotationFilesSetup } from './highlights/annotations';
import { reconcileCounts } from './highlights/reconcile';
import { type Converter, inProcessConverter } from './import/conversion';
import { Library } from './library';
import { loadIndex } from './search/persist';
import { removeLeftoverTempFiles } from './storage/cleanup';
import { type FileSystem, nodeFileSystem } from './storage/file-system';
import { HeldLock, lockedFileSystem } from './storage/held-lock';
import { acquireLock } from './storage/lock';
import { libraryFolders, libraryPaths } from './storage/paths';
import type { MigrationTable } from './storage/versioned';
import { openTags } from './tags/open-tags';
import { newAnnotationFiles } from './wiring';

export interface OpenLibraryOptions extends AnnotationFilesSetup {
  /** The library folder; created when missing. */
  root: string;
  /** Sample documents imported into a new library (first run only). */
  seedDir?: string;
  now?: () => Date;
  /** Replaces the schema migrations table (tests). */
  migrations?: MigrationTable;
  /** Replaces the file system the core writes through (fault-injection tests). */
  fileSystem?: FileSystem;
  /** How long list metadata (progress, counts) may lag in library.json. */
  metadataDelayMs?: number;
  /** Converts imported files (worker threads in the app; in this process by default). */
  converter?: Converter;
  /** Gets the converter ready for files about to come (WorkerConverter.warm); none by default. */
  warmConverter?: () => Promise<void>;
}

/** Opens (or creates) the library at `options.root`; throws LibraryLockedError if another process has it. */
export async function openLibrary(options: OpenLibraryOptions): Promise<Library> {
  const paths = libraryPaths(options.root);
  await (options.fileSystem ?? nodeFileSystem).mkdir(paths.root);
  const now = options.now ?? (() => new Date());
  let notices: Notices | null = null;
  const lock = new HeldLock(paths, await acquireLock(paths), (notice) => notices?.raise(notice));
  // Every change goes through the lock check: a process that lost the lock stops writing.
  const fsys = lockedFileSystem(options.fileSystem ?? nodeFileSystem, lock);
  notices = new Notices(fsys, paths.root, paths.noticesDir, now);
  const unlock = () => lock.release();
  try {
    await Promise.all(libraryFolders(paths).map((folder) => fsys.mkdir(folder)));
    // Before anything may change a file: the notices of changes an earlier session committed.
    const unfinished = await notices.load();
    // Beside the open, not before it: a crash's leftovers are in no one's way, and close waits for it.
    const leftoversRemoved = removeLeftoverTempFiles(fsys, paths).catch(() => 0);
    // The saved search index is read and parsed while the catalog opens: their waits on files overlap.
    // Only data is read; the search service checks it against the library once it starts.
    const savedSearch = loadIndex(fsys, paths);
    const store = await openStore(paths, {
      fsys,
      now,
      notices: notices.raise,
      keepAround: notices.keepAround,
      migrations: options.migrations,
    });
    const catalog = new Catalog(store.files, store.data, options.metadataDelayMs ?? METADATA_WRITE_DELAY_MS);
    const convert = options.converter ?? inProcessConverter;
    const warmConverter = options.warmConverter ?? (() => Promise.resolve());
    // Changes are logged only once library.json is a version builds without the log refuse.
    const mayLog = () => store.files.currentOnDisk;
    const annotations = newAnnotationFiles({ fsys, paths, now, notices, catalog, mayLog }, options.logLimits);
    const { tellOfChange } = notices;
    const tags = await openTags({ fsys, paths, now, tellOfChange, catalog, annotations });
    const parts = { fsys, paths, now, notices, catalog, unlock, annotations, tags, convert, warmConverter };
    const library = new Library({ ...parts, leftoversRemoved, savedSearch });
    await library.recoverInterrupted();
    // A restore a kill cut short before the folder was reconciled with it is reconciled now.
    for (const restored of [...unfinished, ...(store.recovery === null ? [] : [store.recovery])])
      await library.reconcileRestoredBackup(restored);
    await reconcileCounts(fsys, paths, catalog, library.annotations, store.foundAt);
    await library.notes.load();
    await library.prune();
    if (store.created && options.seedDir !== undefined)
      await library.documents.importPaths(await filesToSeed(options.seedDir));
    // The backlink index builds in the background: queries wait for it, opening the library does not.
    library.links.start();
    // The filter's folded text too: the first window is answered without waiting for it.
    void library.index.prepareFilter();
    library.search.start();
    return library;
  } catch (error) {
    await unlock();
    throw error;
  }
}
