/**
 * A fast, strict check of one stored document record, for opening a large library.json: a record
 * it accepts is exactly what documentRecordSchema would return for it (known keys only, every
 * constraint met), so only the records it does not accept go through zod (to be stripped or refused).
 */
import { MAX_TAGS_PER_ITEM } from '../../../common/tags';
import type { DocumentRecord } from './records';

const DOCUMENT_ID = /^[0-9a-f]{16}$/;
const TAG_ID = /^[0-9a-f]{12}$/;
const CONTENT_HASH = /^[0-9a-f]{64}$/;

type Check = (value: unknown) => boolean;

const isStringOrNull: Check = (v) => v === null || typeof v === 'string';
const stringUpTo =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && v.length <= max;
const matching =
  (pattern: RegExp): Check =>
  (v) =>
    typeof v === 'string' && pattern.test(v);
const arrayOf =
  (item: Check): Check =>
  (v) =>
    Array.isArray(v) && v.length <= MAX_TAGS_PER_ITEM && v.every(item);

const isDocumentId = matching(DOCUMENT_ID);
const isContentHash = matching(CONTENT_HASH);
const isInteger = (v: unknown, min: number): boolean =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= min;

/** The required fields, written out (not a table walk): this runs 100,000 times at open. */
export function hasRequiredFields(r: Record<string, unknown>): boolean {
  return (
    isDocumentId(r['id']) &&
    typeof r['title'] === 'string' &&
    isStringOrNull(r['author']) &&
    isStringOrNull(r['source']) &&
    typeof r['excerpt'] === 'string' &&
    isInteger(r['wordCount'], 0) &&
    isInteger(r['readingMinutes'], 1) &&
    typeof r['progress'] === 'number' &&
    r['progress'] >= 0 &&
    r['progress'] <= 1 &&
    typeof r['addedAt'] === 'string' &&
    isStringOrNull(r['openedAt']) &&
    isContentHash(r['contentHash']) &&
    isInteger(r['bodyBytes'], 0) &&
    isInteger(r['highlightCount'], 0)
  );
}
const REQUIRED_COUNT = 13;

/** Optional fields: absent, or (never undefined in JSON) a value that passes. */
const OPTIONAL: Readonly<Record<string, Check>> = {
  language: stringUpTo(64),
  dir: (v) => v === 'ltr' || v === 'rtl',
  siteName: stringUpTo(500),
  publishedTime: stringUpTo(500),
  sourceUrl: stringUpTo(4096),
  startSection: (v) => isInteger(v, 1),
  tagIds: arrayOf(matching(TAG_ID)),
  tags: arrayOf(stringUpTo(256)),
};

/** Whether `key` names one of the record's optional fields. */
export const isOptionalField = (key: string): boolean => Object.hasOwn(OPTIONAL, key);

/** Whether `value` is valid for the optional field `key` (one isOptionalField accepts). */
export const isValidOptionalField = (key: string, value: unknown): boolean => OPTIONAL[key]?.(value) ?? false;

/**
 * True when `value` is a plain object holding only the record's fields, each valid: then it can
 * be used as is. False says only "ask zod" (it may still be a valid record with extra keys).
 */
export function isCanonicalRecord(value: unknown): value is DocumentRecord {
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype)
    return false;
  const record = value as Record<string, unknown>;
  if (!hasRequiredFields(record)) return false;
  const keys = Object.keys(record);
  if (keys.length === REQUIRED_COUNT) return true;
  // Every key beyond the required ones must be a valid optional field (anything else: zod strips it).
  let optional = 0;
  for (const key of keys) {
    if (!Object.hasOwn(OPTIONAL, key)) continue;
    if (!OPTIONAL[key]?.(record[key])) return false;
    optional++;
  }
  return REQUIRED_COUNT + optional === keys.length;
}
