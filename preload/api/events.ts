/** Events from main to the renderer, and their payloads. */
import type { ListedNotice } from './app';
import type { DocumentId } from './common';
import type { ImportProgress, ImportReport } from './documents';
import type { ExportProgress } from './export';
import type { LinksChange } from './links';
import type { NotesChange } from './notes';
import type { TagsChangedEvent } from './tags';

/** What changed in the library's list of documents (raised by the catalog, whoever caused it). */
export interface LibraryChange {
  kind: 'added' | 'updated' | 'removed' | 'restored';
  ids: DocumentId[];
}

export type MenuCommand = 'show-library' | 'toggle-toc';

export interface LecternEvents {
  /** Documents were added, removed or changed (from another window, the menu, ...). */
  libraryChanged: LibraryChange;
  /** A notice about the library raised after start (a corrupt file moved aside, a failed write). */
  libraryNotice: ListedNotice;
  /** An import started from the application menu (Ctrl/Cmd+O) finished. */
  importFinished: ImportReport;
  /** An import of files advanced by one file (or finished, or was cancelled). */
  importProgress: ImportProgress;
  /** An export of many advanced by one file (or finished, or was cancelled). */
  exportProgress: ExportProgress;
  /** Links between notes and their targets changed (a note saved, a target deleted or restored). */
  linksChanged: LinksChange;
  /** Standalone notes changed (created, saved, trashed, restored). */
  notesChanged: NotesChange;
  /** A deep link was clicked outside the app: ask for it with `takeOpenRequest`. */
  openRequested: null;
  /** The menu asked the renderer to do something. */
  menuCommand: MenuCommand;
  /** Tags were renamed, merged, deleted or put on something: tag lists and counts are stale. */
  tagsChanged: TagsChangedEvent;
}

export type EventName = keyof LecternEvents;

export const EVENT_NAMES = [
  'libraryChanged',
  'libraryNotice',
  'importFinished',
  'importProgress',
  'exportProgress',
  'menuCommand',
  'openRequested',
  'tagsChanged',
  'linksChanged',
  'notesChanged',
] as const satisfies readonly EventName[];
