/** zod schemas of the highlights domain: new highlights, patches, stored highlights, anchor updates. */
import { z } from 'zod';
import { HIGHLIGHT_COLORS, MAX_NOTE_LENGTH } from '../../../preload/api';
import {
  MAX_ANCHOR_UPDATES,
  MAX_CONTEXT_LENGTH,
  MAX_QUOTE_LENGTH,
  MAX_TEXT_OFFSET,
  documentIdSchema,
} from '../documents/schemas';

export const highlightIdSchema = z
  .string()
  .regex(/^[0-9a-f]{16}$/, 'a highlight id is 16 lowercase hex characters');
export const textVersionSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'a text version is 64 lowercase hex characters');
export const highlightColorSchema = z.enum(HIGHLIGHT_COLORS);

export const textQuoteSelectorSchema = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(MAX_QUOTE_LENGTH),
  prefix: z.string().max(MAX_CONTEXT_LENGTH),
  suffix: z.string().max(MAX_CONTEXT_LENGTH),
});

const textOffset = z.number().int().min(0).max(MAX_TEXT_OFFSET);
export const textPositionSelectorSchema = z
  .strictObject({ type: z.literal('TextPositionSelector'), start: textOffset, end: textOffset })
  .refine((position) => position.start < position.end, {
    message: 'a position starts before it ends',
    path: ['end'],
  });

export const newHighlightSchema = z.strictObject({
  color: highlightColorSchema,
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
  anchoredVersion: textVersionSchema,
});

export const highlightPatchSchema = z
  .strictObject({
    color: highlightColorSchema.optional(),
    quote: textQuoteSelectorSchema.optional(),
    position: textPositionSelectorSchema.optional(),
    anchoredVersion: textVersionSchema.optional(),
    unplaced: z.boolean().optional(),
    needsCheck: z.boolean().optional(),
  })
  .refine(
    (patch) =>
      (patch.quote === undefined && patch.position === undefined) || patch.anchoredVersion !== undefined,
    {
      message: 'a new quote or position needs the anchoredVersion it was placed on',
      path: ['anchoredVersion'],
    },
  )
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'the patch changes nothing',
  });

const isoTime = z.iso.datetime();

/** A whole stored highlight: what annotations/<id>.json holds and what restoreHighlight takes back. */
export const highlightSchema = z.strictObject({
  id: highlightIdSchema,
  documentId: documentIdSchema,
  color: highlightColorSchema,
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
  anchoredVersion: textVersionSchema,
  unplaced: z.boolean(),
  needsCheck: z.boolean(),
  tags: z.array(z.string().min(1).max(200)).max(1000),
  note: z.string().max(MAX_NOTE_LENGTH).nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
});

export const anchorUpdateSchema = z.strictObject({
  id: highlightIdSchema,
  quote: textQuoteSelectorSchema,
  position: textPositionSelectorSchema,
  anchoredVersion: textVersionSchema,
  unplaced: z.boolean(),
  needsCheck: z.boolean(),
});

/**
 * An array validated item by item, stopping at the first invalid one: zod's own array check
 * visits every item and gathers every issue (100,000 bad items take seconds, then overflow).
 */
export function arrayUntilFirstIssue<T extends z.ZodType>(item: T, max: number) {
  return z
    .array(z.unknown())
    .max(max)
    .transform((items, context) => {
      const parsed: z.output<T>[] = [];
      for (const [index, value] of items.entries()) {
        const result = item.safeParse(value);
        if (!result.success) {
          for (const issue of result.error.issues.slice(0, 1)) {
            context.addIssue({ code: 'custom', message: issue.message, path: [index, ...issue.path] });
          }
          return z.NEVER;
        }
        parsed.push(result.data);
      }
      return parsed;
    });
}

export const highlightArguments = {
  addHighlight: z.tuple([documentIdSchema, newHighlightSchema]),
  updateHighlight: z.tuple([documentIdSchema, highlightIdSchema, highlightPatchSchema]),
  deleteHighlight: z.tuple([documentIdSchema, highlightIdSchema]),
  restoreHighlight: z.tuple([documentIdSchema, highlightSchema]),
  saveAnchors: z.tuple([documentIdSchema, arrayUntilFirstIssue(anchorUpdateSchema, MAX_ANCHOR_UPDATES)]),
} as const;
