/**
 * What the workspace keeps of each highlight: a summary small enough for 50,000 of them in memory
 * (quote and note cut), with the folded text its filter searches and its tags' current keys.
 */
import { tagKey } from '../../../common/tags';
import type { AnchoringState, HighlightColor, WorkspaceItem } from '../../../preload/api';
import { WORKSPACE_TEXT_CAP } from '../../../preload/api';
import type { AnnotationsData } from '../highlights/annotation-format';

type StoredHighlight = AnnotationsData['highlights'][number];

/** One highlight in the index. `names`/`keys` are its tags' current names, computed for `namesAt`. */
export interface HighlightEntry {
  documentId: string;
  highlightId: string;
  color: HighlightColor;
  quote: string;
  note: string | null;
  /** Quote and note, lower-cased and without accents, for the text filter. */
  folded: string;
  storedTagIds: readonly string[];
  storedTags: readonly string[];
  createdAt: string;
  updatedAt: string;
  /** Where it starts in its document's text: the order within a document. */
  place: number;
  anchoring: AnchoringState;
  names: readonly string[];
  keys: readonly string[];
  /** The tag generation `names` belong to (-1: never computed). */
  namesAt: number;
}

/** Cuts text to the cap, on a character boundary, marking the cut. */
export function capText(text: string, cap = WORKSPACE_TEXT_CAP): string {
  if (text.length <= cap) return text;
  let cut = text.slice(0, cap);
  // A surrogate pair split by the slice leaves a lone half: drop it.
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut.trimEnd()}…`;
}

/** Lower case without accents, so "Élan" is found by "elan". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function anchoringOf(highlight: StoredHighlight): AnchoringState {
  if (highlight.unplaced) return 'unplaced';
  return highlight.needsCheck ? 'needs-check' : 'placed';
}

/** The entry for a stored highlight. */
export function entryOf(documentId: string, highlight: StoredHighlight): HighlightEntry {
  const quote = capText(highlight.quote.exact);
  const note = highlight.note === null ? null : capText(highlight.note);
  return {
    documentId,
    highlightId: highlight.id,
    color: highlight.color,
    quote,
    note,
    folded: foldText(note === null ? highlight.quote.exact : `${highlight.quote.exact}\n${highlight.note}`),
    storedTagIds: highlight.tagIds ?? [],
    storedTags: highlight.tags,
    createdAt: highlight.createdAt,
    updatedAt: highlight.updatedAt,
    place: highlight.position.start,
    anchoring: anchoringOf(highlight),
    names: [],
    keys: [],
    namesAt: -1,
  };
}

/** Current tag names for stored ids and names (see tags/present.ts). */
export type NamesFor = (stored: { tagIds: string[]; tags: string[] }) => string[];

/** Brings an entry's tag names up to the registry's generation `generation`. */
export function refreshNames(entry: HighlightEntry, namesFor: NamesFor, generation: number): void {
  if (entry.namesAt === generation) return;
  // Highlights written before tag ids existed carry names only: those are shown as stored.
  const names =
    entry.storedTagIds.length === 0
      ? [...entry.storedTags]
      : namesFor({ tagIds: [...entry.storedTagIds], tags: [...entry.storedTags] });
  entry.names = names;
  entry.keys = names.map(tagKey);
  entry.namesAt = generation;
}

/** The item the contract carries for an entry. */
export function itemOf(entry: HighlightEntry, documentTitle: string): WorkspaceItem {
  return {
    documentId: entry.documentId,
    highlightId: entry.highlightId,
    documentTitle,
    color: entry.color,
    quote: entry.quote,
    note: entry.note,
    tags: [...entry.names],
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    anchoring: entry.anchoring,
  };
}
