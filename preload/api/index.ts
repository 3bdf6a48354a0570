/**
 * THE contract between Lectern's renderer and its main process, composed from one file per
 * domain: the data types that cross the boundary, the methods the preload exposes as
 * `window.lectern` (every one answers a Result) and the events main sends. Types and const
 * lists only; the renderer and main share nothing else but the pure layer in common/.
 */
import { APP_METHODS, type AppApi } from './app';
import { DOCUMENT_METHODS, type DocumentsApi } from './documents';
import type { EventName, LecternEvents } from './events';
import { EXPORT_METHODS, type ExportApi } from './export';
import { HIGHLIGHT_METHODS, type HighlightsApi } from './highlights';
import { INTEROP_METHODS, type InteropApi } from './interop';
import { LINK_METHODS, type LinksApi } from './links';
import { NOTE_METHODS, type NotesApi } from './notes';
import { SEARCH_METHODS, type SearchApi } from './search';
import { SETTINGS_METHODS, type SettingsApi } from './settings';
import { TAG_METHODS, type TagsApi } from './tags';
import { WORKSPACE_METHODS, type WorkspaceApi } from './workspace';

export * from './app';
export * from './common';
export * from './documents';
export * from './events';
export * from './export';
export * from './highlights';
export * from './interop';
export * from './links';
export * from './notes';
export * from './search';
export * from './settings';
export * from './tags';
export * from './workspace';

/** Every method is async; arguments and results are plain structured-cloneable data. */
export interface LecternApi
  extends
    AppApi,
    DocumentsApi,
    ExportApi,
    HighlightsApi,
    InteropApi,
    LinksApi,
    NotesApi,
    SearchApi,
    SettingsApi,
    TagsApi,
    WorkspaceApi {}

export type ApiMethod = keyof LecternApi;

export const API_METHODS = [
  ...APP_METHODS,
  ...DOCUMENT_METHODS,
  ...EXPORT_METHODS,
  ...HIGHLIGHT_METHODS,
  ...INTEROP_METHODS,
  ...LINK_METHODS,
  ...NOTE_METHODS,
  ...SEARCH_METHODS,
  ...SETTINGS_METHODS,
  ...TAG_METHODS,
  ...WORKSPACE_METHODS,
] as const satisfies readonly ApiMethod[];

/** The value a method's Result carries when it succeeds. */
export type ApiValue<M extends ApiMethod> =
  Awaited<ReturnType<LecternApi[M]>> extends infer R
    ? R extends { ok: true; value: infer V }
      ? V
      : never
    : never;

/** `window.lectern`: the contract's methods plus one subscribe function. */
export type LecternBridge = LecternApi & {
  /** Subscribes to an event; returns the unsubscribe function. */
  subscribe<E extends EventName>(event: E, listener: (payload: LecternEvents[E]) => void): () => void;
};

export const channelFor = (method: ApiMethod | EventName): string => `lectern:${method}`;

// Compile-time proof that API_METHODS lists every method of LecternApi, each once.
type MissingMethods = Exclude<ApiMethod, (typeof API_METHODS)[number]>;
export const API_METHODS_COMPLETE: MissingMethods extends never ? true : MissingMethods = true;
