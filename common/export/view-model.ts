/**
 * The view a Mustache export template reads: every value already escaped for markdown (quotes
 * and titles inert, notes neutralised with their links rewritten), so a template can place them
 * anywhere without breaking the file. Plain data only: no functions, nothing a template can call.
 */
import { isBlank } from '../anchoring/normalize';
import { deepLink } from './deep-link';
import { escapeInline, type LinkRewriter, neutralizeNote } from './escape';
import { quoteBlock } from './quote-block';
import { inPlaceOrder } from './format';
import { blockId, type LinkStyle, linkRewriter } from './link-rewrite';
import { placeInSections } from './place';
import type { ExportDocument, ExportHighlight, ExportOptions } from './types';

/** One line of a multi-line value, for outline formats that indent every line. */
export interface LineView {
  line: string;
}

export interface HighlightView {
  id: string;
  blockId: string;
  color: string;
  meaning: string;
  hasMeaning: boolean;
  /** The quote as a markdown blockquote (`> …` lines). */
  quote: string;
  /** The quote on one line, inert. */
  quoteText: string;
  tags: { name: string }[];
  hasTags: boolean;
  /** `#a #b/c` (Obsidian). */
  tagLine: string;
  /** `a, b/c` (Logseq `tags::`). */
  tagList: string;
  note: string;
  hasNote: boolean;
  noteLines: LineView[];
  link: string;
  needsCheck: boolean;
}

export interface SectionView {
  heading: string;
  hasHeading: boolean;
  level: number;
  /** `##`…`######`: the heading one level below the title. */
  hashes: string;
  highlights: HighlightView[];
}

export interface DocumentView {
  id: string;
  title: string;
  author: string;
  hasAuthor: boolean;
  source: string;
  added: string;
  exported: string;
  link: string;
  tags: { name: string }[];
  hasTags: boolean;
  tagList: string;
  documentNote: string;
  hasDocumentNote: boolean;
  documentNoteLines: LineView[];
  highlightCount: number;
  hasHighlights: boolean;
  /** Sections holding placed highlights, in document order. */
  sections: SectionView[];
  /** Every placed highlight, in document order. */
  highlights: HighlightView[];
  /** Highlights that could not be placed after the document changed. */
  unplaced: HighlightView[];
  hasUnplaced: boolean;
}

/** Which names may appear in a template, and which lists may sit inside which (no n² nesting). */
export const LIST_CHILDREN: Readonly<Record<string, readonly string[]>> = {
  '': ['sections', 'highlights', 'unplaced', 'tags', 'documentNoteLines'],
  sections: ['highlights'],
  highlights: ['tags', 'noteLines'],
  unplaced: ['tags', 'noteLines'],
  tags: [],
  documentNoteLines: [],
  noteLines: [],
};

const lines = (markdown: string): LineView[] =>
  markdown === '' ? [] : markdown.split('\n').map((line) => ({ line }));

/** What every highlight view of one export shares: the rewriter, the colours' meanings, the fields read. */
interface ViewContext {
  docId: string;
  rewriter: LinkRewriter;
  meanings: Map<string, string>;
  /** The names the template reads; null: all of them. */
  names: ReadonlySet<string> | null;
}

const reads = (context: ViewContext, name: string): boolean =>
  context.names === null || context.names.has(name);

function highlightView(h: ExportHighlight, context: ViewContext): HighlightView {
  const meaning = context.meanings.get(h.color) ?? '';
  const note = h.note !== null && !isBlank(h.note) ? neutralizeNote(h.note, context.rewriter) : '';
  return {
    id: h.id,
    blockId: blockId(h.id),
    color: h.color,
    meaning,
    hasMeaning: meaning !== '',
    quote: reads(context, 'quote') ? quoteBlock(h.quote.exact) : '',
    quoteText: reads(context, 'quoteText') ? escapeInline(h.quote.exact) : '',
    tags: h.tags.map((name) => ({ name })),
    hasTags: h.tags.length > 0,
    tagLine: h.tags.map((tag) => `#${tag}`).join(' '),
    tagList: h.tags.join(', '),
    note,
    hasNote: note !== '',
    noteLines: lines(note),
    link: deepLink(context.docId, h.id),
    needsCheck: h.needsCheck && !h.unplaced,
  };
}

/**
 * The document as a template sees it; links in notes written in `style`. With `names` (what the
 * template reads), a highlight's `quote` and `quoteText` are worked out only when read ('' if not).
 */
export function documentView(
  doc: ExportDocument,
  options: ExportOptions,
  style: LinkStyle,
  names: ReadonlySet<string> | null = null,
): DocumentView {
  const rewrite = linkRewriter(doc.id, options.resolveTarget, style);
  const meanings = new Map(
    Object.entries(options.colorLabels).map(([color, label]) => [color, escapeInline(label.trim())]),
  );
  const context: ViewContext = { docId: doc.id, rewriter: rewrite, meanings, names };
  const view = (h: ExportHighlight) => highlightView(h, context);
  const { placed, unplaced } = inPlaceOrder(doc.highlights);
  const { sections, bySection } = placeInSections(doc.markdown, placed);
  const sectionViews: SectionView[] = [];
  for (const section of sections) {
    const inSection = bySection.get(section.index);
    if (inSection === undefined) continue;
    const level = section.heading?.level ?? 1;
    sectionViews.push({
      heading: section.heading === null ? '' : escapeInline(section.heading.text),
      hasHeading: section.heading !== null,
      level,
      hashes: '#'.repeat(Math.min(6, level + 1)),
      highlights: inSection.map(view),
    });
  }
  const documentNote =
    doc.documentNote !== null && doc.documentNote.trim() !== ''
      ? neutralizeNote(doc.documentNote, rewrite)
      : '';
  const author = doc.author === null ? '' : escapeInline(doc.author);
  return {
    id: doc.id,
    title: escapeInline(doc.title) || 'Untitled',
    author,
    hasAuthor: author !== '',
    source: doc.source === null ? '' : escapeInline(doc.source),
    added: doc.addedAt,
    exported: options.exportedAt,
    link: deepLink(doc.id),
    tags: doc.tags.map((name) => ({ name })),
    hasTags: doc.tags.length > 0,
    tagList: doc.tags.join(', '),
    documentNote,
    hasDocumentNote: documentNote !== '',
    documentNoteLines: lines(documentNote),
    highlightCount: doc.highlights.length,
    hasHighlights: doc.highlights.length > 0,
    sections: sectionViews,
    highlights: sectionViews.flatMap((section) => section.highlights),
    unplaced: unplaced.map(view),
    hasUnplaced: unplaced.length > 0,
  };
}
