/** The documents domain's part of the contract's handlers. */
import type { DOCUMENT_METHODS } from '../../../preload/api';
import { type ApiHandlers, defineHandler } from '../define-handler';
import { type ErrorLog, ok } from '../handler-factory';
import type { Platform } from '../platform-port';
import type { FirstScreenMethod } from './first-screen-handlers';
import { documentNotFound } from './not-found';
import type { DocumentsService } from './service';

export function createDocumentHandlers(
  documents: DocumentsService,
  platform: Platform,
  log: ErrorLog,
): Pick<ApiHandlers, Exclude<(typeof DOCUMENT_METHODS)[number], FirstScreenMethod>> {
  return {
    listDocuments: defineHandler('listDocuments', async () => ok(documents.listDocuments()), log),
    openDocument: defineHandler('openDocument', async (id) => ok(await documents.openDocument(id)), log),
    saveReadingPosition: defineHandler(
      'saveReadingPosition',
      (id, position) => documents.saveReadingPosition(id, position),
      log,
    ),
    renameDocument: defineHandler('renameDocument', (id, title) => documents.renameDocument(id, title), log),
    deleteDocument: defineHandler('deleteDocument', (id) => documents.deleteDocument(id), log),
    listTrash: defineHandler('listTrash', async () => ok(await documents.listTrash()), log),
    deleteForever: defineHandler('deleteForever', (id) => documents.deleteForever(id), log),
    emptyTrash: defineHandler('emptyTrash', () => documents.emptyTrash(), log),
    restoreDocument: defineHandler('restoreDocument', (id) => documents.restoreDocument(id), log),
    importFiles: defineHandler('importFiles', async (files) => ok(await documents.importFiles(files)), log),
    chooseAndImportFiles: defineHandler(
      'chooseAndImportFiles',
      async () => {
        documents.prepareImport();
        const paths = await platform.chooseFilesToImport();
        return ok(paths === null ? null : await documents.importPaths(paths));
      },
      log,
    ),
    prepareImport: defineHandler(
      'prepareImport',
      async () => {
        documents.prepareImport();
        return ok(null);
      },
      log,
    ),
    cancelImport: defineHandler('cancelImport', async (batchId) => ok(documents.cancelImport(batchId)), log),
    updateDocumentFromFile: defineHandler(
      'updateDocumentFromFile',
      (id, file) => documents.updateDocumentFromFile(id, file),
      log,
    ),
    chooseAndUpdateDocument: defineHandler(
      'chooseAndUpdateDocument',
      async (id) => {
        const document = documents.findDocument(id);
        if (document === null) return documentNotFound(id);
        documents.prepareImport();
        const filePath = await platform.chooseFileToUpdate(document.title);
        return filePath === null ? ok(null) : documents.updateDocumentFromPath(id, filePath);
      },
      log,
    ),
  };
}
