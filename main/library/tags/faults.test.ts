/**
 * Tag changes under fault injection: a failed write of tags.json (at every step) answers a typed
 * failure, leaves the file byte-identical and memory as the disk says, and a retry succeeds.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../preload/api';
import { type Library, openLibrary } from '../library';
import { type Fault, FaultFileSystem } from '../storage/fault-file-system';
import { bytes, makeTempDir, removeDir, steppingClock } from '../test-support';

const FAULTS: Fault[] = [
  { step: 'open', effect: 'EIO', pathIncludes: 'tags.json' },
  { step: 'write', effect: 'ENOSPC', pathIncludes: 'tags.json' },
  { step: 'write', effect: 'lying', pathIncludes: 'tags.json' },
  { step: 'fsync', effect: 'EIO', pathIncludes: 'tags.json' },
  { step: 'close', effect: 'ENOSPC', pathIncludes: 'tags.json' },
  { step: 'rename', effect: 'EPERM', pathIncludes: 'tags.json' },
];

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(result.message);
  return result.value;
};

const roots: string[] = [];
const libraries: Library[] = [];
afterEach(async () => {
  await Promise.all(libraries.splice(0).map((library) => library.close()));
  await Promise.all(roots.splice(0).map(removeDir));
});

async function tagged(): Promise<{ library: Library; fsys: FaultFileSystem; root: string }> {
  const root = await makeTempDir('lectern-tag-faults-');
  roots.push(root);
  const fsys = new FaultFileSystem();
  const library = await openLibrary({ root, fileSystem: fsys, now: steppingClock() });
  libraries.push(library);
  const text = '# Borodino\n\nThe battle of Borodino was fought on the seventh of September.';
  const outcome = (await library.documents.importFiles([{ name: 'borodino.md', bytes: bytes(text) }]))
    .outcomes[0];
  if (outcome?.status !== 'imported') throw new Error('setup');
  value(await library.tags.service.setDocumentTags(outcome.document.id, ['war/1812', 'Kutuzov']));
  return { library, fsys, root };
}

const namesOf = async (library: Library) =>
  value(await library.tags.service.listTags())
    .map((tag) => tag.name)
    .toSorted();

describe('renaming a tag when tags.json cannot be written', () => {
  it.each(FAULTS)(
    '$step $effect: typed failure, file unchanged, memory = disk, retry works',
    async (fault) => {
      const { library, fsys, root } = await tagged();
      const file = path.join(root, 'tags.json');
      const before = await fs.readFile(file, 'utf8');
      fsys.inject(fault);
      const failed = await library.tags.changes.renameTag('war', 'wars');
      expect(failed.ok).toBe(false);
      expect(failed.ok ? '' : failed.code).not.toBe('internal');
      expect(fsys.injected).toBe(1);
      expect(await fs.readFile(file, 'utf8')).toBe(before);
      expect(await namesOf(library)).toEqual(['Kutuzov', 'war/1812']);
      fsys.clear();
      value(await library.tags.changes.renameTag('war', 'wars'));
      expect(await namesOf(library)).toEqual(['Kutuzov', 'wars/1812']);
      await library.close();
      const reopened = await openLibrary({ root, now: steppingClock() });
      libraries.push(reopened);
      expect(await namesOf(reopened)).toEqual(['Kutuzov', 'wars/1812']);
    },
  );
});
