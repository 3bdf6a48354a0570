/**
 * Items store tag ids beside the names they had when written; the renderer sees current names.
 * `presentTags` walks a handler's answer and, for every object carrying `tagIds`, sets `tags`
 * to the current names and drops the ids — one place, so no method can leak stale names.
 */
import type { StoredTags } from './registry-file';

const MAX_DEPTH = 5;

/** A copy of `value` with stored tags replaced by `namesFor`'s names (unchanged parts shared). */
export function presentTags<T>(value: T, namesFor: (stored: StoredTags) => string[], depth = 0): T {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object' || ArrayBuffer.isView(value))
    return value;
  if (Array.isArray(value)) {
    let changed = false;
    const items = value.map((item: unknown) => {
      const presented = presentTags(item, namesFor, depth + 1);
      changed ||= presented !== item;
      return presented;
    });
    return (changed ? items : value) as T;
  }
  const record = value as Record<string, unknown>;
  let copy: Record<string, unknown> | null = null;
  if (Array.isArray(record.tagIds)) {
    const stored = { tagIds: record.tagIds as string[], tags: (record.tags ?? []) as string[] };
    const { tagIds: _ids, ...rest } = record;
    copy = { ...rest, tags: namesFor(stored) };
  }
  for (const [key, item] of Object.entries(copy ?? record)) {
    if (key === 'tags' || item === null || typeof item !== 'object') continue;
    const presented = presentTags(item, namesFor, depth + 1);
    if (presented !== item) {
      copy ??= { ...record };
      copy[key] = presented;
    }
  }
  return (copy ?? value) as T;
}
