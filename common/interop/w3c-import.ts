/**
 * W3C Web Annotation JSON-LD in: one Annotation, an array of them, an AnnotationPage or an
 * AnnotationCollection with its first page embedded. Lectern's own extension properties and
 * URNs come back as they were written (see w3c-export.ts); other tools' files give the quote,
 * position, tags (`tagging` bodies) and note (`commenting` or untyped text bodies).
 */
import { z } from 'zod';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../../preload/api';
import type { AnnotationGroup, ImportedAnnotation, ParseProblem } from '../../preload/api/interop';
import { validDate } from './hypothesis';
import { MAX_ANNOTATIONS, type ParseResult, tooManyAnnotations } from './limits';
import { importedTags } from './tags-in';
import { documentIdOfUrn, highlightIdOfUrn } from './w3c-vocab';

const oneOrMany = <T extends z.ZodType>(schema: T) =>
  z.union([schema, z.array(schema)]).transform((value) => (Array.isArray(value) ? value : [value]));

const selectorSchema = z.object({ type: z.string() }).passthrough();
const targetSchema = z.union([
  z.string().transform((source) => ({ source, selector: [] as z.infer<typeof selectorSchema>[] })),
  z.object({ source: z.string().optional(), selector: oneOrMany(selectorSchema).optional() }),
]);
const bodySchema = z.union([
  z.string().transform(() => ({ purpose: undefined, value: undefined })),
  z.object({ purpose: z.string().optional(), value: z.string().optional() }),
]);
const annotationSchema = z.object({
  id: z.string().optional(),
  type: z.union([z.string(), z.array(z.string())]).optional(),
  created: z.string().optional(),
  modified: z.string().optional(),
  bodyValue: z.string().optional(),
  body: oneOrMany(bodySchema).optional(),
  target: oneOrMany(targetSchema),
  'lectern:color': z.enum(HIGHLIGHT_COLORS).optional(),
  'lectern:anchoredVersion': z.string().optional(),
  'lectern:unplaced': z.boolean().optional(),
  'lectern:needsCheck': z.boolean().optional(),
});

/** One annotation as the file gave it, Lectern's extension properties included. */
export interface W3cItem {
  highlightId: string | null;
  source: string | null;
  quote: { type: 'TextQuoteSelector'; exact: string; prefix: string; suffix: string };
  position: { type: 'TextPositionSelector'; start: number; end: number } | null;
  color: HighlightColor | null;
  tags: string[];
  note: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  anchoredVersion: string | null;
  unplaced: boolean | null;
  needsCheck: boolean | null;
}

/** What a W3C file holds: the collection's document (when Lectern wrote it) and its annotations. */
export interface W3cRead {
  collection: {
    documentId: string | null;
    title: string | null;
    author: string | null;
    source: string | null;
  };
  items: W3cItem[];
  problems: ParseProblem[];
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;
const stringOr = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);

/** True when `json` declares the W3C annotation context or type. */
export function isW3cJson(json: unknown): boolean {
  const first = Array.isArray(json) ? json[0] : json;
  if (!isObject(first)) return false;
  const context = JSON.stringify(first['@context'] ?? '');
  return (
    context.includes('w3.org/ns/anno') ||
    ['Annotation', 'AnnotationCollection', 'AnnotationPage'].includes(String(first.type))
  );
}

/** Reads the annotations of a parsed W3C file, each checked on its own. */
export function readW3c(json: unknown): W3cRead | { tooMany: number } | null {
  const collection = isObject(json) ? json : {};
  const page = isObject(collection.first) ? collection.first : collection;
  const rows = Array.isArray(json)
    ? json
    : Array.isArray(page.items)
      ? page.items
      : isObject(json) && json.type === 'Annotation'
        ? [json]
        : null;
  if (rows === null) return null;
  if (rows.length > MAX_ANNOTATIONS) return { tooMany: rows.length };
  const items: W3cItem[] = [];
  const problems: ParseProblem[] = [];
  rows.forEach((row, index) => {
    const read = readItem(row);
    if (typeof read === 'string')
      problems.push({ entry: index + 1, line: null, message: `Annotation ${index + 1}: ${read}` });
    else items.push(read);
  });
  return {
    collection: {
      documentId: stringOr(collection['lectern:documentId']),
      title: stringOr(collection.label),
      author: stringOr(collection['lectern:author']),
      source: stringOr(collection['lectern:source']),
    },
    items,
    problems,
  };
}

