/**
 * What every domain of the contract shares: ids, error codes and the Result every method
 * answers with, so that no call from the renderer can fail without a typed message.
 */

/** A document's id: 16 lowercase hex characters (a prefix of its first content hash). */
export type DocumentId = string;

export type ErrorCode =
  | 'invalid-argument'
  | 'not-found'
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'bad-encoding'
  | 'unsupported-type'
  | 'unreadable'
  | 'duplicate'
  /** The call was made on an older version of the document's text (it was updated meanwhile). */
  | 'stale'
  | 'disallowed-url'
  | 'io'
  | 'disk-full'
  | 'read-only'
  | 'internal';

/**
 * Expected failures are values, never thrown errors (Electron would keep only `message`).
 * `code: 'internal'` is a bug or an unexpected I/O error the core caught and logged.
 */
export type Failure = { ok: false; code: ErrorCode; message: string };
export type Result<T> = { ok: true; value: T } | Failure;
