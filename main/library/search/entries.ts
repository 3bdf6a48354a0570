/**
 * What the search index holds: one entry per document (title, author, tags), per passage of its text
 * (sections, long ones cut at paragraphs), per highlight, and per note, each with what a result shows.
 */
import type { Highlight, HighlightColor } from '../../../preload/api';
import { splitSections } from '../../../common/sections';

export type EntryKind = 'document' | 'passage' | 'highlight' | 'note';

/** Where a passage is: what a result needs to show it and open the document there. */
export interface PassagePlace {
  documentId: string;
  section: number;
  heading: string | null;
  start: number;
  end: number;
}

/** Tags as stored beside an item: ids, with the names they had when written. */
export interface StoredTagRefs {
  tagIds: string[];
  tagNames: string[];
}

/** One indexed item; the text fields are searched, the rest is stored for results and filters. */
export interface IndexEntry extends StoredTagRefs {
  id: string;
  kind: EntryKind;
  /** The unit of replacement: `body/<doc>`, `notes/<doc>` or `note/<id>`. */
  owner: string;
  documentId: string | null;
  highlightId: string | null;
  noteId: string | null;
  title: string;
  author: string;
  quote: string;
  note: string;
  body: string;
  /** Current tag names (searched, and `tag:` filters on them). */
  tags: string;
  color: HighlightColor | null;
  section: number;
  heading: string | null;
  start: number;
  end: number;
}

/** Passages longer than this are cut at a paragraph break, so a hit points near its place. */
const PASSAGE_CHARS = 2000;

/** Every field of an entry but its text, empty (an entry as stored: the text is read back for a snippet). */
export const blankStoredEntry = (): Omit<IndexEntry, 'body'> => ({
  id: '',
  kind: 'highlight',
  owner: '',
  documentId: null,
  highlightId: null,
  noteId: null,
  title: '',
  author: '',
  quote: '',
  note: '',
  tags: '',
  tagIds: [],
  tagNames: [],
  color: null,
  section: 0,
  heading: null,
  start: 0,
  end: 0,
});

/** An entry with `fields` and every other field empty. */
export const entryOf = (
  fields: Partial<IndexEntry> & Pick<IndexEntry, 'id' | 'kind' | 'owner'>,
): IndexEntry => ({ ...blankStoredEntry(), body: '', ...fields });

export const bodyOwner = (documentId: string): string => `body/${documentId}`;
export const notesOwner = (documentId: string): string => `notes/${documentId}`;
export const noteOwner = (noteId: string): string => `note/${noteId}`;

export interface DocumentFacts extends StoredTagRefs {
  id: string;
  title: string;
  author: string | null;
}

/** Passages are cut only in sections longer than this (from the passage's start). */
export const CUT_BEYOND = PASSAGE_CHARS * 1.5;

/**
 * Where the passage starting at `start` ends: after a line break (else a space) in the second half
 * of its window, else at the window's end. Reads `text` up to `start + PASSAGE_CHARS` only, and is
 * searched within the window: a backward search that found no break would scan to the start of the
 * book for every passage.
 */
export function passageCut(text: string, start: number): number {
  const windowStart = start + PASSAGE_CHARS / 2;
  const window = text.slice(windowStart, start + PASSAGE_CHARS);
  const paragraph = window.lastIndexOf('\n\n');
  const line = paragraph === -1 ? window.lastIndexOf('\n') : paragraph + 1;
  const space = line === -1 ? window.lastIndexOf(' ') : line;
  return space === -1 ? start + PASSAGE_CHARS : windowStart + space + 1;
}

/** [start, end) ranges of `text` of at most ~PASSAGE_CHARS, cut where passageCut says. */
export function passageRanges(text: string, from: number, to: number): [number, number][] {
  const ranges: [number, number][] = [];
  let start = from;
  while (to - start > CUT_BEYOND) {
    const cut = passageCut(text, start);
    ranges.push([start, cut]);
    start = cut;
  }
  if (to > start) ranges.push([start, to]);
  return ranges;
}

