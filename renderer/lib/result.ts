/**
 * Turns a contract Result into its value or a thrown CallFailedError, for code paths whose
 * caller already reports errors (a view's load shows an error state; a command shows a toast).
 */
import type { ErrorCode, Result } from '../../preload/api';

/** A contract call answered with a failure; keeps the core's code and message. */
export class CallFailedError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CallFailedError';
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (!result.ok) throw new CallFailedError(result.code, result.message);
  return result.value;
}
