/**
 * A document's notes as one markdown file: front matter, the document note, then its highlights
 * in document order under the document's own headings, each with its colour, tags, note, block id
 * and deep link; unplaced highlights last. Pure: the same input always gives the same bytes.
 */
import { isBlank } from '../anchoring/normalize';
import type { SectionHeading } from '../sections';
import { checkedLinkId, deepLink, highlightLinkPrefix } from './deep-link';
import { escapeInline, type LinkRewriter, neutralizeNote } from './escape';
import { quoteBlock } from './quote-block';
import { formatFrontMatter } from './front-matter';
import { blockId, linkRewriter } from './link-rewrite';
import { placeInSections } from './place';
import type { ExportDocument, ExportHighlight, ExportOptions, FormattedExport } from './types';

export type * from './types';
export { blockId } from './link-rewrite';

/** Highlights in document order; equal places keep a stable order by id. */
export const byPlace = (a: ExportHighlight, b: ExportHighlight): number =>
  a.position.start - b.position.start || a.position.end - b.position.end || (a.id < b.id ? -1 : 1);

const isPlaced = (h: ExportHighlight): boolean => !h.unplaced;
const isUnplaced = (h: ExportHighlight): boolean => h.unplaced;

/** The highlights in document order, placed ones apart from those the current text lost. */
export function inPlaceOrder(highlights: readonly ExportHighlight[]): {
  placed: ExportHighlight[];
  unplaced: ExportHighlight[];
} {
  // One sort, then split: the order within each part is the same as sorting each. Filtered by
  // the builtin: a loop pushing into two fresh arrays was optimised while they were empty and
  // thrown away (wrong map) once they held highlights.
  const sorted = highlights.toSorted(byPlace);
  return { placed: sorted.filter(isPlaced), unplaced: sorted.filter(isUnplaced) };
}

/** The front matter: what Obsidian, Logseq and scripts read about the document. */
export function exportFrontMatter(doc: ExportDocument, exportedAt: string): string {
  return formatFrontMatter([
    ['title', doc.title],
    ['author', doc.author],
    ['source', doc.source],
    ['added', doc.addedAt],
    ['lectern-id', doc.id],
    ['lectern-link', deepLink(doc.id)],
    ['tags', [...doc.tags]],
    ['highlights', doc.highlights.length],
    ['exported', exportedAt],
  ]);
}

const CHECK_THIS =
  '**Check this:** after the document changed, Lectern placed this passage without being sure.';

/** `Colour: green (Idea)` per colour after its blank line, escaped once per export rather than once per highlight. */
function colourLines(options: ExportOptions): Map<string, string> {
  return new Map(
    Object.entries(options.colorLabels).map(([color, label]) => {
      const meaning = label.trim();
      return [color, `\n\nColour: ${color}${meaning === '' ? '' : ` (${escapeInline(meaning)})`}`];
    }),
  );
}

/** What every highlight block of one export shares, worked out once per export. */
interface BlockContext {
  colours: Map<string, string>;
  /** ` · [Open in Lectern](lectern://open?doc=…&highlight=`: the highlight's id and `)` follow. */
  linkLead: string;
  rewriter: LinkRewriter;
}

/**
 * One highlight's block, its pieces added to `blocks` one by one: a string built from them first
 * is a tree of pieces V8 allocates, keeps through GCs and walks again when joining.
 * Called directly with a plain context, no closure made per export: a new closure is a new call
 * target to V8, which dropped the optimised loop at every export for it.
 */
function addHighlightBlock(blocks: BlockList, h: ExportHighlight, context: BlockContext): void {
  const note = h.note !== null && !isBlank(h.note) ? neutralizeNote(h.note, context.rewriter) : '';
  const check = h.needsCheck && !h.unplaced;
  blocks.push(quoteBlock(h.quote.exact));
  blocks.add(BLOCK_ID_LEAD);
  blocks.add(h.id);
  blocks.add(context.colours.get(h.color) ?? '\n\n');
  let first = true;
  for (const tag of h.tags) {
    blocks.add(first ? ' · #' : ' #');
    blocks.add(tag);
    first = false;
  }
  blocks.add(context.linkLead);
  blocks.add(checkedLinkId(h.id));
  blocks.add(check ? (note === '' ? CLOSE_CHECK : CLOSE_CHECK_NOTE) : note === '' ? ')' : ')\n\n');
  blocks.add(note);
}

/** Before a highlight's id: its block id's start on a line of its own. */
const BLOCK_ID_LEAD = `\n\n^${blockId('')}`;
const CLOSE_CHECK = `)\n\n${CHECK_THIS}`;
const CLOSE_CHECK_NOTE = `${CLOSE_CHECK}\n\n`;

/**
 * The document's headings as the export shows them: a section with highlights brings its own
 * heading and those above it not shown yet (a chapter's part), one level below the title; a
 * first-level heading that repeats the title is left out. A class, not closures made per export
 * (each a new call target to V8).
 */
class HeadingTrail {
  private readonly trail: (SectionHeading | null)[] = [null, null, null];
  private readonly shown: (SectionHeading | null)[] = [null, null, null];
  private readonly title: string;
  constructor(title: string) {
    this.title = title.replace(/\s+/g, ' ').trim();
  }

