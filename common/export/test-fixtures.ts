/**
 * Export test data. The prose is from Leo Tolstoy, "War and Peace" (Maude translation, Project
 * Gutenberg, public domain), copied from the shared test data.
 */
import type { HighlightColor } from '../../preload/api/highlights';
import type { ExportDocument, ExportHighlight, ExportOptions } from './types';

export const DOC_ID = '0123456789abcdef';
export const OTHER_DOC_ID = 'fedcba9876543210';

export const PARAGRAPH_1 = `“Well, Prince, so Genoa and Lucca are now just family estates of the
Buonapartes. But I warn you, if you don’t tell me that this means war,
if you still try to defend the infamies and horrors perpetrated by that
Antichrist—I really believe he is Antichrist—I will have nothing
more to do with you and you are no longer my friend.”`;

export const PARAGRAPH_2 = `It was in July, 1805, and the speaker was the well-known Anna Pávlovna
Schérer, maid of honor and favorite of the Empress Márya Fëdorovna.
With these words she greeted Prince Vasíli Kurágin, a man of high
rank and importance, who was the first to arrive at her reception.`;

export const PARAGRAPH_3 = `“Heavens! what a virulent attack!” replied the prince, not in the
least disconcerted by this reception.`;

export const MARKDOWN = `# War and Peace\n\n## BOOK ONE: 1805\n\n### CHAPTER I\n\n${PARAGRAPH_1}\n\n${PARAGRAPH_2}\n\n### CHAPTER II\n\n${PARAGRAPH_3}\n`;

/** Rendered-text offsets roughly as the reader gives them (the headings' text comes first). */
const renderedStart = (paragraph: string): number => {
  const rendered = MARKDOWN.replace(/^#+ /gm, '');
  return rendered.indexOf(paragraph.slice(0, 40));
};

export function highlight(id: string, exact: string, extra: Partial<ExportHighlight> = {}): ExportHighlight {
  const start = Math.max(0, renderedStart(exact));
  return {
    id,
    color: 'yellow',
    quote: { exact },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    unplaced: false,
    needsCheck: false,
    tags: [],
    note: null,
    ...extra,
  };
}

export function document(highlights: ExportHighlight[], extra: Partial<ExportDocument> = {}): ExportDocument {
  return {
    id: DOC_ID,
    title: 'War and Peace',
    author: 'Leo Tolstoy',
    source: 'war-and-peace.txt',
    addedAt: '2026-12-01T10:00:00.000Z',
    tags: ['novels/russian', 'to-read'],
    markdown: MARKDOWN,
    documentNote: null,
    highlights,
    ...extra,
  };
}

const LABELS: Record<HighlightColor, string> = {
  yellow: 'Important',
  green: 'Idea',
  blue: 'Definition',
  pink: 'Question',
  purple: 'Quote: "key"',
  orange: '',
};

export const OPTIONS: ExportOptions = {
  colorLabels: LABELS,
  exportedAt: '2026-12-03T11:00:00.000Z',
  resolveTarget: (target) => {
    if (target.kind === 'note') return { fileBase: 'Reading plan', title: 'Reading plan' };
    if (target.documentId === OTHER_DOC_ID) return { fileBase: 'Anna Karenina', title: 'Anna Karenina' };
    if (target.documentId === DOC_ID) return { fileBase: 'War and Peace', title: 'War and Peace' };
    return null;
  },
};

/** Quotes that would change a markdown file's structure if written raw. */
export const HOSTILE_QUOTES = [
  '*bold* and _italic_ and **strong**',
  '[ ] not a task, [x] neither, [link](http://example.com)',
  '# not a heading',
  '> not a nested quote',
  '| a | table |\n|---|---|\n| row | row |',
  '`code` and ```fence```',
  '---',
  'Title\n===',
  'before\n---\nafter',
  '^h-0123456789abcdef',
  '<script>alert(1)</script>',
  '<img src=x onerror="alert(1)">',
  '<!-- lectern:end -->',
  '%% lectern:end %%',
  '1. not a list\n2) nor this',
  '- not a list\n+ nor this\n* nor this',
  '    four spaces, not code',
  'line one\nline two\n\nsecond paragraph',
  '==not highlighted== and $not maths$',
  '&amp; &lt;b&gt; &#x41;',
  '\\* escaped already \\',
  '[[lectern:doc/0123456789abcdef|not a link in a quote]]',
];
