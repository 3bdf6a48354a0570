/**
 * The tag registry (tags.json): stable tag ids → names. Items store ids, so renaming, merging or
 * deleting a tag, with all its children, changes this one small record and no item's file.
 * Pure: every operation returns the next data, which the service writes before it is current.
 */
import { isWithinTag, renamedTag, tagKey } from '../../../common/tags';

export const REGISTRY_VERSION = 1;

/** One tag as stored. An alias (a merged tag) or a tombstone (a deleted one) keeps its id known. */
export interface TagEntry {
  name: string;
  /** Set by a merge: uses of this id count as uses of that one. */
  aliasOf?: string;
  /** Set by a delete: uses of this id are hidden (kept so that undo is one more write). */
  deleted?: boolean;
  /** Highlights carrying this id, kept incrementally. */
  highlights: number;
}

export interface RegistryData {
  schemaVersion: typeof REGISTRY_VERSION;
  tags: Record<string, TagEntry>;
}

/** The entries a change replaced (`null`: the id did not exist), restored by undo. */
export type EntriesBefore = Record<string, TagEntry | null>;

export type RegistryOutcome =
  | { ok: true; next: RegistryData; before: EntriesBefore; touched: string[] }
  | { ok: false; code: 'not-found' | 'duplicate' | 'invalid-argument'; message: string };

export function emptyRegistry(): RegistryData {
  return { schemaVersion: REGISTRY_VERSION, tags: {} };
}

/** Read access over one version of the registry data, with a name index. */
export class TagRegistry {
  private readonly liveByKey = new Map<string, string>();

  constructor(readonly data: RegistryData) {
    for (const [id, entry] of Object.entries(data.tags)) {
      if (isLive(entry) && !this.liveByKey.has(tagKey(entry.name)))
        this.liveByKey.set(tagKey(entry.name), id);
    }
  }

  /** The live tag an id stands for (following merges), or null when deleted; undefined when unknown. */
  canonical(id: string): string | null | undefined {
    let current = id;
    for (let hops = 0; hops < 32; hops++) {
      const entry = Object.hasOwn(this.data.tags, current) ? this.data.tags[current] : undefined;
      if (entry === undefined) return hops === 0 ? undefined : null;
      if (entry.deleted === true) return null;
      if (entry.aliasOf === undefined) return current;
      current = entry.aliasOf;
    }
    return null;
  }

  /** The current name for an id; null when deleted, undefined when the registry does not know it. */
  nameOf(id: string): string | null | undefined {
    const canonical = this.canonical(id);
    return canonical === null || canonical === undefined
      ? canonical
      : (this.data.tags[canonical]?.name ?? null);
  }

  /** The live id of a tag name (case-insensitive). */
  idOf(name: string): string | undefined {
    return this.liveByKey.get(tagKey(name));
  }

  /** Live tags: id and entry. */
  live(): [string, TagEntry][] {
    return Object.entries(this.data.tags).filter(([, entry]) => isLive(entry));
  }

  /** Live ids of `name` and every tag nested in it. */
  within(name: string): string[] {
    return this.live()
      .filter(([, entry]) => isWithinTag(entry.name, name))
      .map(([id]) => id);
  }
}

function isLive(entry: TagEntry): boolean {
  return entry.deleted !== true && entry.aliasOf === undefined;
}

/** Returns data with `entries` replaced, and what they were before. */
function withEntries(data: RegistryData, entries: Record<string, TagEntry>): RegistryOutcome {
  const before: EntriesBefore = {};
  for (const id of Object.keys(entries)) before[id] = data.tags[id] ?? null;
  return {
    ok: true,
    next: { ...data, tags: { ...data.tags, ...entries } },
    before,
    touched: Object.keys(entries),
  };
}

/** Puts back the entries a change replaced (undo); ids that did not exist are removed. */
export function restoreEntries(data: RegistryData, before: EntriesBefore): RegistryData {
  const tags = { ...data.tags };
  for (const [id, entry] of Object.entries(before)) {
    if (entry === null) delete tags[id];
    else tags[id] = entry;
  }
  return { ...data, tags };
}

