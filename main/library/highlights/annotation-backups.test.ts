/**
 * Annotation files have backups: the version before each rewrite (a log folded in) is kept in
 * backups/annotations/, and a corrupt file is replaced by it, with a notice raised as an event
 * and the library's highlight count corrected.
 */
import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary, LibraryNotice, NewHighlight } from '../../../preload/api';
import type { Library } from '../library';
import { FaultFileSystem } from '../storage/fault-file-system';
import { useTempLibrary } from '../test-support';
import { highlightOf, importText, storedAnnotations } from './test-annotations';

const temp = useTempLibrary();
const TEXT = `# The Kiss

At eight o'clock on the evening of the twentieth of May all the six batteries of the N—
Reserve Artillery Brigade halted for the night in the village of Mestechki.`;

const importOne = (lib: Library): Promise<DocumentSummary> => importText(lib, 'kiss.md', TEXT);

const quote = (doc: DocumentSummary, exact: string): NewHighlight => highlightOf(TEXT, doc, exact, 'pink');

/** Adds the highlights, then folds the log into the file (which backs up the file as it was). */
async function withHighlights(lib: Library, doc: DocumentSummary, quotes: string[]): Promise<void> {
  for (const exact of quotes) {
    const added = await lib.highlights.addHighlight(doc.id, quote(doc, exact));
    if (!added.ok) throw new Error(added.message);
  }
  await lib.annotations.fold(doc.id);
}

function noticesOf(lib: Library): LibraryNotice[] {
  const notices: LibraryNotice[] = [];
  lib.subscribe((event) => {
    if (event.name === 'libraryNotice') notices.push(event.payload);
  });
  return notices;
}

