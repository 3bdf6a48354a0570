/**
 * The one way a contract method becomes a handler: validate the arguments against the
 * method's schema, call the service, and turn anything unexpected into a typed failure.
 * No call from the renderer can crash main or reject without a Result.
 */
import type { z } from 'zod';
import type { ApiMethod, ApiValue, Failure, Result } from '../../preload/api';
import { capsFor, payloadRefusal } from './payload-size';

/** A handler as IPC and the e2e bridge call it: untrusted arguments in, a Result out. */
export type Handler<M extends ApiMethod> = (...args: unknown[]) => Promise<Result<ApiValue<M>>>;

/** Where unexpected errors are reported (console.error in the app, a spy in tests). */
export type ErrorLog = (message: string, error: unknown) => void;

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return 'invalid';
  const where = issue.path.length > 0 ? `argument ${issue.path.join('.')}: ` : '';
  return `${where}${issue.message}`;
}

export function invalidArgument(method: ApiMethod, detail: string): Failure {
  return { ok: false, code: 'invalid-argument', message: `Invalid arguments for ${method}: ${detail}` };
}

/**
 * Validates `args` against `schema`, after a walk that refuses payloads past the method's size
 * caps (so validation time stays bounded); a validator that throws is a refusal too.
 */
export function parseArguments<S extends z.ZodType>(
  method: ApiMethod,
  schema: S,
  args: unknown[],
): { ok: true; args: z.output<S> } | Failure {
  const refusal = payloadRefusal(args, capsFor(method));
  if (refusal !== null) return invalidArgument(method, `the arguments are ${refusal}`);
  try {
    const parsed = schema.safeParse(args);
    return parsed.success
      ? { ok: true, args: parsed.data }
      : invalidArgument(method, describeIssue(parsed.error));
  } catch (error) {
    return invalidArgument(
      method,
      error instanceof RangeError ? 'too large or too deeply nested' : 'unreadable',
    );
  }
}

/** The failure every unexpected throw becomes; names the method, never leaks a stack. */
export function internalFailure(method: ApiMethod, error: unknown): Failure {
  const detail = error instanceof Error ? error.message : String(error);
  return { ok: false, code: 'internal', message: `Lectern could not complete ${method}: ${detail}` };
}

/**
 * Builds the handler of `method`: `schema` validates the argument tuple, `call` runs the service
 * and answers a Result (or a bare value, which is wrapped).
 */
export function handler<M extends ApiMethod, S extends z.ZodType<unknown[]>>(
  method: M,
  schema: S,
  call: (...args: z.output<S>) => Promise<Result<ApiValue<M>>>,
  log: ErrorLog,
): Handler<M> {
  return async (...args: unknown[]) => {
    const parsed = parseArguments(method, schema, args);
    if (!parsed.ok) return parsed;
    try {
      return await call(...parsed.args);
    } catch (error) {
      log(`${method} failed`, error);
      return internalFailure(method, error);
    }
  };
}

/** Wraps a plain value as a success. */
export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });
