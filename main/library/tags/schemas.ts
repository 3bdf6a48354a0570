/** zod schemas of the tags domain: tag ids as stored, and the arguments of the tag methods. */
import { z } from 'zod';
import { MAX_TAG_LENGTH, MAX_TAGS_PER_ITEM } from '../../../common/tags';
import { documentIdSchema } from '../documents/schemas';

export const tagIdSchema = z.string().regex(/^[0-9a-f]{12}$/, 'a tag id is 12 lowercase hex characters');

/** A tag as typed: checked by normalizeTag in the service, which says why one is refused. */
const rawTagSchema = z
  .string()
  .max(MAX_TAG_LENGTH * 4, `a tag can be at most ${MAX_TAG_LENGTH} characters long`);

/** The tags of one item: more than MAX_TAGS_PER_ITEM is refused with a message, not cut. */
export const tagListSchema = z
  .array(rawTagSchema)
  .max(MAX_TAGS_PER_ITEM, `one item can carry at most ${MAX_TAGS_PER_ITEM} tags`);

const highlightId = z.string().regex(/^[0-9a-f]{16}$/, 'a highlight id is 16 lowercase hex characters');
const changeId = z.string().regex(/^[0-9a-f]{12}$/, 'a change id is 12 lowercase hex characters');

export const tagArguments = {
  listTags: z.tuple([]),
  setHighlightTags: z.tuple([documentIdSchema, highlightId, tagListSchema]),
  setDocumentTags: z.tuple([documentIdSchema, tagListSchema]),
  renameTag: z.tuple([rawTagSchema, rawTagSchema]),
  mergeTags: z.tuple([rawTagSchema, rawTagSchema]),
  deleteTag: z.tuple([rawTagSchema]),
  undoTagChange: z.tuple([changeId]),
} as const;
