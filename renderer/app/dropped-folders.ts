/**
 * What a drop holds, with folders opened: every file Lectern imports inside a dropped folder
 * (and its subfolders) is taken; other files there are counted, not refused one by one, since a
 * folder of notes has images and the like that nobody meant to import. Capped, so a dropped home
 * folder does not read forever.
 */
import { importFormatOf } from '../../common/formats';

/** The most files taken from dropped folders in one drop. */
export const MAX_FOLDER_FILES = 2000;

export interface DropContents {
  files: File[];
  /** Messages for what could not be taken (unreadable folders, the cap). */
  refused: string[];
}

/** The drop's files, folders opened. Call it before any await in the drop handler. */
export async function droppedFiles(data: DataTransfer | null): Promise<DropContents> {
  if (data === null) return { files: [], refused: [] };
  const entries = [...data.items].map((item) => item.webkitGetAsEntry?.() ?? null);
  const plain = [...data.files];
  if (!entries.some((entry) => entry?.isDirectory === true)) return { files: plain, refused: [] };
  const out: DropContents = { files: [], refused: [] };
  const skipped = { count: 0 };
  for (const [index, entry] of entries.entries()) {
    if (entry?.isDirectory === true) await walk(entry as FileSystemDirectoryEntry, out, skipped);
    else if (plain[index] !== undefined) out.files.push(plain[index]);
  }
  if (out.files.length >= MAX_FOLDER_FILES) {
    out.refused.push(
      `Only the first ${MAX_FOLDER_FILES} files of the dropped folders were taken; drop the rest again.`,
    );
  }
  if (skipped.count > 0 && out.files.length === 0) {
    out.refused.push(
      `The dropped folder holds no file Lectern imports (${skipped.count} other files were left out).`,
    );
  }
  return out;
}

async function walk(
  folder: FileSystemDirectoryEntry,
  out: DropContents,
  skipped: { count: number },
): Promise<void> {
  let children: FileSystemEntry[];
  try {
    children = await readAll(folder.createReader());
  } catch {
    out.refused.push(`The folder “${folder.name}” could not be read.`);
    return;
  }
  children.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  for (const child of children) {
    if (out.files.length >= MAX_FOLDER_FILES) return;
    if (child.isDirectory) {
      // A saved page's `_files` folder holds its pictures, read by the page's import; hidden folders too.
      if (!child.name.endsWith('_files') && !child.name.startsWith('.')) {
        await walk(child as FileSystemDirectoryEntry, out, skipped);
      }
    } else if (importFormatOf(child.name) === null || child.name.startsWith('.')) {
      skipped.count += 1;
    } else {
      try {
        out.files.push(await fileOf(child as FileSystemFileEntry));
      } catch {
        out.refused.push(`“${child.name}” could not be read.`);
      }
    }
  }
}

/** A directory reader answers in pages (100 entries in Chromium) until it answers none. */
async function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  const all: FileSystemEntry[] = [];
  for (;;) {
    const page = await new Promise<FileSystemEntry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (page.length === 0) return all;
    all.push(...page);
  }
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}
