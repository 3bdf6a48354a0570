/**
 * What one bulk edit does to one stored highlight (pure): tag, untag or recolour it, or say it
 * needs no change. Tags are compared by identity (common/tags.ts) on their current names.
 */
import { MAX_TAGS_PER_ITEM, tagKey } from '../../../common/tags';
import type { HighlightColor } from '../../../preload/api';
import type { AnnotationsData } from '../highlights/annotation-format';

export type StoredHighlight = AnnotationsData['highlights'][number];

/** An edit ready to apply: a tag's id and name already found (or created) in the registry. */
export type ResolvedEdit =
  | { kind: 'tag'; tagId: string; name: string }
  | { kind: 'untag'; key: string }
  | { kind: 'recolor'; color: HighlightColor }
  | { kind: 'delete' };

/** The current name of one stored tag (null when the tag was deleted). */
export type NameOf = (tagId: string, storedName: string) => string | null;

/** The current name of each stored tag of a highlight, in stored order (null: deleted). */
function currentNames(highlight: StoredHighlight, nameOf: NameOf): (string | null)[] {
  const ids = highlight.tagIds;
  // Highlights written before tag ids existed carry names only.
  if (ids === undefined) return [...highlight.tags];
  return ids.map((id, index) => nameOf(id, highlight.tags[index] ?? ''));
}

/** The highlight after the edit, or null when it needs none. Never for `delete` (the caller removes it). */
export function applyEdit(
  highlight: StoredHighlight,
  edit: Exclude<ResolvedEdit, { kind: 'delete' }>,
  nameOf: NameOf,
  updatedAt: string,
): StoredHighlight | null {
  if (edit.kind === 'recolor')
    return highlight.color === edit.color ? null : { ...highlight, color: edit.color, updatedAt };
  const names = currentNames(highlight, nameOf);
  if (edit.kind === 'tag') {
    const key = tagKey(edit.name);
    const live = names.filter((name) => name !== null);
    if (live.some((name) => tagKey(name) === key) || live.length >= MAX_TAGS_PER_ITEM) return null;
    if (highlight.tagIds === undefined && highlight.tags.length > 0)
      return { ...highlight, tags: [...highlight.tags, edit.name], updatedAt };
    return {
      ...highlight,
      tags: [...highlight.tags, edit.name],
      tagIds: [...(highlight.tagIds ?? []), edit.tagId],
      updatedAt,
    };
  }
  const keep = names.map((name) => name === null || tagKey(name) !== edit.key);
  if (keep.every(Boolean)) return null;
  const untagged: StoredHighlight = {
    ...highlight,
    tags: highlight.tags.filter((_, index) => keep[index] ?? true),
    updatedAt,
  };
  if (highlight.tagIds !== undefined) untagged.tagIds = highlight.tagIds.filter((_, index) => keep[index]);
  return untagged;
}
