/**
 * Opening a document in two steps: first what paints the screen at the saved place (metadata,
 * position, highlights, the section outline and ~64 KB of text from there), then the whole text.
 */
import type { DocumentId, OpenedDocumentStart, Result, SectionOutline } from '../../../preload/api';
import { splitSections, type Section } from '../../../common/sections';
import { toSummary } from '../catalog/records';
import { documentNotFound } from './not-found';
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

const outlineOf = (section: Section): SectionOutline => ({
  index: section.index,
  heading: section.heading,
  start: section.start,
  length: section.markdown.length,
});

export class DocumentOpener {
  /** The text of the document opened last, kept until step two asks for it (no second file read). */
  private lastOpened: { id: DocumentId; version: string; markdown: string } | null = null;

  constructor(private readonly parts: Pick<DocumentsParts, 'fsys' | 'paths' | 'catalog' | 'annotations' | 'now'>) {}

  /** Step one; records the time the document was opened. `null` when there is no such document. */
  async openDocumentStart(id: DocumentId): Promise<OpenedDocumentStart | null> {
    const { catalog, annotations } = this.parts;
    const before = catalog.get(id);
    if (before === undefined) return null;
    const markdown = await this.readBody(id);
    if (markdown === null) return null;
    const { position, highlights, documentNote } = await annotations.read(id);
    catalog.noteMetadata(id, { openedAt: this.parts.now().toISOString() });
    const record = catalog.get(id);
    if (record === undefined) return null;
    this.lastOpened = { id, version: record.contentHash, markdown };
    const sections = splitSections(markdown);
    const { first, text } = firstPartOf(sections, position?.section ?? 0);
    return {
      summary: toSummary(record),
      position,
      highlights,
      documentNote,
      sections: sections.map(outlineOf),
      firstSection: first,
      firstText: text,
      totalLength: markdown.length,
    };
  }

  /** Step two: the whole text, if it is still the version step one described. */
  async readDocumentText(id: DocumentId, textVersion: string): Promise<Result<string>> {
    const record = this.parts.catalog.get(id);
    if (record === undefined) return documentNotFound(id);
    if (record.contentHash !== textVersion) return changedMeanwhile();
    const kept = this.lastOpened;
    if (kept?.id === id && kept.version === textVersion) {
      this.lastOpened = null;
      return { ok: true, value: kept.markdown };
    }
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
