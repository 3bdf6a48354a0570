/**
 * The document records on disk: split into shard files under catalog/ in the order they were
 * added (each holds up to SHARD_CAPACITY), so a change rewrites one shard instead of the whole
 * catalog, and reading the shards in turn gives the records in the order the one file had them.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CorruptFileError, parseJsonOrCorrupt } from '../storage/durable-file';
import { FileTooNewError, type MigrationTable, decodeVersioned, isJsonObject } from '../storage/versioned';
import { MIGRATIONS } from './migrations';
import { isCanonicalRecord } from './record-check';
import { ROWS_VERSION, decodeRows, serializeRows } from './shard-rows';
import { type DocumentRecord, SCHEMA_VERSION, documentsSchema } from './records';

/**
 * Records a shard takes before new ones start the next: ~0.55 MB as rows (0.9 MB keyed), so a change
 * at 100,000 documents writes about 1% of the catalog and an open reads 49 files. Hashing ids into shards would spread a
 * library's records evenly too, but lose the order they were added in: sorting the list at open
 * then cost 10 times more (745,000 comparisons instead of 100,000).
 */
export const SHARD_CAPACITY = 2048;

/** `0007-3fa2c19b0d4e.json`: the shard's index, then a name no earlier version of it had. */
export const SHARD_FILE_NAME = /^(\d{4})-[0-9a-f]{12}\.json$/;

/**
 * A fresh file name for a new version of shard `index`: shard files are never rewritten in place,
 * so library.json switches to a new version in one rename, and a backup copies each version once.
 */
export function newShardFileName(index: number): string {
  return `${String(index).padStart(4, '0')}-${randomBytes(6).toString('hex')}.json`;
}

/** The index a shard file name carries, or null for a name that is not a shard file's. */
export function shardIndexOfName(name: string): number | null {
  const match = SHARD_FILE_NAME.exec(name);
  return match === null ? null : Number(match[1]);
}

/** A shard file's text as this version writes it (rows: shard-rows.ts). */
export function serializeShard(index: number, records: readonly DocumentRecord[]): string {
  return serializeRows(index, records);
}

/**
 * A keyed shard (version 2) as parsed, when it is exactly as version 2 wrote it (every record canonical, no
 * other key): taken as it is, as the schema would return it, without copying 2,048 records.
 */
function asWritten(raw: unknown): z.infer<typeof shardSchema> | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { schemaVersion, shard, documents, ...others } = raw as Record<string, unknown>;
  if (schemaVersion !== SCHEMA_VERSION || !Number.isInteger(shard) || (shard as number) < 0) return null;
  if (Object.keys(others).length > 0 || typeof documents !== 'object' || documents === null) return null;
  if (Array.isArray(documents) || Object.getPrototypeOf(documents) !== Object.prototype) return null;
  for (const key in documents)
    if (!isCanonicalRecord((documents as Record<string, unknown>)[key])) return null;
  return raw as z.infer<typeof shardSchema>;
}

const shardSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  shard: z.number().int().min(0),
  documents: documentsSchema,
});

/** A shard's records in its order, and whether its file is as this version writes it. */
export interface DecodedShard {
  records: DocumentRecord[];
  /** False for a keyed shard of version 2: rewritten as rows at open (store.ts). */
  current: boolean;
}

/**
 * Decodes one shard file's text (rows, or the keyed records of version 2, migrating older record
 * versions); throws CorruptFileError when it does not parse, has a bad record, is another shard's
 * file, or holds other than `expectedCount` records (a shard replaced by an older copy would
 * otherwise lose records without a word), and FileTooNewError for a version after this one's.
 */
export function decodeShard(
  text: string,
  filePath: string,
  expected: { index: number; count: number },
  migrations: MigrationTable = MIGRATIONS,
): DecodedShard {
  const raw = parseJsonOrCorrupt(filePath, text);
  const version = isJsonObject(raw) ? raw.schemaVersion : undefined;
  if (typeof version === 'number' && version > ROWS_VERSION)
    throw new FileTooNewError(filePath, version, ROWS_VERSION);
  let shard: unknown;
  let records: DocumentRecord[];
  if (version === ROWS_VERSION && isJsonObject(raw)) {
    shard = raw.shard;
    records = decodeRows(raw, filePath);
  } else {
    const data =
      asWritten(raw) ??
      decodeVersioned(raw, filePath, { currentVersion: SCHEMA_VERSION, migrations, schema: shardSchema })
        .data;
    shard = data.shard;
    records = Object.values(data.documents);
  }
  if (shard !== expected.index)
    throw new CorruptFileError(filePath, `holds shard ${String(shard)}, not ${expected.index}`);
  if (records.length !== expected.count)
    throw new CorruptFileError(
      filePath,
      `holds ${records.length} records; library.json counts ${expected.count}`,
    );
  return { records, current: version === ROWS_VERSION };
}
