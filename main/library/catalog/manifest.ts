/**
 * library.json since schema version 3: the catalog's manifest (the settings, and the file and
 * record count of each shard). Writing it is the commit point of every catalog change.
 *
 * Version 4 has the same shape as 3. It marks a library whose annotations may live partly in
 * their append logs (annotations/<id>.log): a build that knows version 3 only reads the .json
 * files, and its next write would replace them without the log's changes. Such a build refuses a
 * version 4 library (it is "too new") instead; this one reads 3 and writes 4 at open.
 */
import { z } from 'zod';
import type { Settings } from '../../../preload/api';
import { CorruptFileError } from '../storage/durable-file';
import { FileTooNewError, type MigrationTable, isJsonObject } from '../storage/versioned';
import { settingsSchema } from '../settings/schemas';
import { decodeLibraryJson } from './migrations';
import type { LibraryData } from './records';
import { SHARD_FILE_NAME } from './shards';

export const MANIFEST_VERSION = 4;
/** The first manifest version (before it, library.json held the whole catalog). */
export const FIRST_MANIFEST_VERSION = 3;

/** True for the versions this build reads as a manifest. */
export const isManifestVersion = (version: unknown): version is number =>
  typeof version === 'number' && version >= FIRST_MANIFEST_VERSION && version <= MANIFEST_VERSION;

/** One shard: its current file in catalog/ (null while it holds no record) and how many records it holds. */
export interface ShardEntry {
  file: string | null;
  count: number;
}

export interface CatalogManifest {
  /** As read: an older manifest version until this build writes library.json. */
  schemaVersion: number;
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
    schemaVersion: z.number().int().min(FIRST_MANIFEST_VERSION).max(MANIFEST_VERSION),
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
  if (!isManifestVersion(version)) {
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
