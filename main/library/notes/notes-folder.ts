/**
 * Reading and writing the notes folder: notes/<name>.md (live notes) and notes/.trash/<id>.md
 * (deleted ones). A file that is not a valid note is listed as unreadable and never written to.
 */
import path from 'node:path';
import type { Note, UnreadableNoteFile } from '../../../preload/api';
import {
  fsyncDir,
  isLeftoverTempFile,
  readTextIfExists,
  TEMP_FILE_MARK,
  writeFileDurable,
} from '../storage/durable-file';
import { errnoOf } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import { formatNoteFile, parseNoteFile } from './note-file';

export interface LiveNote {
  note: Note;
  /** The file's name in notes/ (`<id>.md` unless the user named it otherwise). */
  fileName: string;
}

export interface TrashedNoteEntry {
  note: Note;
  deletedAt: string;
}

export interface FolderContents {
  live: Map<string, LiveNote>;
  trashed: Map<string, TrashedNoteEntry>;
  unreadable: UnreadableNoteFile[];
}

/** Where the notes live inside a library folder. */
export class NotesFolder {
  readonly dir: string;
  readonly trashDir: string;
  /** Size and time of each live file as Lectern last wrote it: a save skips re-reading an untouched file. */
  private readonly lastWritten = new Map<string, { size: number; mtimeMs: number }>();

  constructor(
    private readonly fsys: FileSystem,
    libraryRoot: string,
  ) {
    this.dir = path.join(libraryRoot, 'notes');
    this.trashDir = path.join(this.dir, '.trash');
  }

  /** Creates the folders, removes a crash's temp files, and reads every note. */
  async load(): Promise<FolderContents> {
    await this.fsys.mkdir(this.trashDir);
    const live = new Map<string, LiveNote>();
    const unreadable: UnreadableNoteFile[] = [];
    for (const fileName of (await this.markdownFiles(this.dir)).toSorted()) {
      const read = parseNoteFile((await readTextIfExists(this.fsys, path.join(this.dir, fileName))) ?? '');
      if (!read.ok) unreadable.push({ fileName, reason: read.reason });
      else if (live.has(read.value.note.id)) {
        unreadable.push({
          fileName,
          reason: `its id is already the id of ${live.get(read.value.note.id)?.fileName}`,
        });
      } else live.set(read.value.note.id, { note: read.value.note, fileName });
    }
    const trashed = new Map<string, TrashedNoteEntry>();
    for (const fileName of await this.markdownFiles(this.trashDir)) {
      const read = parseNoteFile(
        (await readTextIfExists(this.fsys, path.join(this.trashDir, fileName))) ?? '',
      );
      // A delete interrupted before the live file went: the note is still live, not trashed.
      if (!read.ok || live.has(read.value.note.id)) continue;
      const { note, deletedAt } = read.value;
      trashed.set(note.id, { note, deletedAt: deletedAt ?? note.updatedAt });
    }
    return { live, trashed, unreadable };
  }

  private async markdownFiles(dir: string): Promise<string[]> {
    const names = await this.fsys.readdir(dir).catch(() => [] as string[]);
    for (const name of names.filter((entry) => entry.includes(TEMP_FILE_MARK))) {
      const tempPath = path.join(dir, name);
      if (isLeftoverTempFile(tempPath)) await this.fsys.unlink(tempPath).catch(() => undefined);
    }
    return names.filter((name) => name.endsWith('.md') && !name.includes(TEMP_FILE_MARK));
  }

  livePath(fileName: string): string {
    return path.join(this.dir, fileName);
  }

  trashPath(id: string): string {
    return path.join(this.trashDir, `${id}.md`);
  }

  /**
   * The file's current reading, or null when it is gone (a note deleted outside the app), or
   * 'unchanged' when its size and time are those of Lectern's last write (no need to read it).
   */
  async readLive(fileName: string): Promise<ReturnType<typeof parseNoteFile> | 'unchanged' | null> {
    const written = this.lastWritten.get(fileName);
    if (written !== undefined) {
      const now = await this.fsys.stat(this.livePath(fileName)).catch(() => null);
      if (now !== null && now.size === written.size && now.mtimeMs === written.mtimeMs) return 'unchanged';
    }
    const text = await readTextIfExists(this.fsys, this.livePath(fileName));
    return text === null ? null : parseNoteFile(text);
  }

  async writeLive(fileName: string, note: Note): Promise<void> {
    const filePath = this.livePath(fileName);
    this.lastWritten.delete(fileName);
    await writeFileDurable(this.fsys, filePath, formatNoteFile(note));
    const { size, mtimeMs } = await this.fsys.stat(filePath).catch(() => ({ size: -1, mtimeMs: -1 }));
    this.lastWritten.set(fileName, { size, mtimeMs });
  }

  /** Trash copy first, then the live file goes: a crash between them leaves the note live. */
  async moveToTrash(fileName: string, note: Note, deletedAt: string): Promise<void> {
    await writeFileDurable(this.fsys, this.trashPath(note.id), formatNoteFile(note, deletedAt));
    this.lastWritten.delete(fileName);
    await this.removeFile(this.livePath(fileName));
  }

  /** Live copy first, then the trash copy goes. */
  async restoreFromTrash(fileName: string, note: Note): Promise<void> {
    await this.writeLive(fileName, note);
    await this.removeFile(this.trashPath(note.id));
  }

  private async removeFile(filePath: string): Promise<void> {
    try {
      await this.fsys.unlink(filePath);
    } catch (error) {
      if (errnoOf(error) !== 'ENOENT') throw error;
    }
    // Best effort, as after a durable write's rename: the file is gone and a failure here cannot bring it back.
    await fsyncDir(this.fsys, path.dirname(filePath)).catch((error: unknown) =>
      console.error(`Could not fsync the folder of ${filePath}`, error),
    );
  }
}
