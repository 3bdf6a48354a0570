/**
 * Export of many: one file per document in scope (and per standalone note), into one folder,
 * with file names kept stable by the folder's manifest, links between them rewritten to those
 * names, progress after every file and a cancel honoured between files. A few files are written
 * at once (each fsynced, the folder once at the end) so a thousand documents take seconds, not minutes.
 */
import path from 'node:path';
import type {
  ExportFileReport,
  ExportManyReport,
  ExportManyRequest,
  ExportTemplateChoice,
  Failure,
  Result,
} from '../../../preload/api';
import {
  MANIFEST_NAME,
  fileBaseOf,
  formatManifest,
  planFileNames,
  readManifest,
} from '../../../common/export/file-plan';
import { safeBaseName } from '../../../common/export/file-names';
import { formatNoteExport } from '../../../common/export/note-format';
import { renderDocumentExport } from '../../../common/export/render';
import type { ExportOptions, ExportedTarget, FormattedExport } from '../../../common/export/types';
import type { LinkTarget } from '../../../common/links';
import { fsyncDir, readTextIfExists, writeFileDurable } from '../storage/durable-file';
import type { ExportRuns } from './export-runs';
import { type ExportSources, exportOptions, gatherDocument, selectDocuments } from './gather';
import { exportFailure, writeExport } from './write-export';

/** Files written at once: enough to overlap the fsyncs, few enough to keep memory flat. */
const PARALLEL_WRITES = 8;

/** One file of an export of many: a document or a standalone note. */
export interface ExportItem {
  kind: 'document' | 'note';
  id: string;
  title: string;
}

/** Failures that concern the folder, not one file: the export stops rather than repeat them. */
const FOLDER_FAILURES = new Set(['disk-full', 'read-only', 'not-found']);

/** Writes the request's documents (and notes) into `folder`; a report of every file. */
export async function exportManyTo(
  sources: ExportSources,
  runs: ExportRuns,
  request: ExportManyRequest,
  folder: string,
  choice: ExportTemplateChoice,
): Promise<Result<ExportManyReport>> {
  const items = await exportItems(sources, request);
  const read = await readFolderManifest(sources, folder);
  if (!read.ok) return read;
  const { manifestPath, manifestText, manifest } = read.value;
  const plan = planFileNames(items, manifest);
  const options = linkedOptions(sources, (id) => plan.get(id) ?? manifest[id]);
  const report: ExportManyReport = { folder, files: [], failures: [], cancelled: false };
  // Written in parallel, reported in the items' order.
  const files: (ExportFileReport | undefined)[] = [];
  const written: Record<string, string> = {};
  const run = runs.start(items.length, items[0]?.title ?? null);
  let next = 0;
  let done = 0;
  let stop: Failure | null = null;
  const worker = async () => {
    while (next < items.length && stop === null && !run.isCancelled()) {
      const index = next++;
      const item = items[index]!;
      const result = await exportItem(sources, item, folder, plan.get(item.id), options, choice);
      if (result.ok) {
        files[index] = { ...result.value, kind: item.kind, title: item.title };
        written[item.id] = path.basename(result.value.filePath);
      } else {
        report.failures.push({ title: item.title, message: result.message });
        if (FOLDER_FAILURES.has(result.code)) stop = result;
      }
      run.advance(++done, items[next]?.title ?? null);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(PARALLEL_WRITES, items.length) }, worker));
  } finally {
    report.cancelled = run.isCancelled();
    // Makes every file's rename durable at once; best effort, as in writeFileDurable (the data is on disk).
    if (Object.keys(written).length > 0)
      await fsyncDir(sources.fsys, folder).catch((error: unknown) =>
        console.error(`Could not fsync the export folder ${folder}`, error),
      );
    run.finish(done);
  }
  report.files = files.filter((file) => file !== undefined);
  if (stop !== null && report.files.length === 0) return stop;
  const saved = await saveManifest(sources, manifestPath, manifestText, { ...manifest, ...written });
  return saved.ok ? { ok: true, value: report } : saved;
}

