/** Export of many is durable at the folder's level: one fsync of the folder after the last file, not one per file. */
import fs from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHandlers } from '../handlers';
import { FaultFileSystem } from '../storage/fault-file-system';
import { bytes, makeTempDir, removeDir, useTempLibrary } from '../test-support';
import { FolderPlatform, value } from './test-platform';

const temp = useTempLibrary();
// Jane Austen, "Emma", "Persuasion" and "Mansfield Park" (Project Gutenberg, public domain).
const BOOKS: [string, string][] = [
  ['emma.md', '# Emma\n\nEmma Woodhouse, handsome, clever, and rich, with a comfortable home.\n'],
  ['persuasion.md', '# Persuasion\n\nSir Walter Elliot, of Kellynch Hall, in Somersetshire, was a man.\n'],
  [
    'mansfield.md',
    '# Mansfield Park\n\nAbout thirty years ago Miss Maria Ward, of Huntingdon, had the good luck.\n',
  ],
];

let folder = '';
beforeEach(async () => {
  folder = await makeTempDir('lectern-export-sync-');
});
afterEach(async () => {
  await removeDir(folder);
});

describe('export of many, durably', () => {
  it('fsyncs every file, and the folder once after the last file is in place', async () => {
    const recording = new FaultFileSystem();
    const library = await temp.open({ fileSystem: recording });
    const handlers = createHandlers(library, new FolderPlatform(folder), () => undefined);
    value(await handlers.importFiles(BOOKS.map(([name, text]) => ({ name, bytes: bytes(text) }))));
    const before = recording.calls.length;
    const report = value(await handlers.exportMany({ scope: { kind: 'all' }, includeNotes: false }));
    expect(report?.files).toHaveLength(3);
    const calls = recording.calls.slice(before);
    const lastFileRename = calls.findLastIndex((call) => call.startsWith('rename ') && call.endsWith('.md'));
    const folderSyncs = calls.flatMap((call, at) => (call === `fsync ${folder}` ? [at] : []));
    // One for the three files (after the last one's rename), one for the manifest written after them.
    expect(folderSyncs).toHaveLength(2);
    expect(folderSyncs[0]).toBeGreaterThan(lastFileRename);
    const fileSyncs = calls.filter(
      (call) => call.startsWith(`fsync ${folder}`) && call.includes('.lectern-tmp-'),
    );
    expect(fileSyncs).toHaveLength(4);
    expect((await fs.readdir(folder)).filter((name) => name.endsWith('.md'))).toHaveLength(3);
  });
});
