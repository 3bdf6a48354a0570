/**
 * One process owns a library: a proper-lockfile lock on the library folder, refreshed while
 * the library is open and considered stale 10 s after its owner stopped refreshing it.
 */
import lockfile from 'proper-lockfile';
import type { LibraryPaths } from './paths';

export const LOCK_STALE_MS = 10_000;
export const LOCK_UPDATE_MS = 5_000;

/** Another process (or another open Library in this one) has the library open. */
export class LibraryLockedError extends Error {
  constructor(readonly root: string) {
    super(`The library at ${root} is already open in another Lectern window or process.`);
    this.name = 'LibraryLockedError';
  }
}

/** Takes the lock; returns the function that releases it. */
export async function lockLibrary(paths: LibraryPaths): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(paths.root, {
      lockfilePath: paths.lockFile,
      stale: LOCK_STALE_MS,
      update: LOCK_UPDATE_MS,
      realpath: false,
      onCompromised: (error) => {
        // Default is to throw from a timer, which would crash the app; say it and carry on.
        console.error(`Lectern lost the lock on ${paths.root}: ${error.message}`);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOCKED') throw new LibraryLockedError(paths.root);
    throw error;
  }
}
