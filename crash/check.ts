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
import { type Library, LibraryLockedError, openLibrary } from '../main/library/library';
import type { Expectations } from './ledger';
import { annotationValue, noteValue, tagsValue } from './annotation-operations';
import { highlightValue } from './operations';

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

const ID = /^[0-9a-f]{16}$/;
const noPlatform = {
  chooseFilesToImport: async () => null,
  chooseExportFolder: async () => null,
  chooseFileToUpdate: async () => null,
  openExternal: async () => undefined,
};

interface Place {
  listed: boolean;
  trashEntry: boolean;
  body: boolean;
  trashBody: boolean;
  trashRecord: boolean;
}

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
  for (const [id, place] of places) if (!place.listed && place.trashEntry) readTrashed(root, id, actual);
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

function readTrashed(root: string, id: string, actual: Map<string, string>): void {
  const entry = path.join(root, 'trash', id);
  const trashRecord = readJson(path.join(entry, 'record.json')) as {
    title: string;
    contentHash: string;
  } | null;
  const annotations = readJson(path.join(entry, `${id}.json`)) as {
    highlights: Highlight[];
    position: ReadingPosition | null;
  } | null;
  if (trashRecord === null) return;
  record(
    actual,
    id,
    trashRecord.title,
    trashRecord.contentHash,
    annotations?.highlights ?? [],
    annotations?.position ?? null,
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

function placesOf(root: string, listed: Set<string>): Map<string, Place> {
  const ids = new Set([
    ...listed,
    ...idsIn(root, 'trash', ''),
    ...idsIn(root, 'documents', '.md'),
    ...idsIn(root, 'annotations', '.json'),
  ]);
  const exists = (...parts: string[]): boolean => fs.existsSync(path.join(root, ...parts));
  return new Map(
    [...ids].map((id) => [
      id,
      {
        listed: listed.has(id),
        trashEntry: exists('trash', id),
        body: exists('documents', `${id}.md`),
        trashBody: exists('trash', id, `${id}.md`),
        trashRecord: readJson(path.join(root, 'trash', id, 'record.json')) !== null,
      },
    ]),
  );
}

function placeProblem(place: Place): string | null {
  if (place.listed && place.trashEntry) return 'listed and in the trash';
  if (place.listed && !place.body) return 'listed without its body';
  if (place.trashEntry && !(place.trashRecord && place.trashBody))
    return `in the trash without its ${place.trashRecord ? 'body' : 'record'}`;
  if (!place.listed && !place.trashEntry) return 'files in the library, neither listed nor in the trash';
  if (!place.listed && place.body) return 'in the trash with a body left in documents/';
  return null;
}

function idsIn(root: string, folder: string, extension: string): string[] {
  const names = fs.existsSync(path.join(root, folder)) ? fs.readdirSync(path.join(root, folder)) : [];
  return names
    .filter((name) => name.endsWith(extension) && ID.test(name.slice(0, name.length - extension.length)))
    .map((name) => name.slice(0, name.length - extension.length));
}

function readJson(filePath: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(filePath, 'utf8'));
  } catch {
    return null;
  }
}

const EXPECTED_FILES: RegExp[] = [
  /^library\.json$/,
  /^documents\/[0-9a-f]{16}\.md$/,
  /^annotations\/[0-9a-f]{16}\.json$/,
  /^trash\/([0-9a-f]{16})\/(record\.json|\1\.md|\1\.json)$/,
  /^backups\/library-[^/]+\.json$/,
  // The previous version of a document's annotations, kept before each change of its highlights.
  /^backups\/annotations\/[0-9a-f]{16}\.json$/,
  // A document's pictures, live or in its trash entry.
  /^documents\/[0-9a-f]{16}\/assets\/[0-9a-f]{20}\.[a-z]{3,4}$/,
  /^trash\/([0-9a-f]{16})\/\1\/assets\/[0-9a-f]{20}\.[a-z]{3,4}$/,
  /^history\/[0-9a-f]{16}\/[0-9a-f]{64}\.md$/,
  // The tag registry; standalone notes, live and trashed.
  /^tags\.json$/,
  /^notes\/[0-9a-f]{16}\.md$/,
  /^notes\/\.trash\/[0-9a-f]{16}\.md$/,
  // Rebuildable caches (a torn one is rebuilt, so it need not parse).
  /^cache\/outlines\/[0-9a-f]{16}\.json$/,
];

/** Every JSON file parses; every file is one the layout names (temp and corrupt-aside files are findings). */
function checkFiles(
  root: string,
  report: CheckReport,
  found: (check: string, subject: string, detail: string) => void,
): void {
  for (const relative of walk(root, '')) {
    report.checksMade += 1;
    if (relative.startsWith('.lock')) continue;
    const cache = relative.startsWith('cache/');
    if (!cache && relative.endsWith('.json') && readJson(path.join(root, relative)) === null)
      found('json-parses', relative, 'does not parse');
    if (EXPECTED_FILES.some((pattern) => pattern.test(relative))) continue;
    found(
      relative.includes('.corrupt-') ? 'corrupt-aside' : 'temp-files',
      relative,
      'a file the layout does not name',
    );
  }
}

function walk(root: string, relative: string): string[] {
  const entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
  return entries.flatMap((entry) => {
    const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
    return entry.isDirectory() ? walk(root, child) : [child];
  });
}
