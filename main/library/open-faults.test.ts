/**
 * Opening a library in bad conditions: a full disk at start (the backup taken at open fails)
 * opens the library anyway and says so.
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
