/** The contract's events as the core raises them (main/index.ts and the e2e harness forward them). */
import type {
  ExportProgress,
  ImportProgress,
  LibraryChange,
  ListedNotice,
  LinksChange,
  NotesChange,
  TagsChangedEvent,
} from '../../preload/api';

/** An event of the contract, as the core raises it. */
export type CoreEvent =
  | { name: 'libraryChanged'; payload: LibraryChange }
  | { name: 'libraryNotice'; payload: ListedNotice }
  | { name: 'importProgress'; payload: ImportProgress }
  | { name: 'exportProgress'; payload: ExportProgress }
  | { name: 'tagsChanged'; payload: TagsChangedEvent }
  | { name: 'linksChanged'; payload: LinksChange }
  | { name: 'notesChanged'; payload: NotesChange };
