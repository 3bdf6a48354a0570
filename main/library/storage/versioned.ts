/**
 * Schema versions of the core's JSON files (library.json, annotations/<id>.json): each
 * migration turns version n into n+1 on plain JSON, before validation; a file newer than
 * this Lectern is refused, never rewritten.
 */
import type { z } from 'zod';
import { CorruptFileError } from './durable-file';

export type JsonObject = Record<string, unknown>;
export type Migration = (data: JsonObject) => JsonObject;
/** Keyed by the version a migration starts from. */
export type MigrationTable = Readonly<Record<number, Migration>>;

export const isJsonObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The file was written by a newer Lectern; it is left untouched. */
export class FileTooNewError extends Error {
  constructor(
    readonly filePath: string,
    readonly fileVersion: number,
    readonly knownVersion: number,
  ) {
    super(
      `${filePath} has schema version ${fileVersion}, but this version of Lectern only knows up to ` +
        `${knownVersion}. Update Lectern to open this library; the file was not changed.`,
    );
    this.name = 'FileTooNewError';
  }
}

export interface VersionedFormat<T> {
  currentVersion: number;
  migrations: MigrationTable;
  schema: z.ZodType<T>;
}

export interface Decoded<T> {
  data: T;
  /** The version the file was in, when it had to be migrated. */
  migratedFrom: number | null;
}

/** Validates parsed JSON, migrating older versions; throws CorruptFileError for bad shapes. */
export function decodeVersioned<T>(raw: unknown, filePath: string, format: VersionedFormat<T>): Decoded<T> {
  if (!isJsonObject(raw)) throw new CorruptFileError(filePath, 'not a JSON object');
  let data = raw;
  const version = data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new CorruptFileError(filePath, 'no valid schemaVersion');
  }
  if (version > format.currentVersion) throw new FileTooNewError(filePath, version, format.currentVersion);
  for (let from = version; from < format.currentVersion; from++) {
    const migration = format.migrations[from];
    if (migration === undefined) throw new Error(`No migration of ${filePath} from version ${from}.`);
    data = { ...migration(data), schemaVersion: from + 1 };
  }
  const parsed = format.schema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorruptFileError(
      filePath,
      `unexpected shape at ${issue?.path.join('.') || 'top level'}: ${issue?.message ?? ''}`,
    );
  }
  return { data: parsed.data, migratedFrom: version === format.currentVersion ? null : version };
}
