/**
 * The contract's methods as handlers taking `unknown` arguments, used by the Electron IPC
 * layer and the browser e2e harness alike: composed from each domain's handlers, each of
 * which validates its arguments and answers a Result (see handler-factory.ts).
 */
import { createAppHandlers } from './app/handlers';
import { type ApiHandlers, consoleLog } from './define-handler';
import { createFirstScreenHandlers } from './documents/first-screen-handlers';
import { createDocumentHandlers } from './documents/handlers';
import { createExportHandlers } from './export/handlers';
import type { ErrorLog } from './handler-factory';
import { createHighlightHandlers } from './highlights/handlers';
import { createInteropHandlers } from './interop/handlers';
import type { Library } from './library';
import { createLinkHandlers } from './links/handlers';
import { createNoteHandlers } from './notes/handlers';
import type { Platform } from './platform-port';
import { createSearchHandlers } from './search/handlers';
import { createSettingsHandlers } from './settings/handlers';
import { createTagHandlers } from './tags/handlers';
import { presentTags } from './tags/present';
import { createWorkspaceHandlers } from './workspace/handlers';

export type { ApiHandlers } from './define-handler';
export type { Platform } from './platform-port';

export function createHandlers(
  library: Library,
  platform: Platform,
  log: ErrorLog = consoleLog,
): ApiHandlers {
  const handlers: ApiHandlers = {
    ...createAppHandlers(library.app, platform, log, (id) => library.catalog.has(id)),
    ...createDocumentHandlers(library.documents, platform, log),
    ...createFirstScreenHandlers(library.index, library.opener, log),
    ...createExportHandlers(library.exporter, platform, log),
    ...createHighlightHandlers(library.highlights, log),
    ...createInteropHandlers(library.interop, platform, log),
    ...createLinkHandlers(library.links, log),
    ...createNoteHandlers(library.notes, library.annotationNotes, log),
    ...createSearchHandlers(library.search, log),
    ...createSettingsHandlers(library.settings, log),
    ...createTagHandlers(library.tags.service, library.tags.changes, log),
    ...createWorkspaceHandlers(library.workspace, log),
  };
  return withTagNames(handlers, (stored) => library.tags.service.namesFor(stored));
}

/** Every answer leaves with current tag names instead of stored tag ids (see tags/present.ts). */
function withTagNames(handlers: ApiHandlers, namesFor: Parameters<typeof presentTags>[1]): ApiHandlers {
  const wrapped: Record<string, unknown> = {};
  for (const [method, handler] of Object.entries(handlers) as [
    string,
    (...args: unknown[]) => Promise<unknown>,
  ][]) {
    wrapped[method] = async (...args: unknown[]) => presentTags(await handler(...args), namesFor);
  }
  return wrapped as ApiHandlers;
}
