/** zod schemas of the app domain: library info, its notices, and links opened outside. */
import { z } from 'zod';
import { MAX_URL_LENGTH } from '../documents/schemas';
import { NOTICE_ID } from './kept-notices';

export const urlSchema = z.string().max(MAX_URL_LENGTH);

export const appArguments = {
  getLibraryInfo: z.tuple([]),
  openExternal: z.tuple([urlSchema]),
  takeOpenRequest: z.tuple([]),
  acknowledgeNotice: z.tuple([z.string().regex(NOTICE_ID)]),
} as const;
