/** The workspace domain's part of the contract's handlers. */
import type { WORKSPACE_METHODS } from '../../../preload/api';
import { type ApiHandlers, defineHandler } from '../define-handler';
import type { ErrorLog } from '../handler-factory';
import type { WorkspaceService } from './service';

export function createWorkspaceHandlers(
  workspace: WorkspaceService,
  log: ErrorLog,
): Pick<ApiHandlers, (typeof WORKSPACE_METHODS)[number]> {
  return {
    queryWorkspace: defineHandler('queryWorkspace', (query) => workspace.query(query), log),
    editHighlights: defineHandler(
      'editHighlights',
      (refs, edit) => workspace.editHighlights(refs, edit),
      log,
    ),
    undoHighlightsEdit: defineHandler(
      'undoHighlightsEdit',
      (token) => workspace.undoHighlightsEdit(token),
      log,
    ),
    reviewHighlights: defineHandler('reviewHighlights', (day, count) => workspace.review(day, count), log),
  };
}
