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
  /** `createdAt` in milliseconds, for sorting 50,000 of them by number. */
  time: number;
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
    time: Date.parse(highlight.createdAt),
    place: highlight.position.start,
    anchoring: anchoringOf(highlight),
    names: [],
    keys: [],
    namesAt: -1,
  };
}

/** Current tag names for stored ids and names (see tags/present.ts). */
export type NamesFor = (stored: { tagIds: string[]; tags: string[] }) => string[];

/**
 * Current tag names, remembered per stored tag until tags change (a generation), and their keys:
 * 50,000 highlights share a few hundred tags, and a key costs an ICU lower-casing.
 */
export class TagNames {
  generation = 0;
  private readonly names = new Map<string, string | null>();
  private readonly keys = new Map<string, string>();

  constructor(private readonly namesFor: NamesFor) {}

  /** Tags were renamed, merged or deleted: every name is looked up again. */
  forget(): void {
    this.generation++;
    this.names.clear();
  }

  /** The current name of a stored tag; null when the tag was deleted. */
  nameOf(tagId: string, storedName: string): string | null {
    const memo = `${tagId}\u0000${storedName}`;
    let name = this.names.get(memo);
    if (name === undefined) {
      name = this.namesFor({ tagIds: [tagId], tags: [storedName] })[0] ?? null;
      this.names.set(memo, name);
    }
    return name;
  }

  keyOf(name: string): string {
    let key = this.keys.get(name);
    if (key === undefined) {
      key = tagKey(name);
      this.keys.set(name, key);
    }
    return key;
  }
}

/** Brings an entry's tag names up to the current generation (as tags/present.ts shows them: one per identity). */
export function refreshNames(entry: HighlightEntry, tags: TagNames): void {
  if (entry.namesAt === tags.generation) return;
  const names: string[] = [];
  const keys: string[] = [];
  // Highlights written before tag ids existed carry names only: those are shown as stored.
  const byName = entry.storedTagIds.length === 0;
  const count = byName ? entry.storedTags.length : entry.storedTagIds.length;
  for (let index = 0; index < count; index++) {
    const stored = entry.storedTags[index] ?? '';
    const name = byName ? stored : tags.nameOf(entry.storedTagIds[index] ?? '', stored);
    if (name === null) continue;
    const key = tags.keyOf(name);
    if (keys.includes(key)) continue;
    names.push(name);
    keys.push(key);
  }
  entry.names = names;
  entry.keys = keys;
  entry.namesAt = tags.generation;
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