/** Adds tags that do not exist yet (ids chosen by the caller). */
export function addTags(data: RegistryData, created: Record<string, string>): RegistryData {
  const tags = { ...data.tags };
  for (const [id, name] of Object.entries(created)) tags[id] = { name, highlights: 0 };
  return { ...data, tags };
}

/** Adds `delta` highlight uses per id (following merges; counts never go below zero). */
export function countHighlightUses(data: RegistryData, delta: ReadonlyMap<string, number>): RegistryData {
  const registry = new TagRegistry(data);
  const tags = { ...data.tags };
  for (const [id, change] of delta) {
    const target = registry.canonical(id) ?? (Object.hasOwn(tags, id) ? id : undefined);
    const entry = target === undefined ? undefined : tags[target];
    if (target === undefined || entry === undefined || change === 0) continue;
    tags[target] = { ...entry, highlights: Math.max(0, entry.highlights + change) };
  }
  return { ...data, tags };
}

/** Renames `from` and its children; `to` must not be another existing tag (that is a merge). */
export function renameTag(data: RegistryData, from: string, to: string): RegistryOutcome {
  const registry = new TagRegistry(data);
  const ids = registry.within(from);
  if (ids.length === 0) return notFound(from);
  if (isWithinTag(to, from) && tagKey(to) !== tagKey(from))
    return {
      ok: false,
      code: 'invalid-argument',
      message: `“${from}” cannot be renamed into its own child “${to}”.`,
    };
  const moving = new Set(ids);
  const entries: Record<string, TagEntry> = {};
  for (const id of ids) {
    const entry = data.tags[id] as TagEntry;
    const name = renamedTag(entry.name, from, to) ?? entry.name;
    const clash = registry.idOf(name);
    if (clash !== undefined && !moving.has(clash))
      return {
        ok: false,
        code: 'duplicate',
        message: `A tag “${name}” exists already: merge into it instead.`,
      };
    entries[id] = { ...entry, name };
  }
  return withEntries(data, entries);
}

/** Makes `from` and its children aliases of `into` (and of `into/child`), created when missing. */
export function mergeTags(
  data: RegistryData,
  from: string,
  into: string,
  newId: () => string,
): RegistryOutcome {
  const registry = new TagRegistry(data);
  const ids = registry.within(from);
  // A target that does not exist yet (or only as a parent of others) is created: merging into
  // a new name is a rename that also folds children into existing ones.
  if (ids.length === 0) return notFound(from);
  if (isWithinTag(into, from))
    return {
      ok: false,
      code: 'invalid-argument',
      message: `“${from}” cannot be merged into itself or its child.`,
    };
  const entries: Record<string, TagEntry> = {};
  for (const id of ids) {
    const entry = data.tags[id] as TagEntry;
    const targetName = renamedTag(entry.name, from, into) ?? into;
    let targetId =
      registry.idOf(targetName) ?? Object.keys(entries).find((key) => entries[key]?.name === targetName);
    if (targetId === undefined) {
      targetId = newId();
      entries[targetId] = { name: targetName, highlights: 0 };
    }
    const target = entries[targetId] ?? (data.tags[targetId] as TagEntry);
    entries[targetId] = { ...target, highlights: target.highlights + entry.highlights };
    entries[id] = { ...entry, aliasOf: targetId, highlights: 0 };
  }
  return withEntries(data, entries);
}

/** Tombstones `name` and its children: their uses disappear until undo. */
export function deleteTag(data: RegistryData, name: string): RegistryOutcome {
  const ids = new TagRegistry(data).within(name);
  if (ids.length === 0) return notFound(name);
  const entries: Record<string, TagEntry> = {};
  for (const id of ids) entries[id] = { ...(data.tags[id] as TagEntry), deleted: true };
  return withEntries(data, entries);
}

function notFound(name: string): RegistryOutcome {
  return { ok: false, code: 'not-found', message: `There is no tag “${name}”.` };
}
