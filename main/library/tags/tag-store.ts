/**
 * The registry in memory and on disk: changes run one at a time, each written durably to
 * tags.json before it becomes current, so a failed write leaves memory as the disk says.
 */
import { randomBytes } from 'node:crypto';
import { MAX_TAGS_PER_ITEM, normalizeTag, tagKey } from '../../../common/tags';
import type { Failure } from '../../../preload/api';
import type { DurableJsonAdapter } from '../storage/durable-file';
import { type RegistryData, TagRegistry, addTags } from './registry';
import type { StoredTags } from './registry-file';

/** 12 random lowercase hex characters. */
export const newTagId = (): string => randomBytes(6).toString('hex');

export class TagStore {
  private current: TagRegistry;
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly adapter: DurableJsonAdapter<RegistryData>,
    data: RegistryData,
  ) {
    this.current = new TagRegistry(data);
  }

  get registry(): TagRegistry {
    return this.current;
  }

  /** Runs `work` after every earlier change; `work` commits registry data through `commit`. */
  exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.turn.then(work);
    this.turn = run.catch(() => undefined);
    return run;
  }

  /** Writes `next` durably, then makes it current. Call inside `exclusive`. */
  async commit(next: RegistryData): Promise<void> {
    if (next === this.current.data) return;
    await this.adapter.write(next);
    this.current = new TagRegistry(next);
  }

  /**
   * The ids for tags as typed (normalised, first spelling kept, new tags created and written),
   * or why one is refused. Call inside `exclusive`.
   */
  async idsFor(raw: readonly string[]): Promise<(StoredTags & { ok: true }) | Failure> {
    const checked = checkTags(raw);
    if (!checked.ok) return checked;
    const created: Record<string, string> = {};
    const tagIds: string[] = [];
    const tags: string[] = [];
    for (const tag of checked.tags) {
      const existing = this.current.idOf(tag);
      const id = existing ?? newTagId();
      if (existing === undefined) created[id] = tag;
      tagIds.push(id);
      tags.push(existing === undefined ? tag : (this.current.nameOf(id) ?? tag));
    }
    if (Object.keys(created).length > 0) await this.commit(addTags(this.current.data, created));
    return { ok: true, tagIds, tags };
  }

  /** The names to show for stored tags: current names, the stored name for an unknown id, none for deleted. */
  namesFor(stored: StoredTags): string[] {
    const seen = new Set<string>();
    const names: string[] = [];
    stored.tagIds.forEach((id, index) => {
      const name = this.current.nameOf(id);
      const shown = name === undefined ? stored.tags[index] : name;
      if (shown === null || shown === undefined || seen.has(tagKey(shown))) return;
      seen.add(tagKey(shown));
      names.push(shown);
    });
    return names;
  }
}

/** Normalises every tag (refusing with the first reason) and drops repeats of one identity. */
export function checkTags(raw: readonly string[]): { ok: true; tags: string[] } | Failure {
  if (raw.length > MAX_TAGS_PER_ITEM)
    return invalid(`One item can carry at most ${MAX_TAGS_PER_ITEM} tags (${raw.length} given).`);
  const tags: string[] = [];
  const seen = new Set<string>();
  for (const typed of raw) {
    const check = normalizeTag(typed);
    if (!check.ok) return invalid(`“${typed.slice(0, 80)}”: ${check.message}`);
    if (seen.has(tagKey(check.tag))) continue;
    seen.add(tagKey(check.tag));
    tags.push(check.tag);
  }
  return { ok: true, tags };
}

export function invalid(message: string): Failure {
  return { ok: false, code: 'invalid-argument', message };
}
