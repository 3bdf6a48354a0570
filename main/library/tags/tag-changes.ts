/**
 * Renaming, merging and deleting tags: each is one durable write of tags.json (children follow
 * their parent), plus a rewrite of the holders that keep names (notes). Each answers a
 * TagChange whose undo writes the replaced registry entries back.
 */
import { isWithinTag, normalizeTag, renamedTag, tagKey } from '../../../common/tags';
import type { Result, TagChange, TagCounts, TagsChangedEvent } from '../../../preload/api';
import { writeFailure } from '../storage/failures';
import type { TagHolder } from './holders';
import {
  type EntriesBefore,
  type RegistryData,
  type RegistryOutcome,
  deleteTag,
  mergeTags,
  renameTag,
  restoreEntries,
} from './registry';
import type { TagsService } from './service';
import { type TagStore, invalid, newTagId } from './tag-store';

interface KeptChange {
  before: EntriesBefore;
  holderUndos: (() => Promise<void>)[];
  reason: TagsChangedEvent['reason'];
}

/** Undo is kept for this many changes (a session's worth; the toast offers it right away). */
const KEPT_CHANGES = 50;

export class TagChanges {
  private readonly kept = new Map<string, KeptChange>();

  constructor(
    private readonly store: TagStore,
    private readonly service: TagsService,
    private readonly holders: readonly TagHolder[],
    private readonly emit: (event: TagsChangedEvent) => void,
  ) {}

  renameTag(rawFrom: string, rawTo: string): Promise<Result<TagChange>> {
    return this.change(
      'rename',
      rawFrom,
      rawTo,
      (data, from, to) => renameTag(data, from, to as string),
      (from, to) => (tag) => renamedTag(tag, from, to as string) ?? tag,
    );
  }

  mergeTags(rawFrom: string, rawInto: string): Promise<Result<TagChange>> {
    return this.change(
      'merge',
      rawFrom,
      rawInto,
      (data, from, into) => mergeTags(data, from, into as string, newTagId),
      (from, into) => (tag) => renamedTag(tag, from, into as string) ?? tag,
    );
  }

  deleteTag(rawName: string): Promise<Result<TagChange>> {
    return this.change(
      'delete',
      rawName,
      null,
      (data, name) => deleteTag(data, name),
      (name) => (tag) => (isWithinTag(tag, name) ? null : tag),
    );
  }

  undoTagChange(changeId: string): Promise<Result<null>> {
    return this.store.exclusive(async () => {
      const kept = this.kept.get(changeId);
      if (kept === undefined)
        return { ok: false, code: 'not-found', message: 'This tag change can no longer be undone.' } as const;
      try {
        await this.store.commit(restoreEntries(this.store.registry.data, kept.before));
      } catch (error) {
        return writeFailure(error, 'undo the tag change');
      }
      this.kept.delete(changeId);
      for (const undo of kept.holderUndos.toReversed()) await undo();
      this.service.forgetDocumentCounts();
      this.emit({ reason: 'undo' });
      return { ok: true, value: null } as const;
    });
  }

  private change(
    kind: TagChange['kind'],
    rawFrom: string,
    rawTo: string | null,
    apply: (data: RegistryData, from: string, to: string | null) => RegistryOutcome,
    rewrite: (from: string, to: string | null) => (tag: string) => string | null,
  ): Promise<Result<TagChange>> {
    const from = normalizeTag(rawFrom);
    const to = rawTo === null ? null : normalizeTag(rawTo);
    if (!from.ok) return Promise.resolve(invalid(`“${rawFrom.slice(0, 80)}”: ${from.message}`));
    if (to !== null && !to.ok)
      return Promise.resolve(invalid(`“${(rawTo ?? '').slice(0, 80)}”: ${to.message}`));
    return this.store.exclusive(async () => {
      const counts = await this.countsWithin(from.tag);
      const outcome = apply(this.store.registry.data, from.tag, to?.tag ?? null);
      // A tag only notes use has no registry entry: the notes alone are rewritten.
      const onlyInHolders = !outcome.ok && outcome.code === 'not-found' && this.holdersUse(from.tag);
      if (!outcome.ok && !onlyInHolders) return outcome;
      if (outcome.ok) {
        try {
          await this.store.commit(outcome.next);
        } catch (error) {
          return writeFailure(error, `${kind} the tag`);
        }
      }
      const holderUndos = await this.rewriteHolders(rewrite(from.tag, to?.tag ?? null));
      const id = newTagId();
      this.keep(id, { before: outcome.ok ? outcome.before : {}, holderUndos, reason: kind });
      this.service.forgetDocumentCounts();
      this.emit({ reason: kind });
      return { ok: true, value: { id, kind, from: from.tag, to: to?.tag ?? null, counts } };
    });
  }

  private holdersUse(name: string): boolean {
    return this.holders.some((holder) => [...holder.tagUses().keys()].some((tag) => isWithinTag(tag, name)));
  }

  private async rewriteHolders(change: (tag: string) => string | null): Promise<(() => Promise<void>)[]> {
    const undos: (() => Promise<void>)[] = [];
    for (const holder of this.holders) {
      try {
        const undo = await holder.rewriteTags(change);
        if (typeof undo === 'function') undos.push(undo);
      } catch (error) {
        // The registry change stands; a holder that failed says so in its own notices.
        console.error('A tag holder could not follow a tag change', error);
      }
    }
    return undos;
  }

  /** Uses of `name` and its children, for the toast ("renamed in 3 documents and 40 highlights"). */
  private async countsWithin(name: string): Promise<TagCounts> {
    const listed = await this.service.listTags();
    const counts = { documents: 0, highlights: 0, notes: 0 };
    if (!listed.ok) return counts;
    for (const info of listed.value.filter(
      (tag) => isWithinTag(tag.name, name) || tagKey(tag.name) === tagKey(name),
    )) {
      counts.documents += info.documents;
      counts.highlights += info.highlights;
      counts.notes += info.notes;
    }
    return counts;
  }

  private keep(id: string, change: KeptChange): void {
    this.kept.set(id, change);
    for (const old of this.kept.keys()) {
      if (this.kept.size <= KEPT_CHANGES) break;
      this.kept.delete(old);
    }
  }
}
