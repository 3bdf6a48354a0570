/**
 * tags.json in the library root: read (validated), written durably, and recovered when corrupt.
 * A corrupt registry is moved aside and rebuilt from the names every item keeps beside its tag
 * ids (the names as last written there), so the user's tags are never silently emptied.
 */
import path from 'node:path';
import { z } from 'zod';
import type { LibraryNotice } from '../../../preload/api';
import type { TellOfChange } from '../app/notices';
import { CorruptFileError, DurableJsonAdapter } from '../storage/durable-file';
import { keepAside } from '../storage/set-aside';
import type { FileSystem } from '../storage/file-system';
import { fileTimestamp } from '../storage/paths';
import { tagIdSchema } from './schemas';
import { REGISTRY_VERSION, type RegistryData, emptyRegistry } from './registry';

export const TAGS_FILE = 'tags.json';

const entrySchema = z.strictObject({
  name: z.string().min(1).max(256),
  aliasOf: tagIdSchema.optional(),
  deleted: z.literal(true).optional(),
  highlights: z.number().int().min(0),
});

export const registrySchema = z.strictObject({
  schemaVersion: z.literal(REGISTRY_VERSION),
  tags: z.record(tagIdSchema, entrySchema),
});

/** One item's tags as stored: ids, and the names they had when written (the fallback). */
export interface StoredTags {
  tagIds: string[];
  tags: string[];
}

export interface RegistryFileOptions {
  fsys: FileSystem;
  root: string;
  now: () => Date;
  /** Keeps the notice of a rebuilt registry on disk before the rebuilt tags.json replaces the corrupt one. */
  tellOfChange: TellOfChange;
  /** Every tagged item's stored tags, walked only to rebuild a lost registry. */
  storedTags: () => AsyncIterable<StoredTags & { kind: 'highlight' | 'document' }>;
}

/** Opens tags.json; a missing file is an empty registry, a corrupt one is rebuilt and reported. */
export async function openRegistryFile(
  options: RegistryFileOptions,
): Promise<{ adapter: DurableJsonAdapter<RegistryData>; data: RegistryData }> {
  const filePath = path.join(options.root, TAGS_FILE);
  const adapter = new DurableJsonAdapter<RegistryData>(options.fsys, filePath, (raw) => {
    const parsed = registrySchema.safeParse(raw);
    if (!parsed.success) throw new CorruptFileError(filePath, parsed.error.issues[0]?.message ?? 'invalid');
    return parsed.data as RegistryData;
  });
  try {
    return { adapter, data: (await adapter.read()) ?? emptyRegistry() };
  } catch (error) {
    if (!(error instanceof CorruptFileError)) throw error;
  }
  // A link: the corrupt file stays in place until the rebuilt one replaces it (a kill before rebuilds again).
  const aside = path.basename(
    (await keepAside(options.fsys, filePath, fileTimestamp(options.now()))) ?? filePath,
  );
  const data = await rebuildRegistry(options.storedTags());
  const count = Object.keys(data.tags).length;
  const notice: LibraryNotice = {
    level: 'warning',
    message: `The tag list (tags.json) could not be read; it was moved to ${aside} and ${count} tag${count === 1 ? ' was' : 's were'} recovered from the highlights and documents that carry them (a rename made since an item was last saved may be undone).`,
  };
  await options.tellOfChange(notice, filePath, () => adapter.write(data));
  return { adapter, data };
}

/** A registry from the names items keep beside their ids: the first spelling seen per id wins. */
export async function rebuildRegistry(
  items: AsyncIterable<StoredTags & { kind: 'highlight' | 'document' }>,
): Promise<RegistryData> {
  const data = emptyRegistry();
  for await (const item of items) {
    item.tagIds.forEach((id, index) => {
      const name = item.tags[index];
      if (name === undefined || !tagIdSchema.safeParse(id).success) return;
      const entry = data.tags[id] ?? { name, highlights: 0 };
      if (item.kind === 'highlight') entry.highlights += 1;
      data.tags[id] = entry;
    });
  }
  return data;
}
