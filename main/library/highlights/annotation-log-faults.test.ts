/**
 * The annotations log under faults: a full disk on append, a torn record, a damaged one, a crash
 * at every step of folding the log into the file, another process's lock. Each time a reopen reads
 * exactly the changes that were answered as saved, and the library still takes new ones.
 */
import fs from 'node:fs/promises';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { DocumentSummary, NewHighlight } from '../../../preload/api';
import type { Library } from '../library';
import { FaultFileSystem } from '../storage/fault-file-system';
import { type FileSystem, nodeFileSystem } from '../storage/file-system';
import { frameRecord } from '../storage/record-log';
import { otherOwner, useTempLibrary } from '../test-support';
import { AnnotationFiles } from './annotations';
import { annotationFiles, highlightOf, importText, storedAnnotations } from './test-annotations';
import { peekAnnotations } from './annotation-log';

const temp = useTempLibrary();
const TEXT = `# The Steppe

Early one morning in July a shabby covered chaise drove out of N., a district town of the
province of Z., and rolled noisily along the posting-track.`;
const QUOTES = ['Early one morning', 'shabby covered chaise', 'district town', 'posting-track'];

// A dead process's unfinished writes are logged by the core; here they say nothing.
beforeAll(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));

const importOne = (lib: Library): Promise<DocumentSummary> => importText(lib, 'steppe.md', TEXT);

const quote = (doc: DocumentSummary, exact: string): NewHighlight => highlightOf(TEXT, doc, exact, 'green');

const ignoreNotice = (): void => undefined;
const position = (progress: number) => ({ section: 0, offset: 0, quote: '', progress });

async function add(lib: Library, doc: DocumentSummary, exact: string): Promise<void> {
  const added = await lib.highlights.addHighlight(doc.id, quote(doc, exact));
  if (!added.ok) throw new Error(added.message);
}

const quotesIn = async (lib: Library, id: string) =>
  ((await lib.documents.openDocument(id))?.highlights ?? []).map((h) => h.quote.exact);

