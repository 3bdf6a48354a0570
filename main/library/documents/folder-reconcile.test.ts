/**
 * library.json restored from a backup is reconciled with the folder: documents imported after
 * the backup come back (records rebuilt from their bodies), ones deleted after it stay in the
 * trash, ones with no file anywhere leave the list; the notice says all of it.
 */
import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../../preload/api';
import { type ConversionJob, type Converter, inProcessConverter } from '../import/conversion';
import { refuse } from '../import/decode';
import type { Library } from '../library';
import { bytes, useTempLibrary } from '../test-support';

const temp = useTempLibrary();

const GOOSEBERRIES = '# Gooseberries\n\nThe whole sky had been overcast with rain-clouds from early morning.';
const DARLING = '# The Darling\n\nOlenka, the daughter of the retired collegiate assessor, Plemyannikov, was sitting in her back porch.';
const STEPPE = '# The Steppe\n\nEarly one morning in July a shabby covered chaise drove out of N., a district town.';
const PLAIN_BISHOP = `The Bishop\nby Anton Chekhov\n\nOn the eve of Palm Sunday there was an all-night service in the Old Convent.`;
const STUDENT = '# The Student\n\nAt first the weather was fine and still. The thrushes were calling.';

async function imported(lib: Library, name: string, text: string): Promise<DocumentSummary> {
  const [outcome] = (await lib.documents.importFiles([{ name, bytes: bytes(text) }])).outcomes;
  if (outcome?.status !== 'imported') throw new Error(`setup: ${JSON.stringify(outcome)}`);
  return outcome.document;
}

describe('restoring library.json from a backup', () => {
  it('brings back what the folder proves and says so in the notice', async () => {
    let lib = await temp.open();
    const kept = await imported(lib, 'gooseberries.md', GOOSEBERRIES);
    const deletedLater = await imported(lib, 'darling.md', DARLING);
    const bodyLost = await imported(lib, 'steppe.md', STEPPE);
    lib = await temp.open(); // the backup taken here lists the three
    const bishop = await imported(lib, 'bishop.txt', PLAIN_BISHOP);
    const student = await imported(lib, 'student.md', STUDENT);
    const exact = 'Palm Sunday';
    const highlight = await lib.highlights.addHighlight(bishop.id, {
      color: 'yellow',
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start: 40, end: 40 + exact.length },
      anchoredVersion: bishop.textVersion,
    });
    expect(highlight.ok).toBe(true);
    expect(await lib.documents.deleteDocument(deletedLater.id)).toEqual({ ok: true, value: null });
    await fs.rm(lib.paths.documentFile(bodyLost.id));
    await lib.close();
    await fs.writeFile(lib.paths.libraryJson, '{"schemaVersion": 2, "documents": {');

    lib = await temp.open();
    const listed = lib.documents.listDocuments();
    expect(listed.map((doc) => doc.id).toSorted()).toEqual([kept.id, bishop.id, student.id].toSorted());
    const [notice] = lib.app.getLibraryInfo().notices;
    expect(notice?.message).toMatch(/restored from the backup library-[^ ]+\.json\./);
    expect(notice?.message).toContain(
      '2 documents found in the folder were added back; 1 document deleted after the backup stays in the trash; ' +
        '1 listed document has no file and was taken off the list.',
    );
    expect((await lib.documents.listTrash()).map((entry) => entry.id)).toEqual([deletedLater.id]);

    const rebuiltBishop = lib.documents.findDocument(bishop.id);
    // Rebuilt from the stored markdown: the title is its first line (the byline joined to it).
    expect(rebuiltBishop).toMatchObject({
      title: 'The Bishop by Anton Chekhov',
      highlightCount: 1,
      textVersion: bishop.textVersion,
    });
    expect(lib.documents.findDocument(student.id)).toMatchObject({ title: 'The Student', highlightCount: 0 });
    expect((await lib.documents.openDocument(bishop.id))?.highlights).toHaveLength(1);
    const again = await lib.documents.importFiles([{ name: 'bishop.txt', bytes: bytes(PLAIN_BISHOP) }]);
    expect(again.outcomes[0]?.status).toBe('duplicate');

    lib = await temp.open(); // the rebuilt records were written
    expect(lib.documents.listDocuments()).toHaveLength(3);
  });

  it('rebuilds the whole list from the folder when no backup can be read', async () => {
    let lib = await temp.open();
    await imported(lib, 'gooseberries.md', GOOSEBERRIES);
    await imported(lib, 'student.md', STUDENT);
    await lib.close();
    await fs.rm(lib.paths.backupsDir, { recursive: true });
    await fs.writeFile(lib.paths.libraryJson, 'garbage');
    await fs.writeFile(lib.paths.documentFile('00000000000000ff'), '   \n');
    lib = await temp.open();
    expect(lib.documents.listDocuments().map((doc) => doc.title).toSorted()).toEqual(['Gooseberries', 'The Student']);
    const [notice] = lib.app.getLibraryInfo().notices;
    expect(notice).toMatchObject({ level: 'error' });
    expect(notice?.message).toContain(
      '2 documents found in the folder were added back; 1 file in documents/ could not be read and was left there.',
    );
  });

  it('converts the bodies it finds with the library’s converter (worker threads in the app), not on its own thread', async () => {
    let lib = await temp.open();
    await imported(lib, 'gooseberries.md', GOOSEBERRIES);
    lib = await temp.open(); // the backup lists Gooseberries
    const student = await imported(lib, 'student.md', STUDENT);
    const darling = await imported(lib, 'darling.md', DARLING);
    await lib.close();
    await fs.writeFile(lib.paths.libraryJson, 'garbage');

    // The worker stands in here: the jobs it was given, and a crash for The Darling's body.
    const jobs: { fileName: string; text: string }[] = [];
    const converter: Converter = (job: ConversionJob) => {
      jobs.push({ fileName: job.fileName, text: new TextDecoder().decode(job.bytes).trimEnd() });
      return job.fileName.startsWith(darling.id)
        ? Promise.resolve(refuse('internal', `“${job.fileName}” could not be converted (the converter stopped).`))
        : inProcessConverter(job);
    };
    lib = await temp.open({ converter });
    expect(jobs.toSorted((a, b) => a.fileName.localeCompare(b.fileName))).toEqual(
      [
        { fileName: `${student.id}.md`, text: STUDENT },
        { fileName: `${darling.id}.md`, text: DARLING },
      ].toSorted((a, b) => a.fileName.localeCompare(b.fileName)),
    );
    expect(lib.documents.findDocument(student.id)).toMatchObject({
      title: 'The Student',
      textVersion: student.textVersion,
      wordCount: student.wordCount,
    });
    // A body the converter refused stays in the folder, off the list, and the notice counts it.
    expect(lib.documents.findDocument(darling.id)).toBeNull();
    expect((await fs.readFile(lib.paths.documentFile(darling.id), 'utf8')).trimEnd()).toBe(DARLING);
    expect(lib.app.getLibraryInfo().notices[0]?.message).toContain(
      '1 document found in the folder was added back; 1 file in documents/ could not be read and was left there.',
    );
  });
});
