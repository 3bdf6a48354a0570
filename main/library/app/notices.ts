/**
 * Notices about the library (a corrupt file moved aside, a backup restored): kept for
 * `getLibraryInfo`, and announced to subscribers as they happen, so that a notice raised
 * after start reaches the user too.
 */
import type { LibraryNotice } from '../../../preload/api';

export class Notices {
  private readonly all: LibraryNotice[] = [];
  private readonly listeners = new Set<(notice: LibraryNotice) => void>();

  /** Records a notice and tells subscribers. Bound, so it can be handed around as a callback. */
  readonly raise = (notice: LibraryNotice): void => {
    this.all.push(notice);
    for (const listener of Array.from(this.listeners)) listener(notice);
  };

  list(): LibraryNotice[] {
    return [...this.all];
  }

  subscribe(listener: (notice: LibraryNotice) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }
}
