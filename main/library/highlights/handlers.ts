/** The highlights domain's part of the contract's handlers. */
import type { HIGHLIGHT_METHODS } from '../../../preload/api';
import { type ApiHandlers, defineHandler } from '../define-handler';
import type { ErrorLog } from '../handler-factory';
import type { HighlightsService } from './service';

export function createHighlightHandlers(
  highlights: HighlightsService,
  log: ErrorLog,
): Pick<ApiHandlers, (typeof HIGHLIGHT_METHODS)[number]> {
  return {
    addHighlight: defineHandler(
      'addHighlight',
      (id, highlight) => highlights.addHighlight(id, highlight),
      log,
    ),
    updateHighlight: defineHandler(
      'updateHighlight',
      (id, highlightId, patch) => highlights.updateHighlight(id, highlightId, patch),
      log,
    ),
    deleteHighlight: defineHandler(
      'deleteHighlight',
      (id, highlightId) => highlights.deleteHighlight(id, highlightId),
      log,
    ),
    restoreHighlight: defineHandler(
      'restoreHighlight',
      (id, highlight) => highlights.restoreHighlight(id, highlight),
      log,
    ),
    saveAnchors: defineHandler('saveAnchors', (id, updates) => highlights.saveAnchors(id, updates), log),
  };
}
