/** zod schemas of the search domain's arguments: any query text (the parser caps it), a result limit. */
import { z } from 'zod';

/** Longer text is refused at the boundary; the parser reads only the start of what it is given anyway. */
const MAX_QUERY_ARGUMENT = 100_000;
const MAX_RESULTS_PER_KIND = 100;

export const searchArguments = {
  search: z.tuple([z.string().max(MAX_QUERY_ARGUMENT), z.number().int().min(1).max(MAX_RESULTS_PER_KIND)]),
} as const;