  /** Records the section's heading; when it has highlights, answers the heading lines to write. */
  enter(heading: SectionHeading | null, hasHighlights: boolean): string[] {
    const { trail, shown } = this;
    if (heading !== null) {
      trail[heading.level - 1] = this.repeatsTitle(heading) ? null : heading;
      for (let level = heading.level; level < trail.length; level++) trail[level] = null;
    }
    if (!hasHighlights) return [];
    const lines: string[] = [];
    trail.forEach((entry, level) => {
      if (entry === null || shown[level] === entry) return;
      lines.push(`${'#'.repeat(entry.level + 1)} ${escapeInline(entry.text) || '…'}`);
      shown[level] = entry;
      for (let deeper = level + 1; deeper < shown.length; deeper++) shown[deeper] = null;
    });
    return lines;
  }

  private repeatsTitle(heading: SectionHeading): boolean {
    return heading.level === 1 && heading.text.replace(/\s+/g, ' ').trim() === this.title;
  }
}

/**
 * The body's blocks as their pieces, joined every few thousand. Why: pieces kept apart until the
 * end survive every young-generation GC and are copied by each; a joined chunk of that size is
 * allocated outside the young generation, and its pieces die young.
 */
class BlockList {
  private readonly chunks: string[] = [];
  private readonly pieces: string[] = [];
  constructor(first: string) {
    this.pieces.push(first);
  }
  /** Starts a block (after the blank line that ends the one before): the block, or its first piece. */
  push(block: string): void {
    this.pieces.push('\n\n');
    this.pieces.push(block);
  }
  /** The next piece of the current block. */
  add(piece: string): void {
    this.pieces.push(piece);
  }
  /** Joins the pieces so far into a chunk once there are enough of them. */
  settle(): void {
    if (this.pieces.length < CHUNK_PIECES) return;
    this.chunks.push(this.pieces.join(''));
    // Emptied, not replaced: a new `[]` has another map (no elements yet), which deoptimised this.
    this.pieces.length = 0;
  }
  /** The text: every block, then a final newline, as one flat string (one copy, no rope left to flatten). */
  join(): string {
    this.pieces.push('\n');
    this.chunks.push(this.pieces.join(''));
    return this.chunks.join('');
  }
}

/** ~300 highlight blocks of ~13 pieces: a chunk over V8's 128 KB regular object size (~220 KB of export.10k's two-byte text). */
const CHUNK_PIECES = 4096;

/**
 * A section's highlight blocks. A function of its own, called per section: exportBody runs once
 * per export, and V8 (--trace-opt) optimised it only in export.10k's fourth run; this is
 * optimised within the first.
 */
function pushHighlights(
  blocks: BlockList,
  highlights: readonly ExportHighlight[],
  context: BlockContext,
): void {
  for (const h of highlights) addHighlightBlock(blocks, h, context);
  blocks.settle();
}

/** The body: title, document note, highlights grouped by section, then the unplaced ones. */
export function exportBody(doc: ExportDocument, options: ExportOptions): string {
  return bodyAfter('', doc, options);
}

/** `lead` (the front matter and its blank line, or nothing) and the body, joined once. */
function bodyAfter(lead: string, doc: ExportDocument, options: ExportOptions): string {
  const context: BlockContext = {
    colours: colourLines(options),
    linkLead: ` · [Open in Lectern](${highlightLinkPrefix(doc.id)}`,
    rewriter: linkRewriter(doc.id, options.resolveTarget),
  };
  const blocks = new BlockList(`${lead}# ${escapeInline(doc.title) || 'Untitled'}`);
  if (doc.author !== null && doc.author.trim() !== '') blocks.push(`By ${escapeInline(doc.author)}`);
  if (doc.documentNote !== null && doc.documentNote.trim() !== '')
    blocks.push(neutralizeNote(doc.documentNote, context.rewriter));
  const { placed, unplaced } = inPlaceOrder(doc.highlights);
  if (placed.length + unplaced.length === 0) blocks.push('*No highlights yet.*');
  const { sections, bySection } = placeInSections(doc.markdown, placed);
  const headings = new HeadingTrail(doc.title);
  for (const section of sections) {
    const inSection = bySection.get(section.index);
    const shown = headings.enter(section.heading, inSection !== undefined);
    if (inSection === undefined) continue;
    for (const line of shown) blocks.push(line);
    pushHighlights(blocks, inSection, context);
  }
  if (unplaced.length > 0) {
    blocks.push('## Not placed in the current text');
    blocks.push('These passages could not be found after the document changed; their quotes are kept here.');
    pushHighlights(blocks, unplaced, context);
  }
  return blocks.join();
}

/** The whole export of one document, as its two managed parts. */
export function formatDocumentExport(doc: ExportDocument, options: ExportOptions): FormattedExport {
  return { frontMatter: exportFrontMatter(doc, options.exportedAt), body: exportBody(doc, options) };
}

/** The export as one markdown text (what "Copy notes as markdown" copies). */
export function formatDocumentMarkdown(doc: ExportDocument, options: ExportOptions): string {
  // One join for the whole text: `frontMatter + body` would leave a 7 MB rope for its reader to flatten.
  return bodyAfter(`${exportFrontMatter(doc, options.exportedAt)}\n`, doc, options);
}
