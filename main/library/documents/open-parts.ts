/**
 * Opening a document in two steps: first what paints the screen at the saved place (metadata,
 * position, highlights, the compact section outline and ~64 KB of text from there), then the rest
 * (whole, or in pieces of sections read by the outline's byte offsets).
 */
import type { DocumentId, OpenedDocumentStart, Result } from '../../../preload/api';
import { splitSections, type Section } from '../../../common/sections';
import { toSummary } from '../catalog/records';
import { documentNotFound } from './not-found';
import { OutlineCache, type StoredOutline, buildOutline, publicOutline } from './outline';
import type { DocumentsParts } from './service';

/** Text sent in step one: a screen at any font size, with room to scroll on, and small to copy. */
export const FIRST_PART_CHARS = 64 * 1024;

/** The sections to send first: from the saved one on, whole sections, until FIRST_PART_CHARS (at least one). */
export function firstPartOf(sections: readonly Section[], fromSection: number): { first: number; text: string } {
  const first = Math.max(0, Math.min(fromSection, sections.length - 1));
  const parts: string[] = [];
  let chars = 0;
  for (let index = first; index < sections.length && (parts.length === 0 || chars < FIRST_PART_CHARS); index++) {
    const markdown = sections[index]?.markdown ?? '';
    parts.push(markdown);
    chars += markdown.length;
  }
  return { first, text: parts.join('') };
}

/** The sections to send first by the outline alone: [first, end) and their bytes in the file. */
export function firstRangeOf(outline: StoredOutline, fromSection: number): SectionRange {
  const { lengths } = outline;
  const first = Math.max(0, Math.min(fromSection, lengths.length - 1));
  let end = first;
  let chars = 0;
  while (end < lengths.length && (end === first || chars < FIRST_PART_CHARS)) {
    chars += lengths[end] ?? 0;
    end += 1;
  }
  return rangeOf(outline, first, end);
}

interface SectionRange {
  first: number;
  end: number;
  byteStart: number;
  byteLength: number;
  chars: number;
}

/** The sum of `column[from, to)`. */
function sum(column: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let i = from; i < to; i++) total += column[i] ?? 0;
  return total;
}

/** Where sections [first, end) lie in the stored file (bytes) and how many characters they hold. */
export function rangeOf(outline: StoredOutline, first: number, end: number): SectionRange {
  const byteStart = sum(outline.byteLengths, 0, first);
  return {
    first,
    end,
    byteStart,
    byteLength: sum(outline.byteLengths, first, end),
    chars: sum(outline.lengths, first, end),
  };
}

export class DocumentOpener {
  /** The outline of the document opened last: step two's pieces each need it. */
  private recentOutline: { id: DocumentId; outline: StoredOutline } | null = null;

  readonly outlines: OutlineCache;

  constructor(private readonly parts: Pick<DocumentsParts, 'fsys' | 'paths' | 'catalog' | 'annotations' | 'now'>) {
    this.outlines = new OutlineCache(parts.fsys, (id) => parts.paths.outlineFile(id));
  }

  /**
   * Step one; records the time the document was opened. `null` when there is no such document.
   * With the outline cached, only the first part's bytes are read; else the whole text is split
   * (and the outline cached for next time).
   */
  async openDocumentStart(id: DocumentId): Promise<OpenedDocumentStart | null> {
    const { catalog, annotations } = this.parts;
    const before = catalog.get(id);
    if (before === undefined) return null;
    const [outline, annotationsData] = await Promise.all([
      this.outlineFor(id, before.contentHash),
      annotations.read(id),
    ]);
    const { position, highlights, documentNote } = annotationsData;
    const fromSection = position?.section ?? before.startSection ?? 0;
    const part = outline === null ? null : await this.readFirstPart(id, outline, fromSection);
    const whole = part === null ? await this.readBody(id) : null;
    if (part === null && whole === null) return null;
    catalog.noteMetadata(id, { openedAt: this.parts.now().toISOString() });
    const record = catalog.get(id);
    if (record === undefined) return null;
    const start = { summary: toSummary(record), position, highlights, documentNote };
    if (part !== null && outline !== null) {
      return { ...start, ...part, outline: publicOutline(outline), totalLength: outline.totalLength };
    }
    const markdown = whole ?? '';
    const sections = splitSections(markdown);
    const { first, text } = firstPartOf(sections, fromSection);
    const built = buildOutline(markdown, record.contentHash);
    this.recentOutline = { id, outline: built };
    void this.outlines.write(id, built);
    return {
      ...start,
      outline: publicOutline(built),
      firstSection: first,
      firstText: text,
      totalLength: markdown.length,
    };
  }

