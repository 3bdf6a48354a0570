/**
 * What replaces a corrupt annotations file: its newest good backup with the log's changes
 * replayed onto it (the log holds the changes since the file was last written whole; the backup
 * is the version before that), or empty annotations when there is neither; and what the user is
 * told. The file and its log are kept aside first (annotations.ts commits the result).
 */
import path from 'node:path';
import type { LibraryNotice } from '../../../preload/api';
import { keepAside } from '../storage/set-aside';
import type { FileSystem } from '../storage/file-system';
import { type LibraryPaths, fileTimestamp } from '../storage/paths';
import { readAnnotationsBackup } from './annotation-backup';
import { type AnnotationsData, emptyAnnotations } from './annotation-format';
import { type LogChanges, NO_FILE, applyChanges, readLogChanges } from './annotation-log';

interface RecoveryParts {
  fsys: FileSystem;
  paths: LibraryPaths;
  now: () => Date;
}

/** The recovered annotations, the notice, and whether they become the backup once written. */
export async function prepareRecovery(
  { fsys, paths, now }: RecoveryParts,
  id: string,
): Promise<{ data: AnnotationsData; notice: LibraryNotice; backUpAfter: boolean }> {
  const stamp = fileTimestamp(now());
  const aside = await keepAside(fsys, paths.annotationsFile(id), stamp);
  const log = await readLogChanges(fsys, paths.annotationsLogFile(id));
  if (log.changes.length > 0 || log.damaged) await keepAside(fsys, paths.annotationsLogFile(id), stamp);
  const backup = await readAnnotationsBackup(fsys, paths, id);
  const data = applyChanges(backup ?? emptyAnnotations(), log.changes);
  // The recovered file is the backup from now on (a second recovery replays onto it), unless an
  // unreadable backup is there: it is not replaced without a copy.
  const unreadable = backup === null && (await fsys.stat(paths.annotationsBackupFile(id)).catch(() => null));
  const message = recoveryMessage({
    id,
    aside,
    fromBackup: backup !== null,
    log,
    highlights: data.highlights.length,
  });
  return { data, notice: { level: 'warning', message }, backUpAfter: !unreadable };
}

/**
 * Keeps aside a log whose file is gone (removed outside Lectern) before a new log replaces it;
 * returns what the user is to be told once it is replaced (null: there was no such log).
 */
export async function keepOrphanLogAside(
  { fsys, paths, now }: RecoveryParts,
  id: string,
): Promise<LibraryNotice | null> {
  const aside = await keepAside(fsys, paths.annotationsLogFile(id), fileTimestamp(now()));
  if (aside === null) return null;
  return {
    level: 'warning',
    message: `The annotations file of document ${id} was missing beside its log of changes to it; the log was kept as ${path.basename(aside)}.`,
  };
}

/** What a recovery found and made: what the user is told (recoveryMessage). */
interface Recovery {
  id: string;
  /** Where the bad file was kept; null when it was missing. */
  aside: string | null;
  fromBackup: boolean;
  log: LogChanges;
  /** Highlights the recovered annotations hold. */
  highlights: number;
}

const plural = (count: number, noun: string): string => `${count} ${noun}${count === 1 ? '' : 's'}`;

/** What the user is told when a corrupt or missing annotations file was replaced. */
function recoveryMessage({ id, aside, fromBackup, log, highlights }: Recovery): string {
  const intro =
    aside === null
      ? `The annotations file of document ${id} was missing while its log held changes to it`
      : `The annotations of document ${id} could not be read; the file was kept as ${path.basename(aside)}`;
  const replayed = log.changes.length;
  const damaged = log.damaged ? ' Part of its log was damaged and could not be read.' : '';
  const count = plural(highlights, 'highlight');
  const since = `the ${plural(replayed, 'change')} made since it was last saved whole`;
  if (!fromBackup && replayed === 0)
    return `${intro}, and no readable backup of it was found, so the document starts without annotations.${damaged}`;
  if (!fromBackup && log.base === NO_FILE)
    return `${intro}; its log held every change made to them, replayed in full (${count}).${damaged}`;
  if (!fromBackup)
    return `${intro}, and no readable backup of it was found; ${since} ${replayed === 1 ? 'was' : 'were'} kept (${count}), earlier ones are missing.${damaged}`;
  const restored = `${intro}; its previous version was restored from backups/annotations`;
  if (replayed === 0) return `${restored} (${count}); the latest changes may be missing.${damaged}`;
  return `${restored}, with ${since} replayed onto it (${count}). Changes saved between those may be missing, and highlights deleted then may be back.${damaged}`;
}
