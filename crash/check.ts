/**
 * What the crash test checks after each kill: the library opens without warnings (an info notice
 * that an interrupted change was settled is expected), every JSON
 * file parses, no stray files remain, each document is whole in exactly one place, and every
 * acknowledged write reads back (see ledger.ts for what "acknowledged" allows).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Highlight, ReadingPosition } from '../preload/api';
import { createHandlers } from '../main/library/handlers';
import { readAnnotationsAt } from '../main/library/highlights/annotation-log';
import { nodeFileSystem } from '../main/library/storage/file-system';
import { type Library, LibraryLockedError, openLibrary } from '../main/library/library';
import type { Expectations } from './ledger';
import { annotationValue, noteValue, tagsValue } from './annotation-operations';
import { highlightValue } from './operations';
import { checkFiles, placeProblem, placesOf, readJson } from './check-files';

/** One thing found wrong; `check` names the kind, `subject` what it is about. */
export interface Finding {
  check: string;
  subject: string;
  detail: string;
}

export interface CheckReport {
  findings: Finding[];
  checksMade: number;
  /** The killed child's lock still held the library (it is then removed: its owner is dead). */
  staleLock: boolean;
}

const noPlatform = {
  chooseFilesToImport: async () => null,
  chooseExportFolder: async () => null,
  chooseFileToUpdate: async () => null,
  openExternal: async () => undefined,
};

/** Opens the library at `root` (removing a dead owner's lock) and checks it against `expectations`. */
export async function checkLibrary(root: string, expectations: Expectations): Promise<CheckReport> {
  const report: CheckReport = { findings: [], checksMade: 0, staleLock: false };
  let library: Library;
  try {
    library = await openOrBreakLock(root, report);
  } catch (error) {
    report.findings.push({ check: 'opens', subject: 'library', detail: String(error) });
    return report;
  }
  try {
    await checkOpenLibrary(root, library, expectations, report);
  } finally {
    await library.close();
  }
  return report;
}

async function openOrBreakLock(root: string, report: CheckReport): Promise<Library> {
  try {
    return await openLibrary({ root });
  } catch (error) {
    if (!(error instanceof LibraryLockedError)) throw error;
    report.staleLock = true;
    fs.rmSync(path.join(root, '.lock'), { recursive: true, force: true });
    return openLibrary({ root });
  }
}

async function checkOpenLibrary(
  root: string,
  library: Library,
  expectations: Expectations,
  report: CheckReport,
): Promise<void> {
  const found = (check: string, subject: string, detail: string): void => {
    report.findings.push({ check, subject, detail });
  };
  const handlers = createHandlers(library, noPlatform, (message, error) =>
    found('internal', message, String(error)),
  );
  const info = await handlers.getLibraryInfo();
  report.checksMade += 1;
  const warnings = info.ok ? info.value.notices.filter((notice) => notice.level !== 'info') : [];
  if (!info.ok || warnings.length > 0) found('notices', 'open', JSON.stringify(info.ok ? warnings : info));
  checkFiles(root, report, found);
  const listed = await handlers.listDocuments();
  const settings = await handlers.getSettings();
  if (!listed.ok || !settings.ok) return found('lists', 'library', 'listDocuments or getSettings failed');
  const actual = new Map<string, string>();
  for (const [field, value] of Object.entries(settings.value))
    actual.set(`set:${field}`, JSON.stringify(value));
  const places = placesOf(root, new Set(listed.value.map((summary) => summary.id)));
  const broken = new Set<string>();
  for (const [id, place] of places) {
    report.checksMade += 1;
    const problem = placeProblem(place);
    if (problem !== null) {
      // Files of a document that was never listed nor trashed: an import cut short after its body.
      found(problem.startsWith('files in the library') ? 'orphan-body' : 'one-place', id, problem);
      broken.add(id);
    }
    actual.set(`doc:${id}:place`, place.listed ? 'listed' : place.trashEntry ? 'trash' : 'missing');
  }
  for (const summary of listed.value) {
    const opened = await handlers.openDocument(summary.id);
    if (!opened.ok || opened.value === null) continue;
    report.checksMade += 1;
    if (summary.highlightCount !== opened.value.highlights.length)
      found(
        'stale-count',
        summary.id,
        `highlightCount ${summary.highlightCount}, ${opened.value.highlights.length} stored`,
      );
    actual.set(`dtags:${summary.id}`, tagsValue(summary.tags));
    for (const highlight of opened.value.highlights)
      actual.set(`hlx:${summary.id}:${highlight.id}`, annotationValue(highlight));
    record(
      actual,
      summary.id,
      summary.title,
      summary.textVersion,
      opened.value.highlights,
      opened.value.position,
    );
  }
  for (const [id, place] of places)
    if (!place.listed && place.trashEntry) await readTrashed(root, id, actual);
  await readNotes(handlers, actual, found);
  compare(expectations, actual, broken, report, found);
}

