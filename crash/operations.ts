/**
 * Every contract method that writes, as a crash-test operation: when it is possible, and the
 * planned call (see world.ts). Documents and highlights have their own modules; settings live here.
 */
import type { Settings } from '../preload/api';
import { HIGHLIGHT_COLORS } from '../preload/api';
import {
  deleteDocument,
  deleteForever,
  emptyTrash,
  importDocuments,
  renameDocument,
  restoreDocument,
  saveReadingPosition,
  updateDocumentFromFile,
} from './document-operations';
import {
  addHighlight,
  deleteHighlight,
  restoreHighlight,
  saveAnchors,
  updateHighlight,
} from './highlight-operations';
import {
  canRenameTag,
  createNote,
  deleteNote,
  renameTag,
  restoreNote,
  saveNote,
  setDocumentTags,
  setHighlightNote,
  setHighlightTags,
} from './annotation-operations';
import { between, pick } from './texts';
import { editHighlights } from './workspace-operations';
import { type Operation, type Planned, type World, fresh, planned, withHighlights } from './world';

export { adopt, adoptNotes, highlightValue, type World, type Operation } from './world';

function updateSettings(world: World): Planned {
  const random = world.random;
  const candidates: Partial<Settings> = {
    theme: pick(random, ['system', 'light', 'dark', 'sepia'] as const),
    font: pick(random, ['serif', 'sans'] as const),
    fontSize: between(random, 14, 28),
    lineWidth: between(random, 45, 90),
    lineHeight: pick(random, [1.3, 1.45, 1.6, 2]),
    librarySort: pick(random, ['recent', 'added', 'title'] as const),
    lastHighlightColor: pick(random, HIGHLIGHT_COLORS),
    highlightLabels: Object.fromEntries(
      HIGHLIGHT_COLORS.map((c) => [c, `${c} ${fresh(world)}`]),
    ) as Settings['highlightLabels'],
  };
  const patch = Object.fromEntries(Object.entries(candidates).filter(() => random() < 0.35));
  const effects = Object.fromEntries(
    Object.entries(patch).map(([key, value]) => [`set:${key}`, JSON.stringify(value)]),
  );
  return planned(
    effects,
    () => world.handlers.updateSettings(patch),
    () => {},
  );
}

const MAX_DOCUMENTS = 10;
const hasDocuments = (world: World): boolean => world.documents.size > 0;

export const operations: Operation[] = [
  { name: 'importFiles', possible: (w) => w.documents.size < MAX_DOCUMENTS, plan: importDocuments },
  { name: 'renameDocument', possible: hasDocuments, plan: renameDocument },
  { name: 'deleteDocument', possible: (w) => w.documents.size > 2, plan: deleteDocument },
  {
    name: 'restoreDocument',
    possible: (w) => w.trash.size > 0 && w.documents.size < MAX_DOCUMENTS,
    plan: restoreDocument,
  },
  { name: 'addHighlight', possible: hasDocuments, plan: addHighlight },
  { name: 'updateHighlight', possible: (w) => withHighlights(w).length > 0, plan: updateHighlight },
  { name: 'deleteHighlight', possible: (w) => withHighlights(w).length > 0, plan: deleteHighlight },
  { name: 'restoreHighlight', possible: (w) => w.deletedHighlights.length > 0, plan: restoreHighlight },
  { name: 'saveAnchors', possible: (w) => withHighlights(w).length > 0, plan: saveAnchors },
  { name: 'saveReadingPosition', possible: hasDocuments, plan: saveReadingPosition },
  { name: 'updateSettings', possible: () => true, plan: updateSettings },
  { name: 'updateDocumentFromFile', possible: hasDocuments, plan: updateDocumentFromFile },
  { name: 'deleteForever', possible: (w) => w.trash.size > 0, plan: deleteForever },
  { name: 'emptyTrash', possible: (w) => w.trash.size > 3 && w.random() < 0.2, plan: emptyTrash },
  { name: 'setHighlightTags', possible: (w) => withHighlights(w).length > 0, plan: setHighlightTags },
  { name: 'setDocumentTags', possible: hasDocuments, plan: setDocumentTags },
  { name: 'renameTag', possible: canRenameTag, plan: renameTag },
  { name: 'setHighlightNote', possible: (w) => withHighlights(w).length > 0, plan: setHighlightNote },
  { name: 'createNote', possible: (w) => w.notes.size < 12, plan: createNote },
  { name: 'saveNote', possible: (w) => w.notes.size > 0, plan: saveNote },
  { name: 'deleteNote', possible: (w) => w.notes.size > 2, plan: deleteNote },
  { name: 'restoreNote', possible: (w) => w.trashedNotes.size > 0, plan: restoreNote },
  { name: 'editHighlights', possible: (w) => withHighlights(w).length > 0, plan: editHighlights },
];
