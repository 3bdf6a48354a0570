/**
 * A document's notes as one markdown file: front matter, the document note, then its highlights
 * in document order under the document's own headings, each with its colour, tags, note, block id
 * and deep link; unplaced highlights last. Pure: the same input always gives the same bytes.
 */
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

/** The highlights in document order, placed ones apart from those the current text lost. */
export function inPlaceOrder(highlights: readonly ExportHighlight[]): {
  placed: ExportHighlight[];
  unplaced: ExportHighlight[];
} {
  const placed: ExportHighlight[] = [];
  const unplaced: ExportHighlight[] = [];
  // One sort, then split: the order within each part is the same as sorting each.
  for (const h of highlights.toSorted(byPlace)) (h.unplaced ? unplaced : placed).push(h);
  return { placed, unplaced };
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
 * One highlight's block. Built as one template string: 10,000 of them should not churn arrays.
 * Called directly with a plain context, no closure made per export: a new closure is a new call
 * target to V8, which dropped the optimised loop at every export for it.
 */
function highlightBlock(h: ExportHighlight, context: BlockContext): string {
  let tags = '';
  for (const tag of h.tags) tags += tags === '' ? ` · #${tag}` : ` #${tag}`;
  // `)` and what follows it as one piece, the colour line with its blank line before it: every
  // piece joined is a node V8 allocates and later walks, 250,000 of them over export.10k.
  const note = h.note !== null && h.note.trim() !== '' ? neutralizeNote(h.note, context.rewriter) : '';
  const check = h.needsCheck && !h.unplaced;
  const close = check ? (note === '' ? CLOSE_CHECK : CLOSE_CHECK_NOTE) : note === '' ? ')' : ')\n\n';
  const colour = context.colours.get(h.color) ?? '\n\n';
  return `${quoteBlock(h.quote.exact)}${BLOCK_ID_LEAD}${h.id}${colour}${tags}${context.linkLead}${checkedLinkId(h.id)}${close}${note}`;
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
 * The body's blocks, joined every few hundred. Why: 10,000 highlight blocks kept apart until the
 * end survive every young-generation GC and are copied by each (most of export.10k's time went
 * there); a joined chunk of that size is allocated outside the young generation, and its parts die
 * young. Smaller chunks (64, 180 blocks) stay young and are copied: scavenges took 2-4x longer.
 */
class BlockList {
  private readonly chunks: string[] = [];
  private blocks: string[];
  constructor(first: string) {
    this.blocks = [first];
  }
  /** One block (a method of one argument: a rest parameter allocated an array for each of 10,000 blocks). */
  push(block: string): void {
    this.blocks.push(block);
  }
  /** Joins the blocks so far into a chunk once there are enough of them. */
  settle(): void {
    if (this.blocks.length < 256) return;
    this.chunks.push(this.blocks.join('\n\n'));
    this.blocks = [];
  }
  /** The text: every block, then a final newline, as one flat string (one copy, no rope left to flatten). */
  join(): string {
    const all = [...this.chunks, ...this.blocks];
    all[all.length - 1] += '\n';
    return all.join('\n\n');
  }
}

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
  for (const h of highlights) blocks.push(highlightBlock(h, context));
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
