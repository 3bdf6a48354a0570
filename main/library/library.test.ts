import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Library, LibraryLockedError, openLibrary } from './library';
import { SAMPLE_DOCUMENTS_DIR, bytes, makeTempDir, removeDir, useTempLibrary } from './test-support';

const temp = useTempLibrary();

const open = (options: { seedDir?: string } = {}): Promise<Library> => temp.open(options);
const reopen = (): Promise<Library> => temp.open();

const listDir = async (dir: string) => (await fs.readdir(path.join(temp.root, dir))).toSorted();

describe('importing', () => {
  it('imports markdown and text, storing bodies outside library.json', async () => {
    const lib = await open();
    const report = await lib.documents.importFiles([
      {
        name: 'essay.md',
        bytes: bytes('---\ntitle: An Essay\nauthor: Me\n---\n# Heading\n\nSome words here.\n'),
      },
      { name: 'notes.txt', bytes: bytes('Plain notes\n\n1. not a list * really\n') },
    ]);
    expect(report.outcomes.map((o) => o.status)).toEqual(['imported', 'imported']);
    const [essay, notes] = report.outcomes;
    if (essay?.status !== 'imported' || notes?.status !== 'imported') throw new Error('unreachable');
    expect(essay.document).toMatchObject({
      title: 'An Essay',
      author: 'Me',
      source: 'essay.md',
      wordCount: 4,
      readingMinutes: 1,
      highlightCount: 0,
    });
    expect(essay.document.id).toMatch(/^[0-9a-f]{16}$/);
    expect(notes.document).toMatchObject({
      title: 'Plain notes',
      author: null,
      excerpt: '1. not a list * really',
    });
    const opened = await lib.documents.openDocument(notes.document.id);
    // The first line is the title: an h1, so the reader shows it once.
    expect(opened?.markdown).toBe('# Plain notes\n\n1\\. not a list \\* really\n');
    const libraryJson = await fs.readFile(path.join(temp.root, 'library.json'), 'utf8');
    expect(libraryJson).not.toContain('# Heading');
    expect(await listDir('documents')).toEqual(
      [`${essay.document.id}.md`, `${notes.document.id}.md`].toSorted(),
    );
  });

  it('refuses bad files without stopping the batch or leaving anything behind', async () => {
    const lib = await open();
    const report = await lib.documents.importFiles([
      { name: 'empty.txt', bytes: new Uint8Array(0) },
      { name: 'good-1.txt', bytes: bytes('first good file') },
      { name: 'blank.md', bytes: bytes('  \n\t\n') },
      { name: 'bom.txt', bytes: new Uint8Array([0xef, 0xbb, 0xbf]) },
      { name: 'nul.txt', bytes: new Uint8Array([0x61, 0x00, 0x62]) },
      { name: 'broken-bom.txt', bytes: new Uint8Array([0xef, 0xbb, 0xbf, 0x63, 0x61, 0x66, 0xe9]) },
      { name: 'picture.png', bytes: bytes('png') },
      { name: 'good-2.md', bytes: bytes('# second good file') },
    ]);
    const codes = report.outcomes.map((o) => (o.status === 'refused' ? o.code : o.status));
    expect(codes).toEqual([
      'empty',
      'imported',
      'empty',
      'empty',
      'binary',
      'bad-encoding',
      'unsupported-type',
      'imported',
    ]);
    const refused = report.outcomes.find((o) => o.file === 'empty.txt');
    expect(refused).toMatchObject({ message: '“empty.txt” is empty.' });
    expect(await listDir('documents')).toHaveLength(2);
    expect(await lib.documents.listDocuments()).toHaveLength(2);
  });

  it('imports paths: missing paths are unreadable, > 50 MB is too large (sparse file)', async () => {
    const lib = await open();
    const dir = await makeTempDir('lectern-src-');
    try {
      const big = path.join(dir, 'huge.txt');
      const handle = await fs.open(big, 'w');
      await handle.truncate(50 * 1024 * 1024 + 1);
      await handle.close();
      await fs.writeFile(path.join(dir, 'ok.md'), '# Fine\n\ntext');
      const report = await lib.documents.importPaths([
        path.join(dir, 'missing.txt'),
        big,
        path.join(dir, 'ok.md'),
        dir + '.txt',
      ]);
      const codes = report.outcomes.map((o) => (o.status === 'refused' ? o.code : o.status));
      expect(codes).toEqual(['unreadable', 'too-large', 'imported', 'unreadable']);
      expect(report.outcomes[0]?.file).toBe('missing.txt');
      expect(await listDir('documents')).toHaveLength(1);
    } finally {
      await removeDir(dir);
    }
  });

  it('reports duplicates: the same file twice, and CRLF vs LF text', async () => {
    const lib = await open();
    const first = await lib.documents.importFiles([{ name: 'a.txt', bytes: bytes('line one\nline two\n') }]);
    const report = await lib.documents.importFiles([
      { name: 'a.txt', bytes: bytes('line one\nline two\n') },
      { name: 'a-windows.txt', bytes: bytes('line one\r\nline two\r\n') },
      { name: 'new.txt', bytes: bytes('new text') },
      { name: 'new-again.txt', bytes: bytes('\uFEFFnew text\n\n') },
    ]);
    const firstId = first.outcomes[0]?.status === 'imported' ? first.outcomes[0].document.id : '';
    expect(report.outcomes.map((o) => o.status)).toEqual(['duplicate', 'duplicate', 'imported', 'duplicate']);
    expect(report.outcomes[0]).toMatchObject({ document: { id: firstId } });
    expect(await lib.documents.listDocuments()).toHaveLength(2);
  });

  it('seeds a new library with the welcome guide and the sample article, each shown by its title', async () => {
    const lib = await open({ seedDir: SAMPLE_DOCUMENTS_DIR });
    const seeded = await lib.documents.listDocuments();
    const byTitle = new Map(seeded.map((doc) => [doc.title, doc]));
    expect([...byTitle.keys()].toSorted()).toEqual([
      'Putin and Pashinian Meet in the Kremlin',
      'Welcome to Lectern',
    ]);
    const sample = byTitle.get('Putin and Pashinian Meet in the Kremlin');
    expect(sample?.excerpt).toMatch(
      /^Russian President Vladimir Putin met with Armenian Prime Minister Nikol Pashinian on Wednesday/,
    );
    expect(sample?.excerpt.length).toBeLessThanOrEqual(241);
    expect(byTitle.get('Welcome to Lectern')?.author).toBe('The Lectern team');
    await lib.close();
  });
});

