/**
 * Turns a failed write into the contract's typed failure: a full disk and a read-only
 * folder are named as such, any other I/O error is 'io'. Errors that are not I/O are bugs
 * and are rethrown (the handler factory reports them as 'internal').
 */
import type { Failure, Result } from '../../../preload/api';

export type WriteFailure = Failure & { code: 'io' | 'disk-full' | 'read-only' };

/** The errno-like code of a write refused because another process took the library's lock. */
export const LOCK_LOST_CODE = 'ELOCKLOST';

const READ_ONLY_CODES = new Set(['EROFS', 'EACCES', 'EPERM']);

/** The errno code of a Node file-system error, or null for anything else. */
export function errnoOf(error: unknown): string | null {
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) ? code : null;
}

/** `doing` completes the sentence "Lectern could not …", e.g. "rename the document". */
export function writeFailure(error: unknown, doing: string): WriteFailure {
  const code = errnoOf(error);
  if (code === null) throw error;
  if (code === LOCK_LOST_CODE) {
    return {
      ok: false,
      code: 'read-only',
      message: `The library is open in another Lectern process, so this window no longer saves: Lectern could not ${doing}.`,
    };
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return { ok: false, code: 'disk-full', message: `The disk is full: Lectern could not ${doing}.` };
  }
  if (READ_ONLY_CODES.has(code)) {
    return {
      ok: false,
      code: 'read-only',
      message: `The library folder cannot be written (${code}): Lectern could not ${doing}.`,
    };
  }
  const detail = error instanceof Error ? error.message : code;
  return { ok: false, code: 'io', message: `Lectern could not ${doing} (${detail}).` };
}

/** Runs a change that writes; an I/O error becomes a typed failure instead of a throw. */
export async function attemptWrite<T>(doing: string, change: () => Promise<T>): Promise<Result<T>> {
  try {
    return { ok: true, value: await change() };
  } catch (error) {
    return writeFailure(error, doing);
  }
}
