/**
 * Bad conditions: a full disk at start (the backup taken at open fails) opens the library anyway
 * and says so; an undo that fails as well is finished before the next operation.
 */
import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { FaultFileSystem } from './storage/fault-file-system';
import { bytes, useTempLibrary } from './test-support';

const temp = useTempLibrary();
const TEXT =
  '# Bezhin Meadow\n\nIt was a glorious July day, one of those days which only come after many days of fine weather.';

describe('opening on a full disk', () => {
  it('opens without the backup, says the disk is full, and keeps every document', async () => {
    const first = await temp.open();
    await first.documents.importFiles([{ name: 'bezhin.md', bytes: bytes(TEXT) }]);
    const backupsBefore = await fs.readdir(first.paths.backupsDir);
    const fsys = new FaultFileSystem();
    fsys.inject({ step: 'write', effect: 'ENOSPC', pathIncludes: 'backups', persistent: true });
    const lib = await temp.open({ fileSystem: fsys });
    expect(lib.documents.listDocuments().map((doc) => doc.title)).toEqual(['Bezhin Meadow']);
    expect(lib.app.getLibraryInfo().notices).toEqual([
      expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^The disk is full/) }),
    ]);
    expect(await fs.readdir(lib.paths.backupsDir)).toEqual(backupsBefore);
  });

  it('names another I/O error of the backup, and still opens', async () => {
    await temp.open();
    const fsys = new FaultFileSystem();
    fsys.inject({ step: 'rename', effect: 'EIO', pathIncludes: 'backups' });
    const lib = await temp.open({ fileSystem: fsys });
    expect(lib.app.getLibraryInfo().notices[0]?.message).toContain('could not back up library.json (EIO)');
  });
});

describe('an undo that fails too', () => {
  it('is settled before the next operation, so the document is whole again', async () => {
    const fsys = new FaultFileSystem();
    const lib = await temp.open({ fileSystem: fsys });
    const [outcome] = (await lib.documents.importFiles([{ name: 'bezhin.md', bytes: bytes(TEXT) }])).outcomes;
    if (outcome?.status !== 'imported') throw new Error('setup');
    const { id } = outcome.document;
    fsys.inject({ step: 'rename', effect: 'EIO', pathIncludes: 'library.json.lectern-tmp' });
    // The body's second move (back out of the trash, undoing the delete) fails as well.
    fsys.inject({ step: 'rename', effect: 'EIO', pathIncludes: `${id}.md -> `, nth: 2 });
    expect(await lib.documents.deleteDocument(id)).toMatchObject({ ok: false, code: 'io' });
    expect(lib.documents.findDocument(id)).not.toBeNull();
    expect(await lib.documents.openDocument(id)).toBeNull();
    expect(await fs.readdir(lib.paths.journalDir)).toHaveLength(1);
    const other = await lib.documents.importFiles([
      { name: 'kasyan.md', bytes: bytes(`${TEXT}\n\nKasyan.`) },
    ]);
    expect(other.outcomes[0]?.status).toBe('imported');
    expect((await lib.documents.openDocument(id))?.markdown).toContain('glorious July day');
    expect(await fs.readdir(lib.paths.journalDir)).toEqual([]);
    expect(await lib.documents.listTrash()).toEqual([]);
  });
});
