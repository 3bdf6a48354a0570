/** The interop domain's part of the contract's handlers: the native dialogs, then the service. */
import type { INTEROP_METHODS } from '../../../preload/api';
import { type ApiHandlers, defineHandler } from '../define-handler';
import { documentNotFound } from '../documents/not-found';
import { type ErrorLog, ok } from '../handler-factory';
import type { Platform } from '../platform-port';
import type { InteropService } from './service';

export function createInteropHandlers(
  interop: InteropService,
  platform: Platform,
  log: ErrorLog,
): Pick<ApiHandlers, (typeof INTEROP_METHODS)[number]> {
  return {
    previewAnnotationImport: defineHandler(
      'previewAnnotationImport',
      async () => {
        if (platform.chooseAnnotationFile === undefined) {
          return {
            ok: false,
            code: 'unsupported-type',
            message: 'This build of Lectern cannot show a file dialog.',
          };
        }
        const filePath = await platform.chooseAnnotationFile();
        return filePath === null ? ok(null) : interop.previewFile(filePath);
      },
      log,
    ),
    importAnnotations: defineHandler('importAnnotations', (plan) => interop.importAnnotations(plan), log),
    exportAnnotationsJsonLd: defineHandler(
      'exportAnnotationsJsonLd',
      async (id) => {
        const title = interop.titleOf(id);
        if (title === null) return documentNotFound(id);
        const folder = await platform.chooseExportFolder(title);
        return folder === null ? ok(null) : interop.exportJsonLdTo(id, folder);
      },
      log,
    ),
  };
}
