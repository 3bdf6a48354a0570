/**
 * The last net under the app: an error or a rejected promise no call site caught reaches the
 * user as a toast (with Copy details) instead of vanishing into the console.
 */
import type { ErrorCode } from '../../preload/api';
import type { ToastInit } from '../lib/events';
import { failureOf, failureToast } from './calls';

/** What an uncaught value says: it is a bug ('internal'); calls settle through calls.ts and never get here. */
export function describeUncaught(reason: unknown): { code: ErrorCode; message: string } {
  if (reason instanceof Error) return { code: 'internal', message: reason.message || reason.name };
  return { code: 'internal', message: typeof reason === 'string' ? reason : 'An unknown error' };
}

export function uncaughtToast(reason: unknown): ToastInit {
  const { code, message } = describeUncaught(reason);
  return failureToast('Something went wrong', failureOf('uncaught', code, message));
}

/** Reports uncaught errors and rejections on `target`; returns the function that stops listening. */
export function reportUncaughtErrors(target: Window, report: (toast: ToastInit) => void): () => void {
  const onError = (event: ErrorEvent): void => {
    // ResizeObserver's loop notice is benign and not the user's concern.
    if (event.message?.includes('ResizeObserver loop')) return;
    report(uncaughtToast(event.error ?? event.message));
  };
  const onRejection = (event: PromiseRejectionEvent): void => report(uncaughtToast(event.reason));
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}
