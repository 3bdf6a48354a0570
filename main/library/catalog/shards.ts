/**
 * The document records on disk: split into shard files under catalog/ in the order they were
 * added (each holds up to SHARD_CAPACITY), so a change rewrites one shard instead of the whole
 * catalog, and reading the shards in turn gives the records in the order the one file had them.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { CorruptFileError, parseJsonOrCorrupt } from '../storage/durable-file';
import { type MigrationTable, decodeVersioned } from '../storage/versioned';
import { MIGRATIONS } from './migrations';
import { isCanonicalRecord } from './record-check';
import { type DocumentRecord, SCHEMA_VERSION, documentsSchema } from './records';

/**
 * Records a shard takes before new ones start the next: ~0.9 MB, so a change at 100,000 documents
 * writes under 1 MB (of 42) and an open reads 49 files. Hashing ids into shards would spread a
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

/** One record a line: compact to parse, still readable and diffable by the user's tools. */
export function serializeShard(index: number, records: readonly DocumentRecord[]): string {
  const lines = records.map((record) => `${JSON.stringify(record.id)}:${JSON.stringify(record)}`);
  const head = `{"schemaVersion":${SCHEMA_VERSION},"shard":${index},"documents":{`;
  return lines.length === 0 ? `${head}}}\n` : `${head}\n${lines.join(',\n')}\n}}\n`;
}

/**
 * The shard as parsed, when it is exactly as this version writes it (every record canonical, no
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

/**
 * Decodes one shard file's text (migrating older record versions); throws CorruptFileError when
 * it does not parse, has a bad record, is another shard's file, or holds other than `expectedCount`
 * records (a shard replaced by an older copy would otherwise lose records without a word).
 */
export function decodeShard(
  text: string,
  filePath: string,
  expected: { index: number; count: number },
  migrations: MigrationTable = MIGRATIONS,
): Record<string, DocumentRecord> {
  const raw = parseJsonOrCorrupt(filePath, text);
  const data =
    asWritten(raw) ??
    decodeVersioned(raw, filePath, { currentVersion: SCHEMA_VERSION, migrations, schema: shardSchema }).data;
  if (data.shard !== expected.index)
    throw new CorruptFileError(filePath, `holds shard ${data.shard}, not ${expected.index}`);
  const held = Object.keys(data.documents).length;
  if (held !== expected.count)
    throw new CorruptFileError(filePath, `holds ${held} records; library.json counts ${expected.count}`);
  return data.documents;
}
