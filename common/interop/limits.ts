/**
 * The limits every annotation file is read within, and the shapes the parsers answer with:
 * a parser never throws, it answers what it read plus the entries it could not read.
 */
import type { AnnotationFormat, AnnotationGroup, ParseProblem } from '../../preload/api/interop';

/** The largest annotation file read, in bytes (a decade of Kindle highlights is a few MB). */
export const MAX_ANNOTATION_FILE_BYTES = 50 * 1024 * 1024;
/** The most annotations one file may hold. */
export const MAX_ANNOTATIONS = 100_000;

/** What a parser read from a file. */
export interface ParsedAnnotations {
  format: AnnotationFormat;
  groups: AnnotationGroup[];
  problems: ParseProblem[];
  bookmarks: number;
  duplicatesCollapsed: number;
}

export type ParseResult =
  | { ok: true; value: ParsedAnnotations }
  | { ok: false; code: 'too-large' | 'unsupported-type' | 'empty'; message: string };

/** The failure for a file holding more annotations than {@link MAX_ANNOTATIONS}. */
export function tooManyAnnotations(count: number): ParseResult {
  return {
    ok: false,
    code: 'too-large',
    message: `The file holds ${count.toLocaleString('en')} annotations; Lectern reads at most ${MAX_ANNOTATIONS.toLocaleString('en')} at once. Split it and import the parts.`,
  };
}

/** The failure for text longer than the byte cap allows. */
export function tooLargeFile(): ParseResult {
  return {
    ok: false,
    code: 'too-large',
    message: `The file is larger than ${MAX_ANNOTATION_FILE_BYTES / 1024 / 1024} MB: too large for an annotation file.`,
  };
}

/** A string cut to `max` characters with an ellipsis, for messages. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/gu, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
