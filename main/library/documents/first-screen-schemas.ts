/** zod schemas of the first-screen methods: windowed library queries and the two-step open. */
import { z } from 'zod';
import { MAX_QUERY_LIMIT, MAX_ROW_INDEX_LIMIT } from '../../../preload/api';
import { documentIdSchema } from './schemas';

export const MAX_FILTER_LENGTH = 1000;

export const documentQuerySchema = z.strictObject({
  sort: z.enum(['recent', 'added', 'title']),
  filter: z.string().max(MAX_FILTER_LENGTH),
  offset: z.number().int().min(0).max(100_000_000),
  limit: z.number().int().min(0).max(MAX_QUERY_LIMIT),
  tag: z.string().min(1).max(256).optional(),
});

export const rowIndexQuerySchema = documentQuerySchema.extend({
  limit: z.number().int().min(0).max(MAX_ROW_INDEX_LIMIT),
  since: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});

export const textVersionSchema = z.string().regex(/^[0-9a-f]{64}$/, 'a text version is a sha256 in hex');

const sectionIndexSchema = z.number().int().min(0).max(10_000_000);

export const firstScreenArguments = {
  queryDocuments: z.tuple([documentQuerySchema]),
  queryRowIndex: z.tuple([rowIndexQuerySchema]),
  openDocumentStart: z.tuple([documentIdSchema]),
  readDocumentText: z.tuple([documentIdSchema, textVersionSchema]),
  readDocumentSections: z.tuple([documentIdSchema, textVersionSchema, sectionIndexSchema, sectionIndexSchema]),
} as const;
