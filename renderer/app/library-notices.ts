/**
 * The library's notices as toasts: each shown once (a notice listed at start may also arrive as
 * an event), and dismissing one with its close button tells the library, which then stops
 * listing it, in this session and the next (a notice about replaced data is kept until then).
 */
import type { LecternBridge, ListedNotice } from '../../preload/api';
import type { ToastInit } from '../lib/events';
import { call, failureToast } from './calls';
import { noticeToast } from './routes';

export class LibraryNotices {
  private readonly shown = new Set<string>();

  constructor(
    private readonly bridge: LecternBridge,
    private readonly toast: (init: ToastInit) => void,
  ) {}

  show(notice: ListedNotice): void {
    if (this.shown.has(notice.id)) return;
    this.shown.add(notice.id);
    this.toast({ ...noticeToast(notice), onDismiss: () => void this.acknowledge(notice.id) });
  }

  private async acknowledge(id: string): Promise<void> {
    const done = await call(this.bridge, 'acknowledgeNotice', id);
    if (!done.ok) this.toast(failureToast('Could not clear the notice', done));
  }
}
