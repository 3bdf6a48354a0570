/**
 * Calling the bridge so that every call settles: a rejected call (a broken bridge) becomes an
 * 'internal' failure like any other, and a failure becomes a toast naming what failed and why,
 * with a "Copy details" action for bug reports.
 */
import type { ApiMethod, ApiValue, ErrorCode, LecternApi } from '../../preload/api';
import type { ToastInit } from '../lib/events';

/** A failed call, with what a bug report needs. */
export interface CallFailure {
  ok: false;
  /** The contract method, or 'uncaught' for an error no call site caught. */
  method: ApiMethod | 'uncaught';
  code: ErrorCode;
  message: string;
  /** ISO 8601 time of the failure. */
  at: string;
}

export type Settled<T> = { ok: true; value: T } | CallFailure;

export const failureOf = (method: CallFailure['method'], code: ErrorCode, message: string): CallFailure => ({
  ok: false,
  method,
  code,
  message,
  at: new Date().toISOString(),
});

/** Calls one contract method; never rejects. */
export async function call<M extends ApiMethod>(
  api: LecternApi,
  method: M,
  ...args: Parameters<LecternApi[M]>
): Promise<Settled<ApiValue<M>>> {
  try {
    const invoke = api[method] as (...a: Parameters<LecternApi[M]>) => ReturnType<LecternApi[M]>;
    const result = await invoke.apply(api, args);
    if (result.ok) return { ok: true, value: result.value as ApiValue<M> };
    return failureOf(method, result.code, result.message);
  } catch (error) {
    return failureOf(method, 'internal', error instanceof Error ? error.message : String(error));
  }
}

/** The text "Copy details" puts on the clipboard. */
export function failureDetails(failure: CallFailure, userAgent: string = navigator.userAgent): string {
  return [
    `Method: ${failure.method}`,
    `Code: ${failure.code}`,
    `Message: ${failure.message}`,
    `Time: ${failure.at}`,
    `App: ${userAgent}`,
  ].join('\n');
}

/** A sentence ending in a full stop, so "what failed" and "why" read as two. */
const sentence = (text: string): string => {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
};

/**
 * The toast for a failure: `what` says what the user tried ("Could not move “Emma” to the
 * trash"), the core's message says why. Errors stay until dismissed, so Copy keeps it open.
 */
export function failureToast(what: string, failure: CallFailure): ToastInit {
  return {
    kind: 'error',
    message: `${sentence(what)} ${sentence(failure.message)}`,
    action: { label: 'Copy details', keepOpen: true, run: () => void copyDetails(failure) },
  };
}

async function copyDetails(failure: CallFailure): Promise<void> {
  try {
    await navigator.clipboard.writeText(failureDetails(failure));
  } catch {
    // No clipboard (permission refused): the details still reach the log for a bug report.
    console.warn('Lectern: could not copy the error details\n' + failureDetails(failure));
  }
}
