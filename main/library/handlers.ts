/**
 * The contract's methods as handlers taking `unknown` arguments, used by the Electron IPC
 * layer and the browser e2e harness alike: each validates its arguments (zod schemas in
 * schemas.ts), calls the library, and answers a Result (see handler-factory.ts).
 */
import type { z } from 'zod';
import type { ApiMethod, ApiValue, Failure, Result } from '../../preload/api';
import { type ErrorLog, type Handler, handler, ok } from './handler-factory';
import type { Library } from './library';
import { argumentSchemas } from './schemas';
import { checkExternalUrl } from './urls';

/** What the core needs from the platform (Electron dialogs and shell, or a test stub). */
export interface Platform {
  /** Shows an open dialog; `null` when the user cancels. */
  chooseFilesToImport(): Promise<string[] | null>;
  /** Shows an open dialog for one file to update the document titled `title` from; `null` when cancelled. */
  chooseFileToUpdate(title: string): Promise<string | null>;
  openExternal(url: string): Promise<void>;
}

export type ApiHandlers = { [M in ApiMethod]: Handler<M> };

const consoleLog: ErrorLog = (message, error) => console.error(message, error);

export function createHandlers(
  library: Library,
  platform: Platform,
  log: ErrorLog = consoleLog,
): ApiHandlers {
  const on = <M extends ApiMethod>(
    method: M,
    call: (...args: z.output<(typeof argumentSchemas)[M]>) => Promise<Result<ApiValue<M>>>,
  ): Handler<M> => handler(method, argumentSchemas[method] as z.ZodType<unknown[]>, call as never, log);
  return {
    getLibraryInfo: on('getLibraryInfo', async () => ok(await library.getLibraryInfo())),
    listDocuments: on('listDocuments', async () => ok(await library.listDocuments())),
    openDocument: on('openDocument', async (id) => ok(await library.openDocument(id))),
    saveReadingPosition: on('saveReadingPosition', (id, position) =>
      library.saveReadingPosition(id, position),
    ),
    renameDocument: on('renameDocument', (id, title) => library.renameDocument(id, title)),
    deleteDocument: on('deleteDocument', (id) => library.deleteDocument(id)),
    listTrash: on('listTrash', async () => ok(await library.listTrash())),
    restoreDocument: on('restoreDocument', (id) => library.restoreDocument(id)),
    importFiles: on('importFiles', async (files) => ok(await library.importFiles(files))),
    chooseAndImportFiles: on('chooseAndImportFiles', async () => {
      const paths = await platform.chooseFilesToImport();
      return ok(paths === null ? null : await library.importPaths(paths));
    }),
    getSettings: on('getSettings', async () => ok(await library.getSettings())),
    updateSettings: on('updateSettings', async (patch) => ok(await library.updateSettings(patch))),
    addHighlight: on('addHighlight', (id, highlight) => library.addHighlight(id, highlight)),
    updateHighlight: on('updateHighlight', (id, highlightId, patch) =>
      library.updateHighlight(id, highlightId, patch),
    ),
    deleteHighlight: on('deleteHighlight', (id, highlightId) => library.deleteHighlight(id, highlightId)),
    restoreHighlight: on('restoreHighlight', (id, highlight) => library.restoreHighlight(id, highlight)),
    saveAnchors: on('saveAnchors', (id, updates) => library.saveAnchors(id, updates)),
    updateDocumentFromFile: on('updateDocumentFromFile', (id, file) =>
      library.updateDocumentFromFile(id, file),
    ),
    chooseAndUpdateDocument: on('chooseAndUpdateDocument', async (id) => {
      const document = await library.findDocument(id);
      if (document === null) return notFound(id);
      const filePath = await platform.chooseFileToUpdate(document.title);
      return filePath === null ? ok(null) : library.updateDocumentFromPath(id, filePath);
    }),
    openExternal: on('openExternal', async (url) => {
      const checked = checkExternalUrl(url);
      if (!checked.ok) return checked;
      await platform.openExternal(checked.value);
      return ok(null);
    }),
  };
}

function notFound(id: string): Failure {
  return { ok: false, code: 'not-found', message: `There is no document ${id} in the library.` };
}