describe('storage', () => {
  it('keeps documents, settings, position and progress across close and reopen', async () => {
    let lib = await open();
    const report = await lib.documents.importFiles([
      { name: 'story.md', bytes: bytes('# Story\n\nOnce upon a time.') },
    ]);
    const id = report.outcomes[0]?.status === 'imported' ? report.outcomes[0].document.id : '';
    const position = { section: 2, offset: 40, quote: 'upon a time', progress: 0.5 };
    expect(await lib.documents.saveReadingPosition(id, position)).toEqual({ ok: true, value: null });
    expect(await lib.settings.updateSettings({ theme: 'sepia', fontSize: 20 })).toMatchObject({
      ok: true,
      value: { theme: 'sepia', fontSize: 20, font: 'serif' },
    });
    expect(await lib.documents.renameDocument(id, '  Renamed  ')).toMatchObject({
      ok: true,
      value: { title: 'Renamed' },
    });
    lib = await reopen();
    const [summary] = await lib.documents.listDocuments();
    expect(summary).toMatchObject({ id, title: 'Renamed', progress: 0.5 });
    expect(summary?.openedAt).not.toBeNull();
    expect(await lib.settings.getSettings()).toMatchObject({ theme: 'sepia', fontSize: 20 });
    const opened = await lib.documents.openDocument(id);
    expect(opened).toMatchObject({ markdown: '# Story\n\nOnce upon a time.\n', position });
    expect(await lib.documents.openDocument('0000000000000000')).toBeNull();
    expect(await lib.documents.saveReadingPosition('0000000000000000', position)).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });

  it('coalesces a burst of position saves and keeps the last', async () => {
    let lib = await open();
    const report = await lib.documents.importFiles([{ name: 's.txt', bytes: bytes('some text') }]);
    const id = report.outcomes[0]?.status === 'imported' ? report.outcomes[0].document.id : '';
    const saves = Array.from({ length: 50 }, (_, i) =>
      lib.documents.saveReadingPosition(id, { section: 0, offset: i, quote: 'q', progress: i / 49 }),
    );
    await Promise.all(saves);
    lib = await reopen();
    expect((await lib.documents.openDocument(id))?.position?.offset).toBe(49);
    expect((await lib.documents.listDocuments())[0]?.progress).toBe(1);
  });

  it('seeds a new library once, not again after everything is deleted', async () => {
    let lib = await open({ seedDir: SAMPLE_DOCUMENTS_DIR });
    const seeded = await lib.documents.listDocuments();
    expect(seeded.length).toBeGreaterThan(0);
    for (const doc of seeded)
      expect(await lib.documents.deleteDocument(doc.id)).toEqual({ ok: true, value: null });
    await lib.close();
    lib = await open({ seedDir: SAMPLE_DOCUMENTS_DIR });
    expect(await lib.documents.listDocuments()).toEqual([]);
  });

  it('lets one process own a library at a time', async () => {
    const lib = await open();
    await expect(openLibrary({ root: temp.root })).rejects.toBeInstanceOf(LibraryLockedError);
    await lib.close();
    expect(await (await temp.open()).documents.listDocuments()).toEqual([]);
  });
});

