/**
 * The workspace's query over the index's entries: the filter (text, tags with their children,
 * colours, documents, dates), the grouping (by document in document order, by tag, by month) and the
 * window of rows. Orders are sorted once per change of the index, answers kept for the next window.
 */
import { normalizeTag, tagKey } from '../../../common/tags';
import type {
  WorkspaceFilter,
  WorkspaceGrouping,
  WorkspacePage,
  WorkspaceQuery,
  WorkspaceRow,
} from '../../../preload/api';
import { type HighlightEntry, foldText, itemOf } from './entries';

/** The filter, prepared once per query. */
interface PreparedFilter {
  words: string[];
  tagKeys: string[];
  colors: ReadonlySet<string> | null;
  documents: ReadonlySet<string> | null;
  from: string | null;
  before: string | null;
}

/** One group of the answer: its heading's row, then its entries' rows. */
export interface Group {
  label: string;
  row: number;
  entries: HighlightEntry[];
}

export interface Grouped {
  groups: Group[];
  totalRows: number;
  matching: number;
}

/** Groups listed in the page's summary. */
const SUMMARY_GROUPS = 200;
const UNTAGGED = 'Untagged';

export function prepareFilter(filter: WorkspaceFilter): PreparedFilter {
  const tags = (filter.tags ?? []).map((raw) => {
    const checked = normalizeTag(raw);
    return tagKey(checked.ok ? checked.tag : raw.trim());
  });
  return {
    words: foldText(filter.text ?? '')
      .split(/\s+/u)
      .filter((word) => word !== ''),
    tagKeys: tags,
    colors: filter.colors === undefined || filter.colors.length === 0 ? null : new Set(filter.colors),
    documents:
      filter.documentIds === undefined || filter.documentIds.length === 0
        ? null
        : new Set(filter.documentIds),
    from: filter.createdFrom ?? null,
    before: filter.createdBefore ?? null,
  };
}

/** `isWithinTag` of common/tags.ts on keys already computed (50,000 entries per keystroke). */
const keyWithin = (key: string, parentKey: string): boolean =>
  key === parentKey || (key.startsWith(parentKey) && key.charCodeAt(parentKey.length) === 47); /* "/" */

export function matchesFilter(entry: HighlightEntry, filter: PreparedFilter): boolean {
  if (filter.colors !== null && !filter.colors.has(entry.color)) return false;
  if (filter.documents !== null && !filter.documents.has(entry.documentId)) return false;
  if (filter.from !== null && entry.createdAt < filter.from) return false;
  if (filter.before !== null && entry.createdAt >= filter.before) return false;
  if (filter.tagKeys.length > 0 && !hasTagWithin(entry.keys, filter.tagKeys)) return false;
  for (const word of filter.words) if (!entry.folded.includes(word)) return false;
  return true;
}

/** Plain loops: this runs for 50,000 entries per keystroke. */
function hasTagWithin(keys: readonly string[], parents: readonly string[]): boolean {
  for (const key of keys) for (const parent of parents) if (keyWithin(key, parent)) return true;
  return false;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });
const monthLabel = new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/**
 * Every entry by document, titles in order (without accents or case: a plain comparison, as an
 * Intl.Collator over 10,000 titles costs a second), each document's already in the order of its text.
 */
export function documentOrder(
  byDocument: ReadonlyMap<string, readonly HighlightEntry[]>,
  titleOf: (id: string) => string,
): HighlightEntry[] {
  const ids = [...byDocument.keys()].map((id) => ({ id, key: foldText(titleOf(id)) }));
  ids.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.id < b.id ? -1 : 1));
  return ids.flatMap(({ id }) => byDocument.get(id) ?? []);
}

export function dateOrder(entries: readonly HighlightEntry[]): HighlightEntry[] {
  return entries.toSorted((a, b) => b.time - a.time);
}

