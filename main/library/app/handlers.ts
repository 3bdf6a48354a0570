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
): Pick<ApiHandlers, 'getLibraryInfo' | 'openExternal'> {
  return {
    getLibraryInfo: defineHandler('getLibraryInfo', async () => ok(app.getLibraryInfo()), log),
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
  };
}
