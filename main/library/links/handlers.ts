/** The links domain's part of the contract's handlers. */
import type { LINK_METHODS } from '../../../preload/api';
import { type ApiHandlers, defineHandler } from '../define-handler';
import type { ErrorLog } from '../handler-factory';
import type { LinksService } from './service';

export function createLinkHandlers(
  links: LinksService,
  log: ErrorLog,
): Pick<ApiHandlers, (typeof LINK_METHODS)[number]> {
  return {
    findLinkTargets: defineHandler(
      'findLinkTargets',
      (query, limit) => links.findLinkTargets(query, limit),
      log,
    ),
    resolveLinks: defineHandler('resolveLinks', (targets) => links.resolveLinks(targets), log),
    getBacklinks: defineHandler('getBacklinks', (target) => links.getBacklinks(target), log),
    getDocumentLinks: defineHandler('getDocumentLinks', (id) => links.getDocumentLinks(id), log),
    listBrokenLinks: defineHandler('listBrokenLinks', () => links.listBrokenLinks(), log),
    repairLink: defineHandler('repairLink', (broken, target) => links.repairLink(broken, target), log),
  };
}
