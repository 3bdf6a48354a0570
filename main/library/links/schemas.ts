/** zod schemas of the links domain's arguments: raw targets, targets, broken links. */
import { z } from 'zod';
import { documentIdSchema } from '../documents/schemas';
import { highlightIdSchema } from '../highlights/schemas';

const linkIdSchema = z.string().regex(/^[0-9a-f]{16}$/, 'an id is 16 lowercase hex characters');
/** A raw target as written after `lectern:`; malformed ones are resolved as broken, not refused. */
const rawTargetSchema = z.string().min(1).max(200);
const MAX_RESOLVE = 5000;
const MAX_SEARCH_RESULTS = 200;

export const linkTargetSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('doc'), documentId: documentIdSchema }),
  z.strictObject({ kind: z.literal('note'), noteId: linkIdSchema }),
  z.strictObject({
    kind: z.literal('highlight'),
    documentId: documentIdSchema,
    highlightId: highlightIdSchema,
  }),
]);

export const linkSourceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('note'), noteId: linkIdSchema }),
  z.strictObject({
    kind: z.literal('highlight-note'),
    documentId: documentIdSchema,
    highlightId: highlightIdSchema,
  }),
  z.strictObject({ kind: z.literal('document-note'), documentId: documentIdSchema }),
]);

const offset = z.number().int().min(0).max(50_000_000);

export const brokenLinkSchema = z
  .strictObject({
    source: linkSourceSchema,
    sourceKey: z.string().max(200),
    sourceTitle: z.string().max(10_000),
    start: offset,
    end: offset,
    raw: z.string().min(1).max(1_000_000),
    label: z.string().max(1_000_000).nullable(),
    status: z.enum(['trashed', 'missing']),
    reason: z.string().max(10_000),
    snippet: z.string().max(10_000),
  })
  .refine((broken) => broken.start < broken.end, { message: 'a link ends after it starts', path: ['end'] });

export const linkArguments = {
  findLinkTargets: z.tuple([z.string().max(500), z.number().int().min(1).max(MAX_SEARCH_RESULTS)]),
  resolveLinks: z.tuple([z.array(rawTargetSchema).max(MAX_RESOLVE)]),
  getBacklinks: z.tuple([rawTargetSchema]),
  getDocumentLinks: z.tuple([documentIdSchema]),
  listBrokenLinks: z.tuple([]),
  repairLink: z.tuple([brokenLinkSchema, linkTargetSchema.nullable()]),
} as const;
