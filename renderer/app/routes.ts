/** The shell's routes between views, and what is said when a view opens. */
import type { DocumentId, LibraryNotice } from '../../preload/api';
import type { ToastInit, View } from '../lib/events';

export type Route =
  | { view: Exclude<View, 'notes'> }
  | { view: 'reader'; documentId: DocumentId }
  | { view: 'notes'; noteId: string | null };

export const noticeToast = (notice: LibraryNotice): ToastInit => ({
  kind: notice.level === 'info' ? 'info' : 'error',
  message: notice.message,
});

/** What the live region says when a view opens (focus moves to its heading too). */
export const VIEW_ANNOUNCEMENTS: Record<Route['view'], string> = {
  library: 'Library',
  trash: 'Trash',
  tags: 'Tags',
  notes: 'Notes',
  workspace: 'Highlights',
  'broken-links': 'Broken links',
  reader: 'Opening the document',
};
