/**
 * library.json schema versions: each migration turns version n into n+1, on plain JSON
 * (before validation), adding what the newer version needs and removing nothing.
 */
import { CorruptFileError } from './durable-file';
import { DEFAULT_SETTINGS, type LibraryData, SCHEMA_VERSION, libraryDataSchema } from './records';

export type JsonObject = Record<string, unknown>;
export type Migration = (data: JsonObject) => JsonObject;
/** Keyed by the version a migration starts from. */
export type MigrationTable = Readonly<Record<number, Migration>>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** v2 adds highlights: a count per document record and the highlight settings. */
function addHighlightFields(data: JsonObject): JsonObject {
  const { highlightLabels, lastHighlightColor } = DEFAULT_SETTINGS;
  const settings = isObject(data.settings)
    ? { highlightLabels: { ...highlightLabels }, lastHighlightColor, ...data.settings }
    : data.settings;
  const documents = isObject(data.documents)
    ? Object.fromEntries(
        Object.entries(data.documents).map(([id, record]) => [
          id,
          isObject(record) ? { highlightCount: 0, ...record } : record,
        ]),
      )
    : data.documents;
  return { ...data, settings, documents };
}

export const MIGRATIONS: MigrationTable = { 1: addHighlightFields };

/** The library was written by a newer Lectern; it is left untouched. */
export class LibraryTooNewError extends Error {
  constructor(
    readonly filePath: string,
    readonly fileVersion: number,
  ) {
    super(
      `${filePath} has schema version ${fileVersion}, but this version of Lectern only knows up to ` +
        `${SCHEMA_VERSION}. Update Lectern to open this library; the file was not changed.`,
    );
    this.name = 'LibraryTooNewError';
  }
}

export interface Decoded {
  data: LibraryData;
  /** The version the file was in, when it had to be migrated. */
  migratedFrom: number | null;
}

/** Validates parsed library.json, migrating older versions; throws CorruptFileError for bad shapes. */
export function decodeLibraryJson(
  raw: unknown,
  filePath: string,
  migrations: MigrationTable = MIGRATIONS,
): Decoded {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new CorruptFileError(filePath, 'not a JSON object');
  }
  let data = raw as JsonObject;
  const version = data.schemaVersion;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0) {
    throw new CorruptFileError(filePath, 'no valid schemaVersion');
  }
  if (version > SCHEMA_VERSION) throw new LibraryTooNewError(filePath, version);
  for (let from = version; from < SCHEMA_VERSION; from++) {
    const migration = migrations[from];
    if (migration === undefined)
      throw new Error(`No migration from library schema version ${from} to ${from + 1}.`);
    data = { ...migration(data), schemaVersion: from + 1 };
  }
  const parsed = libraryDataSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CorruptFileError(
      filePath,
      `unexpected shape at ${issue?.path.join('.') || 'top level'}: ${issue?.message ?? ''}`,
    );
  }
  return { data: parsed.data, migratedFrom: version === SCHEMA_VERSION ? null : version };
}
