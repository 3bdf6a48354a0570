/** The app domain's part of the contract's handlers. */
import { type ApiHandlers, defineHandler } from '../define-handler';
import { type ErrorLog, ok } from '../handler-factory';
import type { Platform } from '../platform-port';
import { checkExternalUrl } from '../urls';
import type { AppService } from './service';

export function createAppHandlers(
  app: AppService,
  platform: Platform,
  log: ErrorLog,
  hasDocument: (id: string) => boolean,
): Pick<ApiHandlers, 'getLibraryInfo' | 'openExternal' | 'takeOpenRequest' | 'acknowledgeNotice'> {
  return {
    getLibraryInfo: defineHandler('getLibraryInfo', async () => ok(app.getLibraryInfo()), log),
    acknowledgeNotice: defineHandler('acknowledgeNotice', (id) => app.acknowledgeNotice(id), log),
    openExternal: defineHandler(
      'openExternal',
      async (url) => {
        const checked = checkExternalUrl(url);
        if (!checked.ok) return checked;
        await platform.openExternal(checked.value);
        return ok(null);
      },
      log,
    ),
    takeOpenRequest: defineHandler(
      'takeOpenRequest',
      async () => {
        const request = platform.takeOpenRequest?.() ?? null;
        // A link from outside may name a document deleted since it was exported, or another library's.
        if (request !== null && !hasDocument(request.documentId))
          return {
            ok: false,
            code: 'not-found',
            message:
              'The link points to a document that is not in this library (deleted, or in another one).',
          };
        return ok(request);
      },
      log,
    ),
  };
}
