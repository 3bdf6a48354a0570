/** zod schemas of the app domain: library info and links opened outside. */
import { z } from 'zod';
import { MAX_URL_LENGTH } from '../documents/schemas';

export const urlSchema = z.string().max(MAX_URL_LENGTH);

export const appArguments = {
  getLibraryInfo: z.tuple([]),
  openExternal: z.tuple([urlSchema]),
  takeOpenRequest: z.tuple([]),
} as const;
