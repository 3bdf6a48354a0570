/** The tag manager's tree: tags sorted by name, with the parents that exist only as prefixes. */
import type { TagInfo } from '../../preload/api';
import { tagAncestry, tagKey } from '../../common/tags';

export interface TagTreeRow {
  name: string;
  /** 0 for a top-level tag. */
  depth: number;
  /** `null` for a parent that is only a prefix of other tags (`politics` of `politics/armenia`). */
  info: TagInfo | null;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Rows in tree order: each parent before its children, siblings by name. */
export function tagTree(tags: readonly TagInfo[]): TagTreeRow[] {
  const byKey = new Map<string, TagTreeRow>();
  for (const info of tags) {
    for (const name of tagAncestry(info.name)) {
      const key = tagKey(name);
      const own = key === tagKey(info.name);
      const existing = byKey.get(key);
      if (existing === undefined)
        byKey.set(key, { name, depth: name.split('/').length - 1, info: own ? info : null });
      else if (own) existing.info = info;
    }
  }
  return [...byKey.values()].toSorted((a, b) => {
    const aParts = a.name.split('/');
    const bParts = b.name.split('/');
    for (let index = 0; index < Math.min(aParts.length, bParts.length); index++) {
      const order = collator.compare(aParts[index] as string, bParts[index] as string);
      if (order !== 0) return order;
    }
    return aParts.length - bParts.length;
  });
}

/** "2 documents · 14 highlights · 1 note". */
export function describeUses(info: TagInfo, locale: string): string {
  const number = new Intl.NumberFormat(locale);
  const part = (count: number, one: string, many: string) =>
    `${number.format(count)} ${count === 1 ? one : many}`;
  return [
    part(info.documents, 'document', 'documents'),
    part(info.highlights, 'highlight', 'highlights'),
    ...(info.notes > 0 ? [part(info.notes, 'note', 'notes')] : []),
  ].join(' · ');
}
