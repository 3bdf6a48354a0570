/**
 * The contract's methods as handlers taking `unknown` arguments: the single place where
 * arguments from the renderer are validated, used by the Electron IPC layer and the browser
 * e2e harness alike. Result-typed methods answer bad arguments with 'invalid-argument';
 * the others throw InvalidArgumentError.
 */
import type { z } from 'zod';
import type { ApiMethod, Failure, LecternApi } from '../../preload/api';
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

export type ApiHandlers = {
  [M in ApiMethod]: (...args: unknown[]) => Promise<Awaited<ReturnType<LecternApi[M]>>>;
};

/** A contract method was called with arguments that do not match its schema. */
export class InvalidArgumentError extends Error {
  constructor(
    readonly method: ApiMethod,
    detail: string,
  ) {
    super(`Invalid arguments for ${method}: ${detail}`);
    this.name = 'InvalidArgumentError';
  }
}

type Schemas = typeof argumentSchemas;
type Args<M extends ApiMethod> = z.output<Schemas[M]>;

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid';
  const where = issue.path.length > 0 ? `argument ${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

/** Validates, throwing InvalidArgumentError. */
function parseOrThrow<M extends ApiMethod>(method: M, args: unknown[]): Args<M> {
  const parsed = argumentSchemas[method].safeParse(args);
  if (!parsed.success) throw new InvalidArgumentError(method, describe(parsed.error));
  return parsed.data as Args<M>;
}

/** Validates, answering a Failure value instead of throwing. */
function parseOrFail<M extends ApiMethod>(method: M, args: unknown[]): { ok: true; args: Args<M> } | Failure {
  const parsed = argumentSchemas[method].safeParse(args);
  if (!parsed.success)
    return {
      ok: false,
      code: 'invalid-argument',
      message: `Invalid arguments for ${method}: ${describe(parsed.error)}`,
    };
  return { ok: true, args: parsed.data as Args<M> };
}

export function createHandlers(library: Library, platform: Platform): ApiHandlers {
  return {
    getLibraryInfo: async (...args) => (parseOrThrow('getLibraryInfo', args), library.getLibraryInfo()),
    listDocuments: async (...args) => (parseOrThrow('listDocuments', args), library.listDocuments()),
    openDocument: async (...args) => library.openDocument(...parseOrThrow('openDocument', args)),
    saveReadingPosition: async (...args) => {
      const parsed = parseOrFail('saveReadingPosition', args);
      return parsed.ok ? library.saveReadingPosition(...parsed.args) : parsed;
    },
    renameDocument: async (...args) => {
      const parsed = parseOrFail('renameDocument', args);
      return parsed.ok ? library.renameDocument(...parsed.args) : parsed;
    },
    deleteDocument: async (...args) => {
      const parsed = parseOrFail('deleteDocument', args);
      return parsed.ok ? library.deleteDocument(...parsed.args) : parsed;
    },
    listTrash: async (...args) => (parseOrThrow('listTrash', args), library.listTrash()),
    restoreDocument: async (...args) => {
      const parsed = parseOrFail('restoreDocument', args);
      return parsed.ok ? library.restoreDocument(...parsed.args) : parsed;
    },
    importFiles: async (...args) => library.importFiles(...parseOrThrow('importFiles', args)),
    chooseAndImportFiles: async (...args) => {
      parseOrThrow('chooseAndImportFiles', args);
      const paths = await platform.chooseFilesToImport();
      return paths === null ? null : library.importPaths(paths);
    },
    getSettings: async (...args) => (parseOrThrow('getSettings', args), library.getSettings()),
    updateSettings: async (...args) => library.updateSettings(...parseOrThrow('updateSettings', args)),
    addHighlight: async (...args) => {
      const parsed = parseOrFail('addHighlight', args);
      return parsed.ok ? library.addHighlight(...parsed.args) : parsed;
    },
    updateHighlight: async (...args) => {
      const parsed = parseOrFail('updateHighlight', args);
      return parsed.ok ? library.updateHighlight(...parsed.args) : parsed;
    },
    deleteHighlight: async (...args) => {
      const parsed = parseOrFail('deleteHighlight', args);
      return parsed.ok ? library.deleteHighlight(...parsed.args) : parsed;
    },
    restoreHighlight: async (...args) => {
      const parsed = parseOrFail('restoreHighlight', args);
      return parsed.ok ? library.restoreHighlight(...parsed.args) : parsed;
    },
    saveAnchors: async (...args) => {
      const parsed = parseOrFail('saveAnchors', args);
      return parsed.ok ? library.saveAnchors(...parsed.args) : parsed;
    },
    updateDocumentFromFile: async (...args) => {
      const parsed = parseOrFail('updateDocumentFromFile', args);
      return parsed.ok ? library.updateDocumentFromFile(...parsed.args) : parsed;
    },
    chooseAndUpdateDocument: async (...args) => {
      const parsed = parseOrFail('chooseAndUpdateDocument', args);
      if (!parsed.ok) return parsed;
      const [id] = parsed.args;
      const document = await library.findDocument(id);
      if (document === null)
        return { ok: false, code: 'not-found', message: `There is no document ${id} in the library.` };
      const filePath = await platform.chooseFileToUpdate(document.title);
      return filePath === null ? null : library.updateDocumentFromPath(id, filePath);
    },
    openExternal: async (...args) => {
      const parsed = parseOrFail('openExternal', args);
      if (!parsed.ok) return parsed;
      const checked = checkExternalUrl(...parsed.args);
      if (!checked.ok) return checked;
      await platform.openExternal(checked.value);
      return { ok: true, value: null };
    },
  };
}
