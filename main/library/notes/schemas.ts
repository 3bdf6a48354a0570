/** zod schemas of the notes domain's arguments. Body sizes are checked by the service (a clear `too-large`). */
import { z } from 'zod';
import { MAX_TAGS_PER_ITEM } from '../../../common/tags';
import { MAX_NOTE_TITLE_LENGTH } from '../../../preload/api';
import { documentIdSchema } from '../documents/schemas';
import { highlightIdSchema } from '../highlights/schemas';
import { noteIdSchema } from './note-file';

const titleSchema = z
  .string()
  .max(MAX_NOTE_TITLE_LENGTH, `a note title is at most ${MAX_NOTE_TITLE_LENGTH} characters`);
const tagsSchema = z
  .array(z.string().max(1000))
  .max(MAX_TAGS_PER_ITEM, `a note may carry at most ${MAX_TAGS_PER_ITEM} tags`);
/** The payload caps (payload-size.ts) bound this well before zod sees it; the service names the note cap. */
const markdownSchema = z.string();

export const newNoteSchema = z.strictObject({
  title: titleSchema,
  body: markdownSchema.optional(),
  tags: tagsSchema.optional(),
});

export const notePatchSchema = z
  .strictObject({
    title: titleSchema.optional(),
    body: markdownSchema.optional(),
    tags: tagsSchema.optional(),
  })
  .refine((patch) => Object.values(patch).some((value) => value !== undefined), {
    message: 'the patch changes nothing',
  });

export const noteArguments = {
  listNotes: z.tuple([]),
  listUnreadableNotes: z.tuple([]),
  getNote: z.tuple([noteIdSchema]),
  createNote: z.tuple([newNoteSchema]),
  saveNote: z.tuple([noteIdSchema, notePatchSchema]),
  deleteNote: z.tuple([noteIdSchema]),
  listTrashedNotes: z.tuple([]),
  restoreNote: z.tuple([noteIdSchema]),
  setHighlightNote: z.tuple([documentIdSchema, highlightIdSchema, markdownSchema.nullable()]),
  setDocumentNote: z.tuple([documentIdSchema, markdownSchema.nullable()]),
} as const;
