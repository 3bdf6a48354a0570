/**
 * The library's list of documents for the shell: loads it, reloads
 * it when anything changed (coalescing reloads asked for during one into one more), and keeps
 * the failure when it could not be loaded so the library view can offer Retry.
 */
import type { DocumentSummary, LecternBridge } from '../../preload/api';
import type { ToastInit } from '../lib/events';
import { call, failureToast, type CallFailure } from './calls';

export class LibraryListController {
  /** `null` until the first load answers. */
  documents: DocumentSummary[] | null = null;
  /** Set when the last load failed and there is no list to show. */
  failure: CallFailure | null = null;
  private reloading: Promise<void> | null = null;
  private reloadAgain = false;

  constructor(
    /** The element showing the list (asked to render again when it changes). */
    private readonly host: { requestUpdate(): void },
    private readonly bridge: LecternBridge,
    private readonly toast: (init: ToastInit) => void,
  ) {}

  /** Reloads the list; calls during a reload coalesce into one more reload. */
  reload(): Promise<void> {
    if (this.reloading) {
      this.reloadAgain = true;
      return this.reloading;
    }
    this.reloading = this.reloadUntilFresh().finally(() => (this.reloading = null));
    return this.reloading;
  }

  private async reloadUntilFresh(): Promise<void> {
    if (this.failure) {
      this.failure = null; // Retry: show "loading" again while it runs.
      this.host.requestUpdate();
    }
    do {
      this.reloadAgain = false;
      const listed = await call(this.bridge, 'listDocuments');
      if (listed.ok) {
        this.documents = listed.value;
        this.failure = null;
      } else if (this.documents === null) this.failure = listed;
      // A list on screen stays; the toast says it may be out of date.
      else this.toast(failureToast('Could not refresh the library', listed));
      this.host.requestUpdate();
    } while (this.reloadAgain);
  }
}