/** Splits entries (already in order) into groups of equal `keyOf`, in place: rows are numbered. */
function consecutiveGroups(
  entries: readonly HighlightEntry[],
  keyOf: (entry: HighlightEntry) => string,
  labelOf: (entry: HighlightEntry) => string,
): Group[] {
  const groups: Group[] = [];
  let currentKey: string | null = null;
  for (const entry of entries) {
    const key = keyOf(entry);
    if (key !== currentKey) {
      groups.push({ label: labelOf(entry), row: 0, entries: [] });
      currentKey = key;
    }
    groups.at(-1)?.entries.push(entry);
  }
  return groups;
}

/** One group per tag the matching entries carry (a highlight under each of its tags), untagged last. */
function tagGroups(entries: readonly HighlightEntry[]): Group[] {
  const byKey = new Map<string, Group>();
  const untagged: Group = { label: UNTAGGED, row: 0, entries: [] };
  for (const entry of entries) {
    if (entry.keys.length === 0) untagged.entries.push(entry);
    entry.keys.forEach((key, index) => {
      let group = byKey.get(key);
      if (group === undefined) {
        group = { label: entry.names[index] ?? key, row: 0, entries: [] };
        byKey.set(key, group);
      }
      group.entries.push(entry);
    });
  }
  const groups = [...byKey.values()].toSorted((a, b) => collator.compare(a.label, b.label));
  return untagged.entries.length > 0 ? [...groups, untagged] : groups;
}

/** Filters `ordered` (the grouping's order) and groups it, numbering the rows. */
export function groupEntries(
  ordered: readonly HighlightEntry[],
  filter: PreparedFilter,
  grouping: WorkspaceGrouping,
  titleOf: (id: string) => string,
): Grouped {
  const matching = ordered.filter((entry) => matchesFilter(entry, filter));
  const groups =
    grouping === 'tag'
      ? tagGroups(matching)
      : grouping === 'date'
        ? consecutiveGroups(
            matching,
            (entry) => entry.createdAt.slice(0, 7),
            (entry) => monthLabel.format(new Date(entry.createdAt)),
          )
        : consecutiveGroups(
            matching,
            (entry) => entry.documentId,
            (entry) => titleOf(entry.documentId) || 'Untitled document',
          );
  let row = 0;
  for (const group of groups) {
    group.row = row;
    row += 1 + group.entries.length;
  }
  return { groups, totalRows: row, matching: matching.length };
}

/** The index of the group holding `row` (binary search on the heading rows). */
function groupAt(groups: readonly Group[], row: number): number {
  let low = 0;
  let high = groups.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((groups[middle]?.row ?? 0) <= row) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The rows `offset` .. `offset + limit` of a grouped answer. */
export function windowOf(
  grouped: Grouped,
  query: Pick<WorkspaceQuery, 'offset' | 'limit'>,
  titleOf: (id: string) => string,
  inLibrary: number,
): WorkspacePage {
  const rows: WorkspaceRow[] = [];
  const end = Math.min(grouped.totalRows, query.offset + query.limit);
  for (let index = groupAt(grouped.groups, query.offset); index < grouped.groups.length; index++) {
    const group = grouped.groups[index];
    if (group === undefined || group.row >= end) break;
    const from = Math.max(query.offset, group.row);
    const to = Math.min(end, group.row + 1 + group.entries.length);
    for (let row = from; row < to; row++) {
      const entry = group.entries[row - group.row - 1];
      if (entry === undefined) rows.push({ kind: 'group', label: group.label, count: group.entries.length });
      else rows.push({ kind: 'item', item: itemOf(entry, titleOf(entry.documentId)) });
    }
  }
  return {
    rows,
    offset: query.offset,
    totalRows: grouped.totalRows,
    matching: grouped.matching,
    inLibrary,
    groups: grouped.groups
      .slice(0, SUMMARY_GROUPS)
      .map(({ label, row, entries }) => ({ label, row, count: entries.length })),
    groupCount: grouped.groups.length,
  };
}
