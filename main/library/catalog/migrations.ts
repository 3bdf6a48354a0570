/**
 * library.json schema versions: each migration turns version n into n+1, on plain JSON
 * (before validation), adding what the newer version needs and removing nothing.
 */
import {
  type Decoded,
  type JsonObject,
  type MigrationTable,
  decodeVersioned,
  isJsonObject,
} from '../storage/versioned';
import { DEFAULT_SETTINGS, type LibraryData, SCHEMA_VERSION, libraryDataSchema } from './records';

/** v2 adds highlights: a count per document record and the highlight settings. */
function addHighlightFields(data: JsonObject): JsonObject {
  const { highlightLabels, lastHighlightColor } = DEFAULT_SETTINGS;
  const settings = isJsonObject(data.settings)
    ? { highlightLabels: { ...highlightLabels }, lastHighlightColor, ...data.settings }
    : data.settings;
  const documents = isJsonObject(data.documents)
    ? Object.fromEntries(
        Object.entries(data.documents).map(([id, record]) => [
          id,
          isJsonObject(record) ? { highlightCount: 0, ...record } : record,
        ]),
      )
    : data.documents;
  return { ...data, settings, documents };
}

export const MIGRATIONS: MigrationTable = { 1: addHighlightFields };

/** Validates parsed library.json, migrating older versions; throws CorruptFileError for bad shapes. */
export function decodeLibraryJson(
  raw: unknown,
  filePath: string,
  migrations: MigrationTable = MIGRATIONS,
): Decoded<LibraryData> {
  return decodeVersioned(raw, filePath, {
    currentVersion: SCHEMA_VERSION,
    migrations,
    schema: libraryDataSchema,
  });
}
