import { describe, expect, it } from 'vitest';
import { describeUncaught, reportUncaughtErrors, uncaughtToast } from './uncaught-errors';
import type { ToastInit } from '../lib/events';

describe('describeUncaught', () => {
  it('calls any other error internal', () => {
    expect(describeUncaught(new TypeError("Cannot read properties of null (reading 'id')"))).toEqual({
      code: 'internal',
      message: "Cannot read properties of null (reading 'id')",
    });
  });

  it('says something even for a thrown non-error', () => {
    expect(describeUncaught(undefined).message).toBe('An unknown error');
    expect(describeUncaught('quota exceeded').message).toBe('quota exceeded');
  });
});

describe('reportUncaughtErrors', () => {
  it('reports rejections and errors until it is stopped', () => {
    const target = new EventTarget() as unknown as Window;
    const toasts: ToastInit[] = [];
    const stop = reportUncaughtErrors(target, (t) => toasts.push(t));
    const rejection = Object.assign(new Event('unhandledrejection'), { reason: new Error('boom') });
    target.dispatchEvent(rejection);
    const error = Object.assign(new Event('error'), { error: new RangeError('bad offset'), message: '' });
    target.dispatchEvent(error);
    const benign = Object.assign(new Event('error'), {
      error: null,
      message: 'ResizeObserver loop limit exceeded',
    });
    target.dispatchEvent(benign);
    stop();
    target.dispatchEvent(rejection);
    expect(toasts.map((t) => t.message)).toEqual([
      'Something went wrong. boom.',
      'Something went wrong. bad offset.',
    ]);
  });

  it('gives every report a Copy details action', () => {
    expect(uncaughtToast(new Error('x')).action?.label).toBe('Copy details');
  });
});
