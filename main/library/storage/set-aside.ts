/**
 * Files set aside beside themselves as `<name>.corrupt-<timestamp>`: a bad file moved out of
 * the way, or kept (a hard link, else a copy) while it stays in place until a recovery replaces it.
 */
import path from 'node:path';
import { fsyncDir, writeFileDurable } from './durable-file';
import { errnoOf } from './failures';
import type { FileSystem } from './file-system';

/** Renames a bad file to `<name>.corrupt-<timestamp>` beside it; returns the new path. */
export async function moveAside(fsys: FileSystem, filePath: string, timestamp: string): Promise<string> {
  const asidePath = `${filePath}.corrupt-${timestamp}`;
  await fsys.rename(filePath, asidePath);
  await fsyncDir(fsys, path.dirname(filePath));
  return asidePath;
}

/**
 * Keeps a bad file as `<name>.corrupt-<timestamp>` beside it while it stays in place (to be
 * replaced by a write, the commit point of a recovery): a hard link, or a copy where links are
 * not to be had. Returns the new path, or null when there is no such file.
 */
export async function keepAside(
  fsys: FileSystem,
  filePath: string,
  timestamp: string,
): Promise<string | null> {
  const asidePath = `${filePath}.corrupt-${timestamp}`;
  try {
    await fsys.link(filePath, asidePath);
    await fsyncDir(fsys, path.dirname(filePath));
  } catch (error) {
    const code = errnoOf(error);
    if (code === 'ENOENT') return null;
    if (code === null) throw error;
    await copyFileDurable(fsys, filePath, asidePath);
  }
  return asidePath;
}

/** Copies a file durably (through the same verified write). */
export async function copyFileDurable(fsys: FileSystem, source: string, target: string): Promise<void> {
  await writeFileDurable(fsys, target, await fsys.readFile(source));
}