describe('annotation backups', () => {
  it('restores a corrupt file from its previous version and corrects the count', async () => {
    let lib = await temp.open();
    const doc = await importOne(lib);
    await withHighlights(lib, doc, ['eight o', 'six batteries']);
    await withHighlights(lib, doc, ['Mestechki']);
    const backup = JSON.parse(await fs.readFile(lib.paths.annotationsBackupFile(doc.id), 'utf8'));
    expect(backup.highlights).toHaveLength(2);
    lib = await temp.open();
    await fs.writeFile(lib.paths.annotationsFile(doc.id), '{"schemaVersion": 1, "highlights": [');
    const notices = noticesOf(lib);
    const opened = await lib.documents.openDocument(doc.id);
    expect(opened?.highlights.map((h) => h.quote.exact)).toEqual(['eight o', 'six batteries']);
    expect(opened?.summary.highlightCount).toBe(2);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.message).toContain('restored from backups/annotations (2 highlights)');
    const restored = JSON.parse(await fs.readFile(lib.paths.annotationsFile(doc.id), 'utf8'));
    expect(restored.highlights).toHaveLength(2);
  });

  it("replays the log's changes onto the backup, keeps the log aside, and goes on logging", async () => {
    let lib = await temp.open();
    const doc = await importOne(lib);
    await withHighlights(lib, doc, ['eight o', 'six batteries']);
    await withHighlights(lib, doc, ['Mestechki']);
    // Since the last fold, in the log only: one highlight added, one removed, the position moved.
    const added = await lib.highlights.addHighlight(doc.id, quote(doc, 'twentieth of May'));
    const first = (await lib.annotations.read(doc.id)).highlights[0];
    if (!added.ok || first === undefined) throw new Error('setup failed');
    await lib.highlights.deleteHighlight(doc.id, first.id);
    const position = { section: 0, offset: 3, quote: 'evening', progress: 0.5 };
    await lib.documents.saveReadingPosition(doc.id, position);
    lib = await temp.open();
    await fs.writeFile(lib.paths.annotationsFile(doc.id), '{"schemaVersion": 3, "highlights": [');
    const notices = noticesOf(lib);
    const opened = await lib.documents.openDocument(doc.id);
    // 'Mestechki' was folded into the corrupt file only (it stays in the file moved aside).
    expect(opened?.highlights.map((h) => h.quote.exact)).toEqual(['six batteries', 'twentieth of May']);
    expect(opened?.position).toEqual(position);
    expect(opened?.summary.highlightCount).toBe(2);
    expect(notices.map((notice) => notice.message)).toEqual([
      expect.stringContaining(
        'with the 3 changes made since it was last saved whole replayed onto it (2 highlights)',
      ),
    ]);
    const names = await fs.readdir(lib.paths.annotationsDir);
    expect(names.filter((name) => name.startsWith(`${doc.id}.log.corrupt-`))).toHaveLength(1);
    expect(await lib.highlights.addHighlight(doc.id, quote(doc, 'Reserve Artillery'))).toMatchObject({
      ok: true,
    });
    lib = await temp.open();
    const reopened = await lib.documents.openDocument(doc.id);
    expect(reopened?.highlights).toHaveLength(3);
    // No second recovery: only the first one's notice, listed again until the user dismisses it.
    expect(lib.app.getLibraryInfo().notices.map((notice) => notice.message)).toEqual(
      notices.map((notice) => notice.message),
    );
  });

  it('keeps the changes since the last save when there is no backup, and says the earlier ones are missing', async () => {
    let lib = await temp.open();
    const doc = await importOne(lib);
    await withHighlights(lib, doc, ['eight o']); // the first save whole: nothing to back up yet
    expect(await lib.highlights.addHighlight(doc.id, quote(doc, 'Mestechki'))).toMatchObject({ ok: true });
    lib = await temp.open();
    await fs.writeFile(lib.paths.annotationsFile(doc.id), 'not json');
    const opened = await lib.documents.openDocument(doc.id);
    expect(opened?.highlights.map((h) => h.quote.exact)).toEqual(['Mestechki']);
    expect(lib.app.getLibraryInfo().notices[0]?.message).toContain(
      'no readable backup of it was found; the 1 change made since it was last saved whole was kept (1 highlight), earlier ones are missing.',
    );
  });

  it('replays in full a log that holds every change, and keeps aside a log whose file is gone', async () => {
    let lib = await temp.open();
    const doc = await importOne(lib);
    expect(await lib.highlights.addHighlight(doc.id, quote(doc, 'Mestechki'))).toMatchObject({ ok: true });
    lib = await temp.open();
    await fs.writeFile(lib.paths.annotationsFile(doc.id), 'not json');
    expect((await lib.documents.openDocument(doc.id))?.highlights).toHaveLength(1);
    expect(lib.app.getLibraryInfo().notices[0]?.message).toContain(
      'its log held every change made to them, replayed in full (1 highlight)',
    );
    // The file removed outside Lectern: its log (naming it) is not replayed onto nothing, and the
    // next change keeps it aside before starting a new one.
    expect(await lib.highlights.addHighlight(doc.id, quote(doc, 'six batteries'))).toMatchObject({
      ok: true,
    });
    lib = await temp.open();
    await fs.rm(lib.paths.annotationsFile(doc.id));
    const oldLog = await fs.readFile(lib.paths.annotationsLogFile(doc.id));
    expect(await lib.highlights.addHighlight(doc.id, quote(doc, 'eight o'))).toMatchObject({ ok: true });
    expect(lib.app.getLibraryInfo().notices.at(-1)?.message).toMatch(
      /file of document .* was missing beside its log of changes to it; the log was kept as .*\.log\.corrupt-/,
    );
    // The newest: the first recovery kept the log it replayed too.
    const kept = (await fs.readdir(lib.paths.annotationsDir))
      .filter((name) => name.includes('.log.corrupt-'))
      .toSorted()
      .at(-1);
    expect(await fs.readFile(`${lib.paths.annotationsDir}/${kept}`)).toEqual(oldLog);
  });

  it('starts empty, says so and zeroes the count when there is no good backup', async () => {
    let lib = await temp.open();
    const doc = await importOne(lib);
    await withHighlights(lib, doc, ['Mestechki']);
    lib = await temp.open();
    await fs.writeFile(lib.paths.annotationsFile(doc.id), 'not json');
    const opened = await lib.documents.openDocument(doc.id);
    expect(opened?.highlights).toEqual([]);
    expect(lib.documents.findDocument(doc.id)?.highlightCount).toBe(0);
    expect(lib.app.getLibraryInfo().notices[0]?.message).toContain('no readable backup of it was found');
  });

  it('ignores a corrupt backup; a change in the log leaves the file and its backup as they were', async () => {
    let lib = await temp.open();
    const doc = await importOne(lib);
    await withHighlights(lib, doc, ['eight o']);
    await withHighlights(lib, doc, ['six batteries']);
    const before = await fs.readFile(lib.paths.annotationsBackupFile(doc.id), 'utf8');
    const file = await fs.readFile(lib.paths.annotationsFile(doc.id), 'utf8');
    const position = { section: 0, offset: 3, quote: 'evening', progress: 0.5 };
    expect(await lib.documents.saveReadingPosition(doc.id, position)).toMatchObject({ ok: true });
    expect(await fs.readFile(lib.paths.annotationsBackupFile(doc.id), 'utf8')).toBe(before);
    expect(await fs.readFile(lib.paths.annotationsFile(doc.id), 'utf8')).toBe(file);
    lib = await temp.open();
    await fs.writeFile(lib.paths.annotationsBackupFile(doc.id), '{');
    await fs.writeFile(lib.paths.annotationsFile(doc.id), '[]');
    expect((await lib.documents.openDocument(doc.id))?.highlights).toEqual([]);
  });

  it('still saves the highlight when its backup cannot be written', async () => {
    const fsys = new FaultFileSystem();
    const lib = await temp.open({ fileSystem: fsys });
    const doc = await importOne(lib);
    await withHighlights(lib, doc, ['eight o']);
    fsys.inject({ step: 'write', effect: 'ENOSPC', pathIncludes: 'backups', persistent: true });
    const added = await lib.highlights.addHighlight(doc.id, quote(doc, 'Mestechki'));
    expect(added).toMatchObject({ ok: true });
    await lib.annotations.fold(doc.id);
    expect((await lib.annotations.read(doc.id)).highlights).toHaveLength(2);
    expect((await storedAnnotations(lib.paths.root, doc.id)).highlights).toHaveLength(2);
  });
});