/** Every standalone note as `note:<id>`: its value when live, `trash` when in the notes trash. */
async function readNotes(
  handlers: ReturnType<typeof createHandlers>,
  actual: Map<string, string>,
  found: (check: string, subject: string, detail: string) => void,
): Promise<void> {
  const listed = await handlers.listNotes();
  const trashed = await handlers.listTrashedNotes();
  const unreadable = await handlers.listUnreadableNotes();
  if (!listed.ok || !trashed.ok || !unreadable.ok)
    return found('lists', 'notes', 'the notes cannot be listed');
  for (const file of unreadable.value) found('note-file', file.fileName, file.reason);
  for (const entry of trashed.value) actual.set(`note:${entry.id}`, 'trash');
  for (const summary of listed.value) {
    const note = await handlers.getNote(summary.id);
    if (note.ok) actual.set(`note:${summary.id}`, noteValue(note.value));
    else found('note-reads', summary.id, note.message);
  }
}

function record(
  actual: Map<string, string>,
  id: string,
  title: string,
  version: string,
  highlights: Highlight[],
  position: ReadingPosition | null,
): void {
  actual.set(`doc:${id}:title`, title);
  actual.set(`doc:${id}:version`, version);
  actual.set(`pos:${id}`, position === null ? 'none' : String(position.offset));
  for (const highlight of highlights) actual.set(`hl:${id}:${highlight.id}`, highlightValue(highlight));
}

/** A trashed document as its entry holds it: the record, and the annotations file with its log replayed. */
async function readTrashed(root: string, id: string, actual: Map<string, string>): Promise<void> {
  const entry = path.join(root, 'trash', id);
  const trashRecord = readJson(path.join(entry, 'record.json')) as {
    title: string;
    contentHash: string;
  } | null;
  if (trashRecord === null) return;
  const annotations = await readAnnotationsAt(
    nodeFileSystem,
    path.join(entry, `${id}.json`),
    path.join(entry, `${id}.log`),
  ).catch(() => null);
  record(
    actual,
    id,
    trashRecord.title,
    trashRecord.contentHash,
    annotations?.data.highlights ?? [],
    annotations?.data.position ?? null,
  );
}

function compare(
  expectations: Expectations,
  actual: Map<string, string>,
  broken: Set<string>,
  report: CheckReport,
  found: (check: string, subject: string, detail: string) => void,
): void {
  // A document deleted for good (perhaps by a delete the kill interrupted) has nothing left to
  // check but that it is gone.
  const gone = new Set(
    [...expectations]
      .filter(([key, allowed]) => key.endsWith(':place') && allowed.has('missing'))
      .filter(([key]) => (actual.get(key) ?? 'missing') === 'missing')
      .map(([key]) => key.split(':')[1]),
  );
  for (const [key, allowed] of expectations) {
    const id = key.split(':')[1] ?? '';
    if (broken.has(id)) continue; // reported once, as one-place
    if (gone.has(id) && !key.endsWith(':place')) continue;
    report.checksMade += 1;
    const value =
      actual.get(key) ??
      (key.startsWith('hl:')
        ? 'absent'
        : key.startsWith('pos:')
          ? 'none'
          : key.startsWith('dtags:')
            ? ''
            : 'missing');
    if (!allowed.has(value))
      found('lost-write', key, `expected ${[...allowed].join(' or ')}, found ${value}`);
  }
}
