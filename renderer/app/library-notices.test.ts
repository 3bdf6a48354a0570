import { describe, expect, it } from 'vitest';
import type { LecternBridge, ListedNotice, Result } from '../../preload/api';
import type { ToastInit } from '../lib/events';
import { LibraryNotices } from './library-notices';

const NOTICE: ListedNotice = {
  id: '1704067200000-0123abcd',
  level: 'warning',
  message: 'The annotations of document 0123456789abcdef could not be read.',
};

function world(answer: Result<null>) {
  const acknowledged: string[] = [];
  const toasts: ToastInit[] = [];
  const bridge = {
    acknowledgeNotice: async (id: string) => {
      acknowledged.push(id);
      return answer;
    },
  } as unknown as LecternBridge;
  return { acknowledged, toasts, notices: new LibraryNotices(bridge, (init) => toasts.push(init)) };
}

describe('library notices as toasts', () => {
  it('shows a notice once, though it is both listed and announced', () => {
    const { toasts, notices } = world({ ok: true, value: null });
    notices.show(NOTICE);
    notices.show({ ...NOTICE });
    notices.show({ ...NOTICE, id: '1704067200001-0123abcd', message: 'Another.' });
    expect(toasts.map((t) => [t.kind, t.message])).toEqual([
      ['error', NOTICE.message],
      ['error', 'Another.'],
    ]);
  });

  it('tells the library when the user dismisses it', async () => {
    const { acknowledged, toasts, notices } = world({ ok: true, value: null });
    notices.show(NOTICE);
    toasts[0]?.onDismiss?.();
    // A whole turn, as below: the call's answer reaches the toast code before the check.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(acknowledged).toEqual([NOTICE.id]);
    expect(toasts).toHaveLength(1);
  });

  it('says so when the library could not clear it', async () => {
    const { toasts, notices } = world({ ok: false, code: 'disk-full', message: 'The disk is full' });
    notices.show(NOTICE);
    toasts[0]?.onDismiss?.();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(toasts[1]?.message).toBe('Could not clear the notice. The disk is full.');
  });
});
