/** zod schemas of the export domain's arguments. */
import { z } from 'zod';
import { documentIdSchema } from '../documents/schemas';

export const exportArguments = {
  exportDocument: z.tuple([documentIdSchema]),
  copyDocumentMarkdown: z.tuple([documentIdSchema]),
} as const;