  /** The first part by the outline's byte offsets; null when the file does not agree with it. */
  private async readFirstPart(
    id: DocumentId,
    outline: StoredOutline,
    fromSection: number,
  ): Promise<{ firstSection: number; firstText: string } | null> {
    const range = firstRangeOf(outline, fromSection);
    const text = await this.readRange(id, range);
    return text === null ? null : { firstSection: range.first, firstText: text };
  }

  /** The text of a range by its byte offsets; null when the file does not agree with the outline. */
  private async readRange(id: DocumentId, range: SectionRange): Promise<string | null> {
    try {
      const bytes = await this.parts.fsys.readRange(this.parts.paths.documentFile(id), range.byteStart, range.byteLength);
      const text = bytes.toString('utf8');
      // A cache that does not match the file (edited outside, torn) is dropped: the slow path rebuilds it.
      return bytes.length === range.byteLength && text.length === range.chars ? text : null;
    } catch {
      return null;
    }
  }

  /**
   * The cached outline of this version: the one in memory (the document opened last: reopening
   * it, and each piece of step two, read no file for it), else the cache file's.
   */
  private async outlineFor(id: DocumentId, contentHash: string): Promise<StoredOutline | null> {
    const recent = this.recentOutline;
    if (recent?.id === id && recent.outline.contentHash === contentHash) return recent.outline;
    const outline = await this.outlines.read(id, contentHash);
    if (outline !== null) this.recentOutline = { id, outline };
    return outline;
  }

  /**
   * Step two in pieces: sections [from, to) of the text at `textVersion`, read by the outline's
   * byte offsets (the outline is built, and cached, if step one did not leave one).
   */
  async readDocumentSections(id: DocumentId, textVersion: string, from: number, to: number): Promise<Result<string>> {
    const record = this.parts.catalog.get(id);
    if (record === undefined) return documentNotFound(id);
    if (record.contentHash !== textVersion) return changedMeanwhile();
    let outline = await this.outlineFor(id, textVersion);
    if (outline === null) {
      const markdown = await this.readBody(id);
      if (markdown === null) return documentNotFound(id);
      outline = buildOutline(markdown, textVersion);
      this.recentOutline = { id, outline };
      void this.outlines.write(id, outline);
    }
    if (from >= to || to > outline.lengths.length) {
      return { ok: false, code: 'invalid-argument', message: `No sections ${from} to ${to} in this document.` };
    }
    const text = await this.readRange(id, rangeOf(outline, from, to));
    if (text !== null) return { ok: true, value: text };
    // The file no longer matches its outline: forget it, so opening again rebuilds it.
    this.recentOutline = null;
    await this.outlines.remove(id);
    return changedMeanwhile();
  }

  /** Step two: the whole text, if it is still the version step one described. */
  async readDocumentText(id: DocumentId, textVersion: string): Promise<Result<string>> {
    const record = this.parts.catalog.get(id);
    if (record === undefined) return documentNotFound(id);
    if (record.contentHash !== textVersion) return changedMeanwhile();
    const markdown = await this.readBody(id);
    return markdown === null ? documentNotFound(id) : { ok: true, value: markdown };
  }

  private async readBody(id: DocumentId): Promise<string | null> {
    const { fsys, paths } = this.parts;
    try {
      return (await fsys.readFile(paths.documentFile(id))).toString('utf8');
    } catch {
      return null;
    }
  }
}

function changedMeanwhile(): Result<string> {
  return {
    ok: false,
    code: 'not-found',
    message: 'The document’s text changed since it was opened; open it again.',
  };
}