describe('the annotations log', () => {
  it('refuses a change when the disk is full, and a reopen has nothing of it', async () => {
    const faults = new FaultFileSystem();
    let lib = await temp.open({ fileSystem: faults });
    const doc = await importOne(lib);
    await add(lib, doc, QUOTES[0] ?? '');
    const before = await annotationFiles(lib.paths.root, doc.id);
    faults.inject({ step: 'write', effect: 'ENOSPC', pathIncludes: `${doc.id}.log`, persistent: true });
    const refused = await lib.highlights.addHighlight(doc.id, quote(doc, QUOTES[1] ?? ''));
    expect(refused).toMatchObject({ ok: false, code: 'disk-full' });
    expect(await annotationFiles(lib.paths.root, doc.id)).toEqual(before);
    expect(await quotesIn(lib, doc.id)).toEqual([QUOTES[0]]);
    faults.clear();
    await add(lib, doc, QUOTES[2] ?? '');
    lib = await temp.open();
    expect(await quotesIn(lib, doc.id)).toEqual([QUOTES[0], QUOTES[2]]);
  });

  it('drops a torn last record without a word, and appends after the whole ones', async () => {
    let lib = await temp.open();
    const doc = await importOne(lib);
    await add(lib, doc, QUOTES[0] ?? '');
    await add(lib, doc, QUOTES[1] ?? '');
    await lib.close();
    const torn = frameRecord(JSON.stringify({ removed: ['0000000000000000'] }));
    await fs.appendFile(lib.paths.annotationsLogFile(doc.id), torn.subarray(0, torn.length - 3));
    lib = await temp.open();
    expect(await quotesIn(lib, doc.id)).toEqual([QUOTES[0], QUOTES[1]]);
    await add(lib, doc, QUOTES[2] ?? '');
    expect(lib.app.getLibraryInfo().notices).toEqual([]);
    lib = await temp.open();
    expect(await quotesIn(lib, doc.id)).toEqual(QUOTES.slice(0, 3));
  });

  it('keeps what comes before a damaged record, and says that later changes are missing', async () => {
    let lib = await temp.open();
    const doc = await importOne(lib);
    for (const exact of QUOTES.slice(0, 3)) await add(lib, doc, exact);
    await lib.close();
    const logFile = lib.paths.annotationsLogFile(doc.id);
    const log = await fs.readFile(logFile);
    // The second change's record: a byte flipped in the middle of the file (a bad sector, not a crash).
    const second = log.indexOf(QUOTES[1] ?? '');
    log.writeUInt8(log.readUInt8(second) ^ 0x20, second);
    await fs.writeFile(logFile, log);
    lib = await temp.open();
    expect(await quotesIn(lib, doc.id)).toEqual([QUOTES[0]]);
    expect(lib.app.getLibraryInfo().notices[0]?.message).toContain(`annotations/${doc.id}.log is damaged`);
    expect(lib.catalog.get(doc.id)?.highlightCount).toBe(1);
    await add(lib, doc, QUOTES[3] ?? '');
    lib = await temp.open();
    expect(await quotesIn(lib, doc.id)).toEqual([QUOTES[0], QUOTES[3]]);
  });

  it('writes the file whole when its log was removed outside, and a reopen has every change', async () => {
    let lib = await temp.open();
    const doc = await importOne(lib);
    for (const exact of QUOTES.slice(0, 2)) await add(lib, doc, exact);
    await fs.rm(lib.paths.annotationsLogFile(doc.id));
    await add(lib, doc, QUOTES[2] ?? '');
    lib = await temp.open();
    expect(await quotesIn(lib, doc.id)).toEqual(QUOTES.slice(0, 3));
  });

  it('is read whole by an index that reads it while the owner folds it', async () => {
    const lib = await temp.open();
    const doc = await importOne(lib);
    for (const exact of QUOTES.slice(0, 2)) await add(lib, doc, exact);
    // The fold runs between the index's two reads (whichever it reads first), as it can in the app.
    let folding: Promise<void> | null = null;
    const between: FileSystem = {
      ...nodeFileSystem,
      readFile: async (file) => {
        const read = nodeFileSystem.readFile(file);
        await read.catch(() => undefined);
        folding ??= lib.annotations.fold(doc.id);
        await folding;
        return read;
      },
    };

    const peeked = await peekAnnotations(between, lib.paths, doc.id);

    expect(folding).not.toBeNull();
    expect(peeked?.highlights.map((h) => h.quote.exact)).toEqual(QUOTES.slice(0, 2));
  });

  it('folds the log into the file past its limit; a crash at any step of it loses nothing', async () => {
    let lib = await temp.open();
    const doc = await importOne(lib);
    for (const exact of QUOTES.slice(0, 2)) await add(lib, doc, exact);
    await lib.close();
    let folded = false;
    for (let calls = 1; !folded; calls++) {
      const faults = new FaultFileSystem();
      lib = await temp.open({ fileSystem: faults });
      await lib.annotations.read(doc.id);
      faults.crashAfter(calls);
      await lib.annotations.fold(doc.id).catch(() => undefined);
      folded = !faults.killed;
      await lib.close().catch(() => undefined);
      lib = await temp.open();
      expect(await quotesIn(lib, doc.id)).toEqual(QUOTES.slice(0, 2));
      expect(lib.app.getLibraryInfo().notices).toEqual([]);
      await lib.close();
    }
    // Folded: the file holds both, and the log only its header (what it extends).
    const file = JSON.parse(await fs.readFile(lib.paths.annotationsFile(doc.id), 'utf8'));
    expect(file.highlights).toHaveLength(2);
    expect((await fs.stat(lib.paths.annotationsLogFile(doc.id))).size).toBeLessThan(100);
    lib = await temp.open();
    await add(lib, doc, QUOTES[2] ?? '');
    expect((await storedAnnotations(lib.paths.root, doc.id)).highlights).toHaveLength(3);
  });

  it('folds the log into the file after the answer once it holds its limit of changes', async () => {
    const lib = await temp.open();
    const doc = await importOne(lib);
    const files = new AnnotationFiles(
      {
        fsys: nodeFileSystem,
        paths: lib.paths,
        now: () => new Date(),
        notify: ignoreNotice,
        tellOfChange: (_notice, _file, commit) => commit(),
      },
      { records: 2, bytes: 1 << 20 },
    );
    const save = (progress: number) =>
      files.modify(doc.id, (data) => ({ next: { ...data, position: position(progress) }, result: null }));
    await save(0.1);
    await save(0.2);
    await files.flushAll();
    const file = JSON.parse(await fs.readFile(lib.paths.annotationsFile(doc.id), 'utf8'));
    expect(file.position).toEqual(position(0.2));
    await save(0.3);
    expect((await storedAnnotations(lib.paths.root, doc.id)).position).toEqual(position(0.3));
  });

  it('moves the log to the trash with the file, and back', async () => {
    const lib = await temp.open();
    const doc = await importOne(lib);
    for (let i = 0; i < 3; i++) {
      await lib.documents.saveReadingPosition(doc.id, { section: 0, offset: i, quote: '', progress: i / 10 });
    }
    await add(lib, doc, QUOTES[0] ?? '');
    const files = await annotationFiles(lib.paths.root, doc.id);
    expect(await lib.documents.deleteDocument(doc.id)).toEqual({ ok: true, value: null });
    expect(await annotationFiles(lib.paths.root, doc.id)).toEqual([null, null]);
    expect(await fs.readdir(lib.paths.trashEntryDir(doc.id))).toContain(`${doc.id}.log`);
    expect(await lib.documents.restoreDocument(doc.id)).toMatchObject({ ok: true });
    expect(await annotationFiles(lib.paths.root, doc.id)).toEqual(files);
    expect(await quotesIn(lib, doc.id)).toEqual([QUOTES[0]]);
    expect((await lib.documents.openDocument(doc.id))?.summary.progress).toBe(0.2);
  });

  it('refuses to append when another process holds the lock', async () => {
    const lib = await temp.open();
    const doc = await importOne(lib);
    await add(lib, doc, QUOTES[0] ?? '');
    const before = await annotationFiles(lib.paths.root, doc.id);
    await fs.writeFile(lib.paths.lockFile, JSON.stringify(await otherOwner()));
    const refused = await lib.highlights.addHighlight(doc.id, quote(doc, QUOTES[1] ?? ''));
    expect(refused).toMatchObject({ ok: false, code: 'read-only' });
    expect(await annotationFiles(lib.paths.root, doc.id)).toEqual(before);
  });
});
