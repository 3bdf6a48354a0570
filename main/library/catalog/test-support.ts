/** Test helpers that read the catalog as written on disk (library.json and the shard files it names). */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { DocumentRecord } from './records';

export interface WrittenCatalog {
  schemaVersion: number;
  settings: Record<string, unknown>;
  shards: { file: string | null; count: number }[];
  /** Every record of every shard, by id. */
  documents: Record<string, Record<string, unknown>>;
}

type Row = unknown[];

/** A parsed shard's records by id: rows under `fields` (version 3), or keyed by id (version 2). */
export function recordsOf(shard: {
  fields?: string[];
  records?: Row[];
  documents?: WrittenCatalog['documents'];
}): WrittenCatalog['documents'] {
  if (shard.records === undefined) return shard.documents ?? {};
  const fields = shard.fields ?? [];
  const records: WrittenCatalog['documents'] = {};
  for (const row of shard.records) {
    const record: Record<string, unknown> = Object.fromEntries(fields.map((field, i) => [field, row[i]]));
    Object.assign(record, row[fields.length] ?? {});
    records[String(record['id'])] = record;
  }
  return records;
}

/** Reads library.json and every shard it names, straight from the folder. */
export async function readWrittenCatalog(root: string): Promise<WrittenCatalog> {
  const manifest = JSON.parse(await fs.readFile(path.join(root, 'library.json'), 'utf8')) as WrittenCatalog;
  const documents: WrittenCatalog['documents'] = {};
  for (const { file } of manifest.shards) {
    if (file === null) continue;
    const shard = JSON.parse(await fs.readFile(path.join(root, 'catalog', file), 'utf8'));
    Object.assign(documents, recordsOf(shard));
  }
  return { ...manifest, documents };
}

/** The shard files in catalog/, sorted. */
export async function shardFiles(root: string): Promise<string[]> {
  return (await fs.readdir(path.join(root, 'catalog'))).toSorted();
}

/** A valid record numbered `n` (its id, its added minute, "Volume n"), with `patch` over it. */
export function testRecord(n: number, patch: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id: n.toString(16).padStart(16, '0'),
    title: `Volume ${n}`,
    author: null,
    source: null,
    excerpt: '',
    wordCount: 10,
    readingMinutes: 1,
    progress: 0,
    addedAt: new Date(Date.UTC(2024, 0, 1, 0, n)).toISOString(),
    openedAt: null,
    contentHash: 'a'.repeat(64),
    bodyBytes: 10,
    highlightCount: 0,
    ...patch,
  };
}
