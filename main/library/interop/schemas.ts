/** zod schemas of the interop domain's arguments. */
import { z } from 'zod';
import { documentIdSchema } from '../documents/schemas';

/** Groups in one file: at most one per annotation (MAX_ANNOTATIONS). */
const MAX_ASSIGNMENTS = 100_000;

export const annotationImportPlanSchema = z.strictObject({
  importId: z.string().regex(/^[0-9a-f]{16}$/, 'an import id is 16 lowercase hex characters'),
  assignments: z
    .array(z.strictObject({ groupKey: z.string().min(1).max(10_000), documentId: documentIdSchema }))
    .max(MAX_ASSIGNMENTS)
    .refine((list) => new Set(list.map((a) => a.groupKey)).size === list.length, {
      message: 'each group goes into one document',
    }),
});

export const interopArguments = {
  previewAnnotationImport: z.tuple([]),
  importAnnotations: z.tuple([annotationImportPlanSchema]),
  exportAnnotationsJsonLd: z.tuple([documentIdSchema]),
} as const;