/** The document's own entry: its title, author and tags. */
export function documentEntry(facts: DocumentFacts, namesFor: (refs: StoredTagRefs) => string[]): IndexEntry {
  const refs = { tagIds: facts.tagIds, tagNames: facts.tagNames };
  return entryOf({
    id: `d/${facts.id}`,
    kind: 'document',
    owner: bodyOwner(facts.id),
    documentId: facts.id,
    title: facts.title,
    author: facts.author ?? '',
    tags: namesFor(refs).join(' '),
    ...refs,
  });
}

/** Where a passage is in its document's markdown, and its text. */
export interface PassageText {
  section: number;
  heading: string | null;
  start: number;
  end: number;
  body: string;
}

/** A passage's entry; null for a passage of white space only (nothing to find there). */
export function passageEntry(documentId: string, passage: PassageText): IndexEntry | null {
  if (passage.body.trim() === '') return null;
  return entryOf({
    ...passage,
    id: `p/${documentId}/${passage.start}`,
    kind: 'passage',
    owner: bodyOwner(documentId),
    documentId,
  });
}

/**
 * The document's own entry and one per passage of its markdown, in one go (document-slices.ts builds
 * the same entries from a text read a slice at a time).
 */
export function documentEntries(
  facts: DocumentFacts,
  markdown: string,
  namesFor: (refs: StoredTagRefs) => string[],
): IndexEntry[] {
  const entries = [documentEntry(facts, namesFor)];
  for (const section of splitSections(markdown)) {
    const end = section.start + section.markdown.length;
    const heading = section.heading?.text ?? null;
    for (const [start, stop] of passageRanges(markdown, section.start, end)) {
      const body = markdown.slice(start, stop);
      const entry = passageEntry(facts.id, { section: section.index, heading, start, end: stop, body });
      if (entry !== null) entries.push(entry);
    }
  }
  return entries;
}

/** A highlight as its annotations file holds it: tag ids in `tagIds`, their names as written in `tags`. */
type StoredHighlight = Pick<Highlight, 'id' | 'color' | 'quote' | 'note' | 'tags'> & { tagIds?: string[] };

/** One entry per highlight, per highlight note and for the document's note. */
export function annotationEntries(
  documentId: string,
  data: { documentNote: string | null; highlights: readonly StoredHighlight[] },
  namesFor: (refs: StoredTagRefs) => string[],
): IndexEntry[] {
  const owner = notesOwner(documentId);
  const entries: IndexEntry[] = [];
  if (data.documentNote !== null && data.documentNote.trim() !== '')
    entries.push(
      entryOf({
        id: `dn/${documentId}`,
        kind: 'note',
        owner,
        documentId,
        note: data.documentNote,
      }),
    );
  for (const highlight of data.highlights) {
    const refs = { tagIds: [...(highlight.tagIds ?? [])], tagNames: [...highlight.tags] };
    const tags = namesFor(refs).join(' ');
    const common = { owner, documentId, highlightId: highlight.id, tags, ...refs };
    const color = highlight.color;
    const quote = highlight.quote.exact;
    entries.push(
      entryOf({ ...common, id: `h/${documentId}/${highlight.id}`, kind: 'highlight', quote, color }),
    );
    if (highlight.note !== null && highlight.note.trim() !== '')
      entries.push(
        entryOf({
          ...common,
          id: `hn/${documentId}/${highlight.id}`,
          kind: 'note',
          quote,
          note: highlight.note,
        }),
      );
  }
  return entries;
}

/** A standalone note's entry (its tags are names already). */
export function noteEntry(note: { id: string; title: string; body: string; tags: string[] }): IndexEntry {
  return entryOf({
    id: `n/${note.id}`,
    kind: 'note',
    owner: noteOwner(note.id),
    noteId: note.id,
    title: note.title,
    note: note.body,
    tags: note.tags.join(' '),
    tagNames: [...note.tags],
  });
}
