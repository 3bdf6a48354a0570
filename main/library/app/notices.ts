/**
 * Notices about the library (a corrupt file moved aside, a backup restored): listed for
 * `getLibraryInfo` until the user dismisses them, and announced to subscribers as they happen,
 * so that a notice raised after start reaches the user too. One about a change to the user's
 * files is kept on disk before the change commits (`tellOfChange`, kept-notices.ts) and listed
 * again at every open until dismissed.
 */
import path from 'node:path';
import type { LibraryNotice, ListedNotice } from '../../../preload/api';
import { errnoOf } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import { entryId } from '../storage/journal';
import { moveAside } from '../storage/set-aside';
import { fileTimestamp } from '../storage/paths';
import { KeptNotices } from './kept-notices';

/** Keeps `notice` durably, then runs `commit` (the change it tells of), then raises it. */
export type TellOfChange = <T>(
  notice: LibraryNotice,
  replacedFile: string,
  commit: () => Promise<T>,
) => Promise<T>;

/** A notice kept around a change that committed, to be raised (raiseKept) once its words are final. */
export interface KeptChange<T> {
  id: string;
  committed: T;
}

/** A notice kept on disk around a change that committed, not raised yet (Notices.raiseKept). */
export interface HeldNotice {
  id: string;
  notice: LibraryNotice;
}

/** tellOfChange without the raise: for a change whose notice is completed after it (raiseKept). */
export type KeepAround = <T>(
  notice: LibraryNotice,
  replacedFile: string,
  commit: () => Promise<T>,
) => Promise<KeptChange<T>>;

export class Notices {
  private readonly listed: ListedNotice[] = [];
  /** Ids of the listed notices that are kept on disk. */
  private readonly keptIds = new Set<string>();
  private readonly listeners = new Set<(notice: ListedNotice) => void>();
  /** Files whose change could not be told durably this session (said once each). */
  private readonly untold = new Set<string>();
  private readonly kept: KeptNotices;

  constructor(
    private readonly fsys: FileSystem,
    private readonly root: string,
    noticesDir: string,
    private readonly now: () => Date,
  ) {
    this.kept = new KeptNotices(fsys, root, noticesDir, now);
  }

  /** Records a notice and tells subscribers. Bound, so it can be handed around as a callback. */
  readonly raise = (notice: LibraryNotice): void => {
    this.show({ ...notice, id: entryId(this.now()) });
  };

  /**
   * Tells of a change to the user's files so that no kill can lose it: the notice is kept on disk
   * first, `commit` runs, and the notice is raised once it committed. When the notice cannot be
   * kept (a full disk), nothing commits: the user is told so now, and the change waits for a
   * later try (it throws that error). A failed commit drops the notice again.
   */
  readonly tellOfChange: TellOfChange = async (notice, replacedFile, commit) => {
    const { id, committed } = await this.keepAcross(notice, replacedFile, commit, false);
    this.keptIds.add(id);
    this.show({ ...notice, id });
    return committed;
  };

  /**
   * tellOfChange up to the commit: the caller raises the notice (raiseKept) once what follows the
   * change is done; until then a kill leaves it unfinished, for the next open to finish (`load`).
   */
  readonly keepAround: KeepAround = (notice, replacedFile, commit) =>
    this.keepAcross(notice, replacedFile, commit, true);

  private async keepAcross<T>(
    notice: LibraryNotice,
    replacedFile: string,
    commit: () => Promise<T>,
    unfinished: boolean,
  ): Promise<KeptChange<T>> {
    let id: string;
    try {
      id = await this.kept.keep(notice, replacedFile, unfinished);
    } catch (error) {
      const code = errnoOf(error);
      if (code !== null && !this.untold.has(replacedFile)) {
        this.untold.add(replacedFile);
        const file = path.relative(this.root, replacedFile);
        this.raise({
          level: 'error',
          message: `${file} needs to be replaced, but Lectern could not first keep its notice to you about it (${code}), so it is left as it is for now and tried again later. What Lectern would have done: ${notice.message}`,
        });
      }
      throw error;
    }
    let committed;
    try {
      committed = await commit();
    } catch (error) {
      // A change that throws has not replaced the file (a durable write throws before its rename
      // or not at all); should this drop fail too, the next open finds the file as it was and drops it.
      await this.kept.drop(id).catch(() => undefined);
      throw error;
    }
    return { id, committed };
  }

  /**
   * Raises a notice keepAround kept, in its final words: those are written over the kept copy
   * first (best effort: should that fail, the next open says what was kept before the change).
   */
  async raiseKept(id: string, notice: LibraryNotice): Promise<void> {
    // The kept copy is read back to be amended: whatever fails there, the notice is raised now.
    await this.kept
      .amend(id, notice)
      .catch((error: unknown) => console.error(`Could not amend the kept notice ${id}`, error));
    this.keptIds.add(id);
    this.show({ ...notice, id });
  }

  /**
   * Lists the kept notices of an earlier session not yet dismissed (at open, before anything
   * else may change a file); returns those keepAround kept whose raise a kill prevented, for the
   * caller to finish what follows their change and raise them (raiseKept). A kept notice that
   * cannot be read is moved aside, with its own notice.
   */
  async load(): Promise<HeldNotice[]> {
    const found = await this.kept.find();
    for (const notice of found.standing) {
      this.keptIds.add(notice.id);
      this.show(notice);
    }
    for (const { file, reason } of found.unreadable) await this.setAsideUnreadable(file, reason);
    for (const { file, reason } of found.unavailable)
      this.raise({
        level: 'warning',
        message: `A notice Lectern kept for you (${path.relative(this.root, file)}) could not be read now (${reason}); it stays where it is and is read again at the next open. It may tell of a file restored from a backup.`,
      });
    return found.unfinished.map(({ id, level, message }) => ({ id, notice: { level, message } }));
  }

  list(): ListedNotice[] {
    return [...this.listed];
  }

  /** The user dismissed it: no longer listed, and its kept copy removed (throws when that fails). */
  async acknowledge(id: string): Promise<void> {
    if (this.keptIds.has(id)) {
      await this.kept.drop(id);
      this.keptIds.delete(id);
    }
    const index = this.listed.findIndex((notice) => notice.id === id);
    if (index >= 0) this.listed.splice(index, 1);
  }

  subscribe(listener: (notice: ListedNotice) => void): () => void {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  }

  private show(notice: ListedNotice): void {
    this.listed.push(notice);
    for (const listener of Array.from(this.listeners)) listener(notice);
  }

  /** A kept notice that does not read: moved aside (told durably like any change), never in the open's way. */
  private async setAsideUnreadable(file: string, reason: string): Promise<void> {
    const name = path.relative(this.root, file);
    const stamp = fileTimestamp(this.now());
    const notice: LibraryNotice = {
      level: 'warning',
      message: `A notice Lectern kept for you could not be read (${reason}); its file was moved to ${name}.corrupt-${stamp}. It may have told of a file restored from a backup.`,
    };
    try {
      await this.tellOfChange(notice, file, () => moveAside(this.fsys, file, stamp));
    } catch (error) {
      const code = errnoOf(error);
      if (code === null) throw error;
      // Left in place: it is read (and said) again at the next open.
      if (this.untold.has(file)) return;
      this.raise({
        level: 'warning',
        message: `A notice Lectern kept for you (${name}) could not be read (${reason}) nor moved aside (${code}). It may have told of a file restored from a backup.`,
      });
    }
  }
}
