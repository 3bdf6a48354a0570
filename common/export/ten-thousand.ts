/**
 * The export.10k document, shared by the bench (its speed) and the bytes test (its output): a
 * book with its BOOK and CHAPTER lines as headings and 10,000 highlights spread over it, each with
 * a note holding a link and two tags. Pure: the same book text always gives the same document.
 */
import { HIGHLIGHT_COLORS } from '../../preload/api/highlights';
import type { ExportDocument, ExportHighlight, ExportOptions } from './types';

export const TEN_THOUSAND = 10_000;
const DOC_ID = '0123456789abcdef';
const id = (n: number): string => n.toString(16).padStart(16, '0');

/** The document: `book` is the plain text of War and Peace with LF line endings. */
export function tenThousandHighlights(book: string): ExportDocument {
  const markdown = book.replace(/^(BOOK [A-Z]+|CHAPTER [A-Z]+)/gm, (heading) =>
    heading.startsWith('BOOK') ? `## ${heading}` : `### ${heading}`,
  );
  const step = Math.floor((book.length - 1000) / TEN_THOUSAND);
  const highlights: ExportHighlight[] = Array.from({ length: TEN_THOUSAND }, (_, n) => {
    const start = book.indexOf(' ', n * step) + 1;
    const exact = book.slice(start, start + 40 + (n % 5) * 40);
    return {
      id: id(n),
      color: HIGHLIGHT_COLORS[n % HIGHLIGHT_COLORS.length] ?? 'yellow',
      quote: { exact },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
      unplaced: n % 997 === 0,
      needsCheck: n % 101 === 0,
      tags: [`people/${['natasha', 'pierre', 'andrew'][n % 3]}`, n % 2 === 0 ? 'war' : 'peace'],
      note: `Compare with [[lectern:highlight/${DOC_ID}/${id((n * 7) % TEN_THOUSAND)}|an earlier passage]]: *why* here? #${n}`,
    };
  });
  return {
    id: DOC_ID,
    title: 'War and Peace: "the" novel #1',
    author: 'Leo Tolstoy',
    source: 'war-and-peace.txt',
    addedAt: '2026-12-01T10:00:00.000Z',
    tags: ['novels/russian'],
    markdown,
    documentNote: 'Read in the winter of 2026.',
    highlights,
  };
}

/** The options it is exported with. */
export const TEN_THOUSAND_OPTIONS: ExportOptions = {
  colorLabels: {
    yellow: 'Important',
    green: 'Idea',
    blue: 'Definition',
    pink: 'Question',
    purple: 'Quote',
    orange: 'Todo',
  },
  exportedAt: '2026-12-03T11:00:00.000Z',
  resolveTarget: () => ({ fileBase: 'War and Peace', title: 'War and Peace' }),
};
