/** Handlers of the first-screen methods: the library list in windows and opening in two steps. */
import type { DocumentIndex } from '../catalog/document-index';
import { type ApiHandlers, defineHandler } from '../define-handler';
import { type ErrorLog, ok } from '../handler-factory';
import type { DocumentOpener } from './open-parts';

export type FirstScreenMethod =
  | 'queryDocuments'
  | 'queryRowIndex'
  | 'openDocumentStart'
  | 'readDocumentText'
  | 'readDocumentSections';

export function createFirstScreenHandlers(
  index: DocumentIndex,
  opener: DocumentOpener,
  log: ErrorLog,
): Pick<ApiHandlers, FirstScreenMethod> {
  return {
    queryDocuments: defineHandler('queryDocuments', async (query) => ok(index.query(query)), log),
    queryRowIndex: defineHandler('queryRowIndex', async (query) => ok(index.rowIndex(query)), log),
    openDocumentStart: defineHandler(
      'openDocumentStart',
      async (id) => ok(await opener.openDocumentStart(id)),
      log,
    ),
    readDocumentText: defineHandler(
      'readDocumentText',
      (id, textVersion) => opener.readDocumentText(id, textVersion),
      log,
    ),
    readDocumentSections: defineHandler(
      'readDocumentSections',
      (id, textVersion, from, to) => opener.readDocumentSections(id, textVersion, from, to),
      log,
    ),
  };
}
