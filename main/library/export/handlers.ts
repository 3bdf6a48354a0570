/** The export domain's part of the contract's handlers: the folder dialog, then the service. */
import type { EXPORT_METHODS, ExportScope, Failure } from '../../../preload/api';
import { type ApiHandlers, defineHandler } from '../define-handler';
import { type ErrorLog, ok } from '../handler-factory';
import { documentNotFound } from '../documents/not-found';
import type { Platform } from '../platform-port';
import type { ExportService } from './service';

/** What the folder dialog says is exported: “Export the notes of “…” into a folder”. */
function scopeName(scope: ExportScope): string {
  if (scope.kind === 'all') return 'all documents';
  if (scope.kind === 'tag') return `documents tagged #${scope.tag}`;
  if (scope.kind === 'color') return `documents with ${scope.color} highlights`;
  return `${scope.documentIds.length} document${scope.documentIds.length === 1 ? '' : 's'}`;
}

/** A folder the renderer names that the user did not choose: it cannot pick where to write (or read). */
const unchosenFolder: Failure = {
  ok: false,
  code: 'invalid-argument',
  message: 'Lectern exports again only into a folder chosen in its dialog: choose the folder again.',
};

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
    exportMany: defineHandler(
      'exportMany',
      async (request) => {
        // The renderer may only name a folder the user chose before: it cannot pick where to write.
        if (request.folder !== undefined && !exporter.wasChosen(request.folder)) return unchosenFolder;
        const folder = request.folder ?? (await platform.chooseExportFolder(scopeName(request.scope)));
        if (folder === null) return ok(null);
        exporter.rememberFolder(folder);
        return exporter.exportManyTo(request, folder);
      },
      log,
    ),
    cancelExport: defineHandler('cancelExport', async (id) => ok(exporter.cancelExport(id)), log),
    previewExportMany: defineHandler(
      'previewExportMany',
      async (request) =>
        request.folder !== undefined && !exporter.wasChosen(request.folder)
          ? unchosenFolder
          : exporter.previewExportMany(request),
      log,
    ),
  };
}