function readItem(row: unknown): W3cItem | string {
  const parsed = annotationSchema.safeParse(row);
  if (!parsed.success) return `not a Web Annotation (${parsed.error.issues[0]?.message ?? 'bad shape'}).`;
  const annotation = parsed.data;
  const target = annotation.target.find((t) =>
    (t.selector ?? []).some((s) => s.type === 'TextQuoteSelector'),
  );
  const selectors = target?.selector ?? [];
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
  const position = selectors.find((s) => s.type === 'TextPositionSelector');
  if (quote === undefined || typeof quote.exact !== 'string' || quote.exact === '') {
    return 'it has no TextQuoteSelector, so its passage cannot be found.';
  }
  const bodies = annotation.body ?? [];
  const notes = bodies
    .filter((b) => b.purpose !== 'tagging' && typeof b.value === 'string')
    .map((b) => b.value as string);
  if (annotation.bodyValue !== undefined) notes.unshift(annotation.bodyValue);
  const start = position?.start;
  const end = position?.end;
  const validPosition =
    Number.isInteger(start) &&
    Number.isInteger(end) &&
    (start as number) >= 0 &&
    (start as number) < (end as number);
  return {
    highlightId: annotation.id === undefined ? null : highlightIdOfUrn(annotation.id),
    source: target?.source ?? annotation.target[0]?.source ?? null,
    quote: {
      type: 'TextQuoteSelector',
      exact: quote.exact,
      prefix: stringField(quote.prefix),
      suffix: stringField(quote.suffix),
    },
    position: validPosition
      ? { type: 'TextPositionSelector', start: start as number, end: end as number }
      : null,
    color: annotation['lectern:color'] ?? null,
    tags: bodies
      .filter((b) => b.purpose === 'tagging' && typeof b.value === 'string')
      .map((b) => b.value as string),
    note: notes.length === 0 ? null : notes.join('\n\n'),
    createdAt: validDate(annotation.created),
    updatedAt: validDate(annotation.modified),
    anchoredVersion: annotation['lectern:anchoredVersion'] ?? null,
    unplaced: annotation['lectern:unplaced'] ?? null,
    needsCheck: annotation['lectern:needsCheck'] ?? null,
  };
}

const stringField = (value: unknown) => (typeof value === 'string' ? value : '');

/** Reads a parsed W3C file into one group per annotated source. */
export function parseW3c(json: unknown): ParseResult {
  const read = readW3c(json);
  if (read === null)
    return {
      ok: false,
      code: 'unsupported-type',
      message: 'The file holds no Web Annotations (no items, no Annotation).',
    };
  if ('tooMany' in read) return tooManyAnnotations(read.tooMany);
  const groups = new Map<string, AnnotationGroup>();
  for (const item of read.items) {
    const source = item.source ?? read.collection.source ?? '';
    const documentId = documentIdOfUrn(source) ?? read.collection.documentId;
    const key = `w3c:${source}`;
    const group = groups.get(key) ?? {
      key,
      title: read.collection.title,
      author: read.collection.author,
      url: documentIdOfUrn(source) === null && source !== '' ? source : read.collection.source,
      documentId,
      annotations: [],
    };
    group.annotations.push(annotationOf(item));
    groups.set(key, group);
  }
  return {
    ok: true,
    value: {
      format: 'w3c',
      groups: [...groups.values()],
      problems: read.problems,
      bookmarks: 0,
      duplicatesCollapsed: 0,
    },
  };
}

function annotationOf(item: W3cItem): ImportedAnnotation {
  return {
    quote: item.quote.exact,
    prefix: item.quote.prefix,
    suffix: item.quote.suffix,
    position: item.position === null ? null : { start: item.position.start, end: item.position.end },
    note: item.note,
    tags: importedTags(item.tags),
    color: item.color,
    createdAt: item.createdAt,
    where: item.position === null ? null : `characters ${item.position.start}-${item.position.end}`,
    order: null,
    lecternId: item.highlightId,
  };
}
