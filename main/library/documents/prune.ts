/**
 * The pruning rule the user sets (`pruneAfterDays`): documents in the trash longer than that, and
 * earlier versions kept by "Update from file" older than that, are deleted for good. Run when the
 * library opens and when the rule is shortened; what it removed is told, never done silently.
 */
import path from 'node:path';
import type { LibraryNotice, PruneAfterDays } from '../../../preload/api';
import { errnoOf } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import type { Trash } from './trash';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface Pruned {
  trashed: number;
  versions: number;
}

export interface PruneParts {
  fsys: FileSystem;
  paths: LibraryPaths;
  trash: Trash;
  now: () => Date;
}

/** Deletes what is older than the rule allows; a failure stops where it happened (the rest stays). */
export async function pruneOld(parts: PruneParts, days: PruneAfterDays): Promise<Pruned> {
  if (days === null) return { trashed: 0, versions: 0 };
  const cutoff = parts.now().getTime() - days * DAY_MS;
  const trashed = await pruneTrash(parts.trash, cutoff);
  const versions = await pruneHistory(parts.fsys, parts.paths.historyDir, cutoff);
  return { trashed, versions };
}

async function pruneTrash(trash: Trash, cutoff: number): Promise<number> {
  let count = 0;
  for (const entry of await trash.list()) {
    const deletedAt = Date.parse(entry.deletedAt);
    // An unreadable date is never taken for an old one: the entry stays until the user deletes it.
    if (Number.isNaN(deletedAt) || deletedAt > cutoff) continue;
    await trash.purge(entry.id);
    count++;
  }
  return count;
}

/** history/<id>/<textVersion>.md kept before cutoff (by the time it was written), and emptied folders. */
async function pruneHistory(fsys: FileSystem, historyDir: string, cutoff: number): Promise<number> {
  let count = 0;
  for (const id of await readdirOrNone(fsys, historyDir)) {
    const folder = path.join(historyDir, id);
    const names = await readdirOrNone(fsys, folder);
    let left = names.length;
    for (const name of names) {
      if (!name.endsWith('.md')) continue;
      const file = path.join(folder, name);
      const { mtimeMs } = await fsys.stat(file);
      if (mtimeMs > cutoff) continue;
      await fsys.removeTree(file);
      count++;
      left--;
    }
    if (left === 0 && names.length > 0) await fsys.removeTree(folder);
  }
  return count;
}

async function readdirOrNone(fsys: FileSystem, dir: string): Promise<string[]> {
  try {
    return await fsys.readdir(dir);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT' || errnoOf(error) === 'ENOTDIR') return [];
    throw error;
  }
}

/** What the user is told after a prune that removed something (null when it removed nothing). */
export function prunedNotice(pruned: Pruned, days: number): LibraryNotice | null {
  const parts: string[] = [];
  if (pruned.trashed > 0)
    parts.push(`${pruned.trashed} ${pruned.trashed === 1 ? 'document' : 'documents'} from the trash`);
  if (pruned.versions > 0)
    parts.push(`${pruned.versions} earlier ${pruned.versions === 1 ? 'version' : 'versions'} of updated documents`);
  if (parts.length === 0) return null;
  return {
    level: 'info',
    message: `Deleted for good ${parts.join(' and ')}, kept longer than ${days} days (change this in the Trash).`,
  };
}
