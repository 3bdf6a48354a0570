/** The export domain's part of the contract's handlers: the folder dialog, then the service. */
import type { EXPORT_METHODS } from '../../../preload/api';
import { type ApiHandlers, defineHandler } from '../define-handler';
import { type ErrorLog, ok } from '../handler-factory';
import { documentNotFound } from '../documents/not-found';
import type { Platform } from '../platform-port';
import type { ExportService } from './service';

export function createExportHandlers(
  exporter: ExportService,
  platform: Platform,
  log: ErrorLog,
): Pick<ApiHandlers, (typeof EXPORT_METHODS)[number]> {
  return {
    exportDocument: defineHandler(
      'exportDocument',
      async (id) => {
        const title = exporter.titleOf(id);
        if (title === null) return documentNotFound(id);
        const folder = await platform.chooseExportFolder(title);
        return folder === null ? ok(null) : exporter.exportDocumentTo(id, folder);
      },
      log,
    ),
    copyDocumentMarkdown: defineHandler(
      'copyDocumentMarkdown',
      (id) => exporter.copyDocumentMarkdown(id),
      log,
    ),
  };
}
