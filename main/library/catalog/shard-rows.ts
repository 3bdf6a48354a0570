/**
 * Shard files since version 3: each record a row of values under one list of field names, so
 * opening a 100,000-document library parses no key per value and no object of 2,048 ids (JSON.parse
 * took 300 ms of CPU for the keyed shards of version 2, 130 ms for these, building the records).
 */
import { CorruptFileError } from '../storage/durable-file';
import { hasRequiredFields, isOptionalField, isValidOptionalField } from './record-check';
import { type DocumentRecord, documentRecordSchema } from './records';

export const ROWS_VERSION = 3;

/** A row's values, in this order; a 14th value, when there is one, holds the optional fields by name. */
export const ROW_FIELDS = [
  'id',
  'title',
  'author',
  'source',
  'excerpt',
  'wordCount',
  'readingMinutes',
  'progress',
  'addedAt',
  'openedAt',
  'contentHash',
  'bodyBytes',
  'highlightCount',
] as const satisfies readonly (keyof DocumentRecord)[];

const FIELDS_JSON = JSON.stringify(ROW_FIELDS);

/** The record's row: its required fields in ROW_FIELDS order, then its optional ones, if any. */
function rowOf(record: DocumentRecord): unknown[] {
  const row: unknown[] = ROW_FIELDS.map((field) => record[field]);
  const optional: Record<string, unknown> = {};
  let any = false;
  for (const key in record) {
    if (!isOptionalField(key) || record[key as keyof DocumentRecord] === undefined) continue;
    optional[key] = record[key as keyof DocumentRecord];
    any = true;
  }
  if (any) row.push(optional);
  return row;
}

/** One record a line: still readable and diffable by the user's tools. */
export function serializeRows(index: number, records: readonly DocumentRecord[]): string {
  const head = `{"schemaVersion":${ROWS_VERSION},"shard":${index},"fields":${FIELDS_JSON},"records":[`;
  const lines = records.map((record) => JSON.stringify(rowOf(record)));
  return lines.length === 0 ? `${head}]}\n` : `${head}\n${lines.join(',\n')}\n]}\n`;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;

/**
 * The record a row holds, or null when the row is not one (not an array of 13 or 14 values). Unknown
 * optional fields are dropped, as zod strips them; whether the values are valid is checked after.
 */
function recordOfRow(row: unknown): { record: Record<string, unknown>; optionalValid: boolean } | null {
  if (!Array.isArray(row) || (row.length !== 13 && row.length !== 14)) return null;
  // Written out, not a loop over ROW_FIELDS: this runs 100,000 times at open.
  const record: Record<string, unknown> = {
    id: row[0],
    title: row[1],
    author: row[2],
    source: row[3],
    excerpt: row[4],
    wordCount: row[5],
    readingMinutes: row[6],
    progress: row[7],
    addedAt: row[8],
    openedAt: row[9],
    contentHash: row[10],
    bodyBytes: row[11],
    highlightCount: row[12],
  };
  if (row.length === 13) return { record, optionalValid: true };
  const optional: unknown = row[13];
  if (!isPlainObject(optional)) return null;
  let optionalValid = true;
  for (const key in optional) {
    if (!isOptionalField(key)) continue;
    record[key] = optional[key];
    optionalValid &&= isValidOptionalField(key, optional[key]);
  }
  return { record, optionalValid };
}

/**
 * The records of a parsed version-3 shard, in its order, checked as the keyed shards' records are
 * (zod only for what the fast check refuses, to say what is wrong); throws CorruptFileError.
 */
export function decodeRows(raw: Record<string, unknown>, filePath: string): DocumentRecord[] {
  const { fields, records } = raw;
  if (JSON.stringify(fields) !== FIELDS_JSON)
    throw new CorruptFileError(filePath, 'unexpected shape at fields: not the fields of a record row');
  if (!Array.isArray(records)) throw new CorruptFileError(filePath, 'unexpected shape at records');
  const decoded: DocumentRecord[] = [];
  for (let i = 0; i < records.length; i++) {
    const built = recordOfRow(records[i]);
    if (built === null)
      throw new CorruptFileError(filePath, `unexpected shape at records.${i}: not a record's row`);
    if (built.optionalValid && hasRequiredFields(built.record)) {
      decoded.push(built.record as DocumentRecord);
      continue;
    }
    const parsed = documentRecordSchema.safeParse(built.record);
    if (parsed.success) decoded.push(parsed.data);
    else {
      const issue = parsed.error.issues[0];
      const at = ['records', i, ...(issue?.path ?? [])].join('.');
      throw new CorruptFileError(filePath, `unexpected shape at ${at}: ${issue?.message ?? ''}`);
    }
  }
  return decoded;
}
