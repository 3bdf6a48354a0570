/** Library rows for the list's unit tests: a row as the core answers it, numbered and titled. */
import type { DocumentRow } from '../../preload/api';

/** Row `n` (its id is n in hex) titled `title`, with `patch` over the defaults. */
export const documentRow = (n: number, title: string, patch: Partial<DocumentRow> = {}): DocumentRow => ({
  id: n.toString(16).padStart(16, '0'),
  title,
  author: null,
  source: null,
  excerpt: '',
  tags: [],
  wordCount: 1,
  readingMinutes: 1,
  progress: 0,
  addedAt: '2026-12-01T10:00:00.000Z',
  openedAt: null,
  highlightCount: 0,
  ...patch,
});
