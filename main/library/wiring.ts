/**
 * Pieces of the composition root (library.ts) that wire one domain to the others' events: the
 * annotation files (whose recovery corrects the catalog) and the search index (fed by every domain).
 */
import type { LibraryChange, LibraryNotice } from '../../preload/api';
import type { Notices } from './app/notices';
import { pruneOld, prunedNotice } from './documents/prune';
import type { Trash } from './documents/trash';
import type { Catalog, CatalogChange } from './catalog/catalog';
import { type AnnotationLogLimits, AnnotationFiles } from './highlights/annotations';
import { notesPortOf } from './links/notes-port';
import { LinksService } from './links/service';
import type { AnnotationNotes } from './notes/annotation-notes';
import type { NotesService } from './notes/service';
import type { LoadedIndex } from './search/persist';
import { SearchService } from './search/service';
import { searchSourcesOf } from './search/sources';
import type { FileSystem } from './storage/file-system';
import type { LibraryPaths } from './storage/paths';
import type { TagsDomain } from './tags/open-tags';

interface CoreParts {
  fsys: FileSystem;
  paths: LibraryPaths;
  now: () => Date;
  notices: Notices;
  catalog: Catalog;
}

/** The annotation files, whose recovery keeps the list's count and progress in step. */
export function newAnnotationFiles(
  parts: CoreParts & { mayLog: () => boolean },
  logLimits?: AnnotationLogLimits,
): AnnotationFiles {
  const { fsys, paths, now, notices, catalog, mayLog } = parts;
  return new AnnotationFiles(
    {
      fsys,
      paths,
      now,
      mayLog,
      notify: notices.raise,
      tellOfChange: notices.tellOfChange,
      // The list's count and progress follow whatever replaced a corrupt annotations file.
      onRecovered: (id, data) => {
        const highlightCount = data.highlights.length;
        const progress = data.position?.progress;
        catalog.noteMetadata(id, progress === undefined ? { highlightCount } : { highlightCount, progress });
      },
    },
    logLimits,
  );
}

/** The links domain, reading notes (standalone, on documents and on highlights) through its port. */
export function createLinks(
  parts: CoreParts & {
    trash: Trash;
    annotations: AnnotationFiles;
    notes: NotesService;
    annotationNotes: AnnotationNotes;
  },
): LinksService {
  const { catalog, trash, annotations } = parts;
  const notes = notesPortOf(parts);
  return new LinksService({ catalog, trash, annotations, notes });
}

/** The search index, fed by the catalog, the annotation files, the notes and the tags. */
export function createSearch(
  parts: Omit<CoreParts, 'now'> & {
    tags: TagsDomain;
    notes: NotesService;
    annotations: AnnotationFiles;
    savedSearch: Promise<LoadedIndex>;
  },
): SearchService {
  const { fsys, paths, catalog, notices, tags, notes, annotations, savedSearch } = parts;
  const namesFor = (stored: { tagIds: string[]; tags: string[] }) => tags.service.namesFor(stored);
  const sources = searchSourcesOf({ catalog, fsys, paths, notes, namesFor });
  const events = {
    onDocuments: (listener: (change: { kind: string; ids: readonly string[] }) => void) =>
      catalog.subscribe(listener),
    onAnnotations: (listener: (id: string) => void) => annotations.onAnnotationsChanged(listener),
    onNotes: (listener: Parameters<NotesService['onChange']>[0]) => notes.onChange(listener),
    onTags: (listener: (event: { reason: string }) => void) => tags.subscribe(listener),
  };
  return new SearchService({ fsys, paths, sources, events, notify: notices.raise, saved: savedSearch });
}

/**
 * Applies the pruning rule of the settings now: tells the user what was deleted for good, and
 * never throws (a failure is told too; what was not deleted waits for the next time).
 */
export async function applyPruneRule(parts: CoreParts & { trash: Trash }): Promise<void> {
  const days = parts.catalog.settings().pruneAfterDays;
  if (days === null) return;
  try {
    const notice = prunedNotice(await pruneOld(parts, days), days);
    if (notice !== null) parts.notices.raise(notice);
  } catch (error) {
    parts.notices.raise({
      level: 'warning',
      message: `Documents kept longer than ${days} days could not all be deleted for good (${error instanceof Error ? error.message : String(error)}); the rest is tried again at the next start.`,
    });
  }
}

/** What the user is told after operations a crash interrupted were settled (null: there were none). */
export function interruptedNotice({
  finished,
  undone,
}: {
  finished: number;
  undone: number;
}): LibraryNotice | null {
  if (finished + undone === 0) return null;
  const parts = [finished > 0 ? `${finished} finished` : '', undone > 0 ? `${undone} undone` : ''].filter(
    (part) => part !== '',
  );
  return {
    level: 'info',
    message: `Lectern was interrupted during ${finished + undone} change${finished + undone === 1 ? '' : 's'} to documents (${parts.join(', ')}); every document is whole.`,
  };
}

/** The contract knows no "counts changed": for the renderer it is an update of those documents. */
export function toLibraryChange(change: CatalogChange): LibraryChange {
  return { kind: change.kind === 'counts-changed' ? 'updated' : change.kind, ids: [...change.ids] };
}
