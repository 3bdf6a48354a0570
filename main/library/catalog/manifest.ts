/**
 * library.json since schema version 3: the catalog's manifest (the settings, and the file and
 * record count of each shard). Writing it is the commit point of every catalog change.
 */
import { z } from 'zod';
import type { Settings } from '../../../preload/api';
import { CorruptFileError } from '../storage/durable-file';
import { FileTooNewError, type MigrationTable, isJsonObject } from '../storage/versioned';
import { settingsSchema } from '../settings/schemas';
import { decodeLibraryJson } from './migrations';
import type { LibraryData } from './records';
import { SHARD_FILE_NAME } from './shards';

export const MANIFEST_VERSION = 3;

/** One shard: its current file in catalog/ (null while it holds no record) and how many records it holds. */
export interface ShardEntry {
  file: string | null;
  count: number;
}

export interface CatalogManifest {
  schemaVersion: typeof MANIFEST_VERSION;
  settings: Settings;
  shards: ShardEntry[];
}

const shardEntrySchema = z.object({
  // Only names of the shard pattern: a hand-edited "../x" must not reach the file system.
  file: z.string().regex(SHARD_FILE_NAME).nullable(),
  count: z.number().int().min(0),
});

const manifestSchema = z
  .object({
    schemaVersion: z.literal(MANIFEST_VERSION),
    settings: settingsSchema,
    shards: z.array(shardEntrySchema).max(10_000),
  })
  .refine(
    (manifest) =>
      manifest.shards.every(({ file, count }, index) =>
        file === null ? count === 0 : Number(file.slice(0, 4)) === index,
      ),
    'a shard file named for another shard, or records counted in a shard without a file',
  );

/** What library.json held: a manifest, or (before version 3) the whole catalog in one file. */
export type CatalogFile =
  | { kind: 'manifest'; manifest: CatalogManifest }
  | { kind: 'single'; data: LibraryData; migratedFrom: number | null };

/** Decodes parsed library.json of any version; throws CorruptFileError for bad shapes. */
export function decodeCatalogFile(raw: unknown, filePath: string, migrations?: MigrationTable): CatalogFile {
  if (!isJsonObject(raw)) throw new CorruptFileError(filePath, 'not a JSON object');
  const version = raw.schemaVersion;
  if (typeof version === 'number' && version > MANIFEST_VERSION)
    throw new FileTooNewError(filePath, version, MANIFEST_VERSION);
  if (version !== MANIFEST_VERSION) {
    const { data, migratedFrom } = decodeLibraryJson(raw, filePath, migrations);
    return { kind: 'single', data, migratedFrom };
  }
  const parsed = manifestSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorruptFileError(
      filePath,
      `unexpected shape at ${issue?.path.join('.') || 'top level'}: ${issue?.message ?? ''}`,
    );
  }
  return { kind: 'manifest', manifest: parsed.data as CatalogManifest };
}

/** library.json's text: indented, as the one-file catalog was, for people who look inside. */
export function serializeManifest(manifest: CatalogManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}
