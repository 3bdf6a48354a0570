/**
 * Writes one document's export into a folder: finds its file (`Title.md`, or `Title (<id>).md`
 * when that name holds someone else's text), merges into Lectern's region, keeps a copy of a
 * file the user edited inside it, and writes durably. Bytes the user wrote are never lost.
 */
import path from 'node:path';
import type { ExportReport, Failure, Result } from '../../../preload/api';
import { exportFileName } from '../../../common/export/file-names';
import type { FormattedExport } from '../../../common/export/format';
import { mergeExport, newExportFile } from '../../../common/export/region';
import { errnoOf } from '../storage/failures';
import { replaceFileInFolder, writeFileDurable } from '../storage/durable-file';
import type { FileSystem } from '../storage/file-system';

const BOM = '\ufeff';

/** A file's text (its BOM set aside), `null` when missing, or `undefined` when it is not UTF-8. */
async function readExisting(
  fsys: FileSystem,
  filePath: string,
): Promise<{ text: string; bom: string } | null | undefined> {
  let bytes: Buffer;
  try {
    bytes = await fsys.readFile(filePath);
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return null;
    throw error;
  }
  const text = bytes.toString('utf8');
  // Text that does not encode back to the same bytes would be damaged by a rewrite: not ours.
  if (!Buffer.from(text, 'utf8').equals(bytes)) return undefined;
  return text.startsWith(BOM) ? { text: text.slice(1), bom: BOM } : { text, bom: '' };
}

async function exists(fsys: FileSystem, filePath: string): Promise<boolean> {
  try {
    await fsys.stat(filePath);
    return true;
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return false;
    throw error;
  }
}

/** `Title (edited 2026-12-03 110000).md`, numbered when that exists too: never overwrites. */
async function freeCopyPath(fsys: FileSystem, filePath: string, now: Date): Promise<string> {
  const stamp = now.toISOString().slice(0, 19).replace('T', ' ').replace(/:/g, '');
  const base = filePath.slice(0, -'.md'.length);
  for (let n = 1; ; n++) {
    const candidate = `${base} (edited ${stamp}${n === 1 ? '' : ` ${n}`}).md`;
    if (!(await exists(fsys, candidate))) return candidate;
  }
}

/**
 * Writes the export of `doc` (a document or a note) into `folder` under `planned` (or its title's
 * name); what happened, or a failure naming the file. With `folderSynced` false the caller fsyncs
 * the folder once after its last file (an export of many); a kept copy is always synced at once.
 */
export async function writeExport(
  fsys: FileSystem,
  folder: string,
  doc: { id: string; title: string },
  fresh: FormattedExport,
  now: Date,
  planned?: string,
  folderSynced = true,
): Promise<Result<ExportReport>> {
  const write = folderSynced ? writeFileDurable : replaceFileInFolder;
  // The planned name (export of many), else `Title.md`; then `Title (<id>).md` when that is not ours.
  const first = planned ?? exportFileName(doc.title, doc.id);
  const names = [...new Set([first, exportFileName(doc.title, doc.id, true)])];
  let filePath = '';
  try {
    for (const [index, name] of names.entries()) {
      filePath = path.join(folder, name);
      const existing = await readExisting(fsys, filePath);
      const outcome =
        existing === undefined
          ? ({ kind: 'foreign' } as const)
          : mergeExport(existing?.text ?? null, doc.id, fresh);
      const last = index === names.length - 1;
      if (outcome.kind === 'foreign' && !last) continue;
      if (outcome.kind === 'unchanged') return ok(filePath, 'unchanged', null, false);
      if (outcome.kind === 'created') {
        await write(fsys, filePath, outcome.text);
        return ok(filePath, 'created', null, false);
      }
      const edited = outcome.kind === 'foreign' || outcome.conflict === 'edited';
      // The user's edited file is copied, durably, before anything replaces it.
      const keptCopyPath = edited ? await freeCopyPath(fsys, filePath, now) : null;
      if (keptCopyPath !== null) await writeFileDurable(fsys, keptCopyPath, await fsys.readFile(filePath));
      const text =
        outcome.kind === 'foreign' ? newExportFile(doc.id, fresh) : `${existing?.bom ?? ''}${outcome.text}`;
      await write(fsys, filePath, text);
      const kept = outcome.kind === 'updated' && outcome.frontMatterKept;
      return ok(filePath, edited ? 'conflicted' : 'updated', keptCopyPath, kept);
    }
  } catch (error) {
    return exportFailure(error, filePath);
  }
  throw new Error('unreachable: the last name always ends the loop');
}

function ok(
  filePath: string,
  outcome: ExportReport['outcome'],
  keptCopyPath: string | null,
  frontMatterKept: boolean,
): Result<ExportReport> {
  return { ok: true, value: { filePath, outcome, keptCopyPath, frontMatterKept } };
}

/** An I/O error as the contract's failure, naming the file; anything else is a bug (rethrown). */
export function exportFailure(error: unknown, filePath: string): Failure {
  const code = errnoOf(error);
  if (code === null) throw error;
  const where = `“${path.basename(filePath)}” in ${path.dirname(filePath)}`;
  if (code === 'ENOSPC' || code === 'EDQUOT')
    return { ok: false, code: 'disk-full', message: `The disk is full: Lectern could not export ${where}.` };
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')
    return {
      ok: false,
      code: 'read-only',
      message: `That folder cannot be written (${code}): Lectern could not export ${where}.`,
    };
  if (code === 'ENOENT' || code === 'ENOTDIR')
    return {
      ok: false,
      code: 'not-found',
      message: `That folder no longer exists: Lectern could not export ${where}.`,
    };
  return { ok: false, code: 'io', message: `Lectern could not export ${where} (${code}).` };
}
