/** The tags domain's part of the contract's handlers. */
import type { TAG_METHODS } from '../../../preload/api';
import { type ApiHandlers, defineHandler } from '../define-handler';
import type { ErrorLog } from '../handler-factory';
import type { TagsService } from './service';
import type { TagChanges } from './tag-changes';

export function createTagHandlers(
  tags: TagsService,
  changes: TagChanges,
  log: ErrorLog,
): Pick<ApiHandlers, (typeof TAG_METHODS)[number]> {
  return {
    // Highlight changes count their tags after their answer: a list asked after one shows it.
    listTags: defineHandler('listTags', () => tags.settled().then(() => tags.listTags()), log),
    setHighlightTags: defineHandler(
      'setHighlightTags',
      (id, highlightId, names) => tags.setHighlightTags(id, highlightId, names),
      log,
    ),
    setDocumentTags: defineHandler('setDocumentTags', (id, names) => tags.setDocumentTags(id, names), log),
    renameTag: defineHandler('renameTag', (from, to) => changes.renameTag(from, to), log),
    mergeTags: defineHandler('mergeTags', (from, into) => changes.mergeTags(from, into), log),
    deleteTag: defineHandler('deleteTag', (name) => changes.deleteTag(name), log),
    undoTagChange: defineHandler('undoTagChange', (id) => changes.undoTagChange(id), log),
  };
}