/** The documents in the request's scope, then (if asked) every standalone note: the files, in order. */
export async function exportItems(
  sources: ExportSources,
  request: Pick<ExportManyRequest, 'scope' | 'includeNotes'>,
): Promise<ExportItem[]> {
  const documents = await selectDocuments(sources, request.scope);
  const notes = request.includeNotes
    ? sources.notes.allNotes().toSorted((a, b) => (a.createdAt + a.id < b.createdAt + b.id ? -1 : 1))
    : [];
  return [
    ...documents.map((record) => ({ kind: 'document' as const, id: record.id, title: record.title })),
    ...notes.map((note) => ({ kind: 'note' as const, id: note.id, title: note.title })),
  ];
}

/** The export options of many files: links between them point at the names `nameOf` gives. */
export function linkedOptions(
  sources: ExportSources,
  nameOf: (id: string) => string | undefined,
): ExportOptions {
  return { ...exportOptions(sources), resolveTarget: (target) => resolveTarget(sources, target, nameOf) };
}

/** One item's export (a document with the template, a note in the links' style), or why not. */
export async function formatItem(
  sources: ExportSources,
  item: ExportItem,
  options: ExportOptions,
  choice: ExportTemplateChoice,
): Promise<Result<FormattedExport>> {
  if (item.kind === 'note') {
    const note = sources.notes.getNote(item.id);
    if (!note.ok) return note;
    return {
      ok: true,
      value: formatNoteExport(note.value, options, choice.preset === 'plain' ? 'markdown' : 'wiki'),
    };
  }
  const doc = await gatherDocument(sources, item.id);
  if (doc === null)
    return { ok: false, code: 'not-found', message: `“${item.title}” is no longer in the library.` };
  const rendered = renderDocumentExport(doc, options, choice);
  if (!rendered.ok)
    return {
      ok: false,
      code: 'invalid-argument',
      message: `The export template has an error on line ${rendered.line}: ${rendered.message}.`,
    };
  return rendered;
}

async function exportItem(
  sources: ExportSources,
  item: ExportItem,
  folder: string,
  planned: string | undefined,
  options: ExportOptions,
  choice: ExportTemplateChoice,
) {
  const fresh = await formatItem(sources, item, options, choice);
  if (!fresh.ok) return fresh;
  // The folder is fsynced once after the last file (exportManyTo), not after each of a thousand.
  return writeExport(sources.fsys, folder, item, fresh.value, sources.now(), planned, false);
}

/** The export folder's manifest: its path, its text (null: none yet) and the names in it. */
export async function readFolderManifest(sources: ExportSources, folder: string) {
  const manifestPath = path.join(folder, MANIFEST_NAME);
  try {
    const manifestText = await readTextIfExists(sources.fsys, manifestPath);
    return { ok: true, value: { manifestPath, manifestText, manifest: readManifest(manifestText) } } as const;
  } catch (error) {
    return exportFailure(error, manifestPath);
  }
}

/** The folder's manifest, rewritten only when a name in it changed. */
export async function saveManifest(
  sources: ExportSources,
  manifestPath: string,
  oldText: string | null,
  names: Record<string, string>,
): Promise<Result<null>> {
  const text = formatManifest(names);
  if (text === oldText) return { ok: true, value: null };
  try {
    await writeFileDurable(sources.fsys, manifestPath, text);
    return { ok: true, value: null };
  } catch (error) {
    return exportFailure(error, manifestPath);
  }
}

/** A link's target as an exported file: its planned name, else the name its title would get. */
function resolveTarget(
  sources: ExportSources,
  target: LinkTarget,
  nameOf: (id: string) => string | undefined,
): ExportedTarget | null {
  const id = target.kind === 'note' ? target.noteId : target.documentId;
  const title =
    target.kind === 'note'
      ? (() => {
          const note = sources.notes.getNote(target.noteId);
          return note.ok ? note.value.title : null;
        })()
      : (sources.catalog.get(target.documentId)?.title ?? null);
  if (title === null) return null;
  const name = nameOf(id);
  return { fileBase: name === undefined ? safeBaseName(title) : fileBaseOf(name), title };
}
