/** zod schemas of the workspace domain's arguments: a query (filter, grouping, window), a bulk edit, a review day. */
import { z } from 'zod';
import { MAX_TAG_LENGTH, MAX_TAGS_PER_ITEM } from '../../../common/tags';
import { MAX_WORKSPACE_SELECTION, MAX_WORKSPACE_WINDOW, WORKSPACE_GROUPINGS } from '../../../preload/api';
import { documentIdSchema } from '../documents/schemas';
import { highlightColorSchema, highlightIdSchema } from '../highlights/schemas';

const rawTag = z.string().max(MAX_TAG_LENGTH * 4, `a tag can be at most ${MAX_TAG_LENGTH} characters long`);
const instant = z.iso.datetime();

export const workspaceFilterSchema = z.strictObject({
  text: z.string().max(1000, 'the text filter can be at most 1,000 characters long').optional(),
  tags: z.array(rawTag).max(MAX_TAGS_PER_ITEM).optional(),
  colors: z.array(highlightColorSchema).max(6).optional(),
  documentIds: z.array(documentIdSchema).max(1000).optional(),
  createdFrom: instant.optional(),
  createdBefore: instant.optional(),
});

export const workspaceQuerySchema = z.strictObject({
  filter: workspaceFilterSchema,
  grouping: z.enum(WORKSPACE_GROUPINGS),
  offset: z.number().int().min(0).max(10_000_000),
  limit: z.number().int().min(1).max(MAX_WORKSPACE_WINDOW),
});

const highlightRef = z.strictObject({ documentId: documentIdSchema, highlightId: highlightIdSchema });

export const highlightsEditSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('tag'), tag: rawTag }),
  z.strictObject({ kind: z.literal('untag'), tag: rawTag }),
  z.strictObject({ kind: z.literal('recolor'), color: highlightColorSchema }),
  z.strictObject({ kind: z.literal('delete') }),
]);

export const workspaceArguments = {
  queryWorkspace: z.tuple([workspaceQuerySchema]),
  editHighlights: z.tuple([
    z
      .array(highlightRef)
      .min(1, 'select at least one highlight')
      .max(
        MAX_WORKSPACE_SELECTION,
        `at most ${MAX_WORKSPACE_SELECTION} highlights can be changed at once; select fewer`,
      ),
    highlightsEditSchema,
  ]),
  undoHighlightsEdit: z.tuple([z.string().regex(/^[0-9a-f]{16}$/, 'an undo token is 16 hex characters')]),
  reviewHighlights: z.tuple([z.iso.date(), z.number().int().min(1).max(50)]),
} as const;
