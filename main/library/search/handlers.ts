/** The search domain's part of the contract's handlers. */
import type { SEARCH_METHODS } from '../../../preload/api';
import { type ApiHandlers, defineHandler } from '../define-handler';
import type { ErrorLog } from '../handler-factory';
import type { SearchService } from './service';

export function createSearchHandlers(
  search: SearchService,
  log: ErrorLog,
): Pick<ApiHandlers, (typeof SEARCH_METHODS)[number]> {
  return { search: defineHandler('search', (query, limit) => search.search(query, limit), log) };
}