describe('trash', () => {
  it('moves a document to the trash and back, files included', async () => {
    const lib = await open();
    const report = await lib.documents.importFiles([
      { name: 'a.md', bytes: bytes('# A\n\ntext a') },
      { name: 'b.md', bytes: bytes('# B\n\ntext b') },
    ]);
    const [a, b] = report.outcomes.map((o) => (o.status === 'imported' ? o.document.id : ''));
    if (a === undefined || b === undefined) throw new Error('unreachable');
    await lib.documents.saveReadingPosition(a, { section: 0, offset: 3, quote: 'text', progress: 0.25 });
    expect(await lib.documents.deleteDocument(a)).toEqual({ ok: true, value: null });
    expect(await lib.documents.deleteDocument(b)).toEqual({ ok: true, value: null });
    expect(await lib.documents.deleteDocument(a)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await lib.documents.listDocuments()).toEqual([]);
    expect(await listDir('documents')).toEqual([]);
    expect(await listDir('annotations')).toEqual([]);
    // The position saved is the one change to A's annotations: a log with no file written whole yet.
    expect(await listDir(`trash/${a}`)).toEqual([`${a}.log`, `${a}.md`, 'record.json']);
    expect((await lib.documents.listTrash()).map((t) => t.title)).toEqual(['B', 'A']);

    const restored = await lib.documents.restoreDocument(a);
    expect(restored).toMatchObject({ ok: true, value: { id: a, title: 'A', progress: 0.25 } });
    expect(await lib.documents.restoreDocument(a)).toMatchObject({ ok: false });
    expect(await lib.documents.restoreDocument('0123456789abcdef')).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect(await listDir('documents')).toEqual([`${a}.md`]);
    expect((await lib.documents.openDocument(a))?.position?.offset).toBe(3);
    expect((await lib.documents.listTrash()).map((t) => t.id)).toEqual([b]);
    expect(await listDir('trash')).toEqual([b]);
  });
});
