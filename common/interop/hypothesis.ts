/**
 * Hypothesis annotations as its API returns them (`/api/search` rows, one annotation, or an
 * array): the page's `uri` and title, the quote from the TextQuoteSelector (context kept), the
 * TextPositionSelector as a hint; a RangeSelector alone names DOM nodes, not text, so it cannot
 * be placed. Page notes and replies have no passage: reported, not imported.
 */
import { z } from 'zod';
import type { AnnotationGroup, ImportedAnnotation, ParseProblem } from '../../preload/api/interop';
import { excerpt, MAX_ANNOTATIONS, type ParseResult, tooManyAnnotations } from './limits';
import { importedTags } from './tags-in';

const selectorSchema = z.union([
  z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string(),
    prefix: z.string().optional(),
    suffix: z.string().optional(),
  }),
  z.object({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().min(0),
    end: z.number().int().min(0),
  }),
  z.object({ type: z.string() }),
]);

const annotationSchema = z.object({
  id: z.string().optional(),
  uri: z.string().optional(),
  created: z.string().optional(),
  text: z.string().optional().nullable(),
  tags: z.array(z.string()).optional().nullable(),
  references: z.array(z.string()).optional(),
  document: z
    .object({ title: z.union([z.string(), z.array(z.string())]).optional() })
    .optional()
    .nullable(),
  target: z
    .array(z.object({ source: z.string().optional(), selector: z.array(selectorSchema).optional() }))
    .optional(),
});
type HypothesisAnnotation = z.infer<typeof annotationSchema>;

/** True when `json` looks like Hypothesis output (rows, or annotations with `uri` and `target`). */
export function isHypothesisJson(json: unknown): boolean {
  const list = rowsOf(json);
  return list !== null && list.some((item) => typeof item === 'object' && item !== null && 'uri' in item);
}

function rowsOf(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json;
  if (typeof json !== 'object' || json === null) return null;
  if ('rows' in json && Array.isArray(json.rows)) return json.rows;
  return [json];
}

/** Reads parsed Hypothesis JSON into one group per page. */
export function parseHypothesis(json: unknown): ParseResult {
  const rows = rowsOf(json);
  if (rows === null)
    return { ok: false, code: 'unsupported-type', message: 'This is not Hypothesis annotation JSON.' };
  if (rows.length > MAX_ANNOTATIONS) return tooManyAnnotations(rows.length);
  const problems: ParseProblem[] = [];
  const groups = new Map<string, AnnotationGroup>();
  rows.forEach((row, index) => {
    const parsed = annotationSchema.safeParse(row);
    const entry = index + 1;
    if (!parsed.success) {
      problems.push({
        entry,
        line: null,
        message: `Annotation ${entry} is not a Hypothesis annotation: ${parsed.error.issues[0]?.message ?? 'bad shape'}.`,
      });
      return;
    }
    const read = readAnnotation(parsed.data);
    if (typeof read === 'string') {
      problems.push({ entry, line: null, message: read });
      return;
    }
    const uri = parsed.data.uri ?? parsed.data.target?.[0]?.source ?? '';
    const group = groups.get(uri) ?? newGroup(uri, parsed.data);
    group.annotations.push(read);
    groups.set(uri, group);
  });
  return {
    ok: true,
    value: {
      format: 'hypothesis',
      groups: [...groups.values()],
      problems,
      bookmarks: 0,
      duplicatesCollapsed: 0,
    },
  };
}

function newGroup(uri: string, annotation: HypothesisAnnotation): AnnotationGroup {
  const title = annotation.document?.title;
  const first = Array.isArray(title) ? title[0] : title;
  return {
    key: `hypothesis:${uri}`,
    title: first?.trim() || null,
    author: null,
    url: uri === '' ? null : uri,
    documentId: null,
    annotations: [],
  };
}

/** The annotation, or why it cannot be imported. */
function readAnnotation(annotation: HypothesisAnnotation): ImportedAnnotation | string {
  const selectors = annotation.target?.flatMap((target) => target.selector ?? []) ?? [];
  const quote = selectors.find((s) => s.type === 'TextQuoteSelector') as
    { exact: string; prefix?: string; suffix?: string } | undefined;
  const position = selectors.find((s) => s.type === 'TextPositionSelector') as
    { start: number; end: number } | undefined;
  const label = annotation.text ? ` “${excerpt(annotation.text)}”` : '';
  if ((annotation.references?.length ?? 0) > 0)
    return `The reply${label} answers another annotation: it has no passage of its own.`;
  if (quote === undefined || quote.exact.trim() === '') {
    return selectors.length === 0
      ? `The page note${label} is on the whole page, not a passage.`
      : `The annotation${label} has no quote (only ${[...new Set(selectors.map((s) => s.type))].join(', ')}), so its passage cannot be found.`;
  }
  const text = annotation.text?.trim() ?? '';
  return {
    quote: quote.exact,
    prefix: quote.prefix ?? '',
    suffix: quote.suffix ?? '',
    position:
      position !== undefined && position.start < position.end
        ? { start: position.start, end: position.end }
        : null,
    note: text === '' ? null : text,
    tags: importedTags(annotation.tags ?? []),
    color: null,
    createdAt: validDate(annotation.created),
    where: null,
    order: null,
    lecternId: null,
  };
}

/** An ISO date as given, when it is one. */
export function validDate(value: string | undefined): string | null {
  if (value === undefined) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : new Date(time).toISOString();
}
