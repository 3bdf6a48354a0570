/** zod schemas of the export domain's arguments. */
import { z } from 'zod';
import { EXPORT_PRESETS, MAX_EXPORT_TEMPLATE_LENGTH } from '../../../preload/api';
import { MAX_TAG_LENGTH } from '../../../common/tags';
import { documentIdSchema } from '../documents/schemas';
import { highlightColorSchema } from '../highlights/schemas';

/** More documents than any library holds is a bug or an attack, not a selection. */
const MAX_SELECTED_DOCUMENTS = 100_000;

const scopeSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('all') }),
  z.strictObject({
    kind: z.literal('documents'),
    documentIds: z.array(documentIdSchema).max(MAX_SELECTED_DOCUMENTS),
  }),
  z.strictObject({
    kind: z.literal('tag'),
    tag: z
      .string()
      .min(1)
      .max(MAX_TAG_LENGTH * 4),
  }),
  z.strictObject({ kind: z.literal('color'), color: highlightColorSchema }),
]);

/** A folder path as the dialog gave it (the handler checks it was given). */
const folderSchema = z.string().min(1).max(4096);

const exportManyRequestSchema = z.strictObject({
  scope: scopeSchema,
  includeNotes: z.boolean(),
  folder: folderSchema.optional(),
});

const templateChoiceSchema = z.strictObject({
  preset: z.enum(EXPORT_PRESETS),
  template: z.string().max(MAX_EXPORT_TEMPLATE_LENGTH),
});

export const exportArguments = {
  exportDocument: z.tuple([documentIdSchema]),
  copyDocumentMarkdown: z.tuple([documentIdSchema]),
  exportMany: z.tuple([exportManyRequestSchema]),
  cancelExport: z.tuple([z.string().regex(/^[0-9a-f]{16}$/, 'an export id (16 hex characters)')]),
  previewExportMany: z.tuple([
    z.strictObject({
      scope: scopeSchema,
      includeNotes: z.boolean(),
      choice: templateChoiceSchema,
      index: z
        .number()
        .int()
        .min(0)
        .max(MAX_SELECTED_DOCUMENTS * 2),
      folder: folderSchema.optional(),
    }),
  ]),
} as const;
