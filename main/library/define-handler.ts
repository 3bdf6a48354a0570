/** Binds a contract method to its argument schema and the handler factory, for the domains' handler files. */
import type { z } from 'zod';
import type { ApiMethod, ApiValue, Result } from '../../preload/api';
import { type ErrorLog, type Handler, handler } from './handler-factory';
import { argumentSchemas } from './schemas';

/** The service call behind a method, with its validated arguments. */
export type ServiceCall<M extends ApiMethod> = (
  ...args: z.output<(typeof argumentSchemas)[M]>
) => Promise<Result<ApiValue<M>>>;

export type ApiHandlers = { [M in ApiMethod]: Handler<M> };

export const consoleLog: ErrorLog = (message, error) => console.error(message, error);

export function defineHandler<M extends ApiMethod>(
  method: M,
  call: ServiceCall<M>,
  log: ErrorLog,
): Handler<M> {
  // The tuple schema's output is exactly ServiceCall's parameters; TypeScript cannot see that per M.
  return handler(method, argumentSchemas[method] as z.ZodType<unknown[]>, call as never, log);
}
