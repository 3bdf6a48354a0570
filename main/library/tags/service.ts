/**
 * The tags domain: tagging highlights (in their annotations file) and documents (in the
 * catalog) by tag id, the counts per tag (kept incrementally), and the colour → tag rule that
 * main's addHighlight applies. Renames, merges and deletes live in tag-changes.ts.
 */
import { isWithinTag, tagKey } from '../../../common/tags';
import type {
  DocumentId,
  DocumentSummary,
  Highlight,
  HighlightColor,
  Result,
  TagInfo,
  TagsChangedEvent,
} from '../../../preload/api';
import type { Catalog } from '../catalog/catalog';
import { type DocumentRecord, toSummary } from '../catalog/records';
import { documentNotFound } from '../documents/not-found';
import type { AnnotationFiles } from '../highlights/annotations';
import { writeFailure } from '../storage/failures';
import type { TagHolder } from './holders';
import { countHighlightUses } from './registry';
import type { StoredTags } from './registry-file';
import type { TagStore } from './tag-store';

export interface TagsServiceParts {
  store: TagStore;
  catalog: Catalog;
  annotations: AnnotationFiles;
  now: () => Date;
  emit: (event: TagsChangedEvent) => void;
  holders: TagHolder[];
}

/** Adds +1/-1 per id for the tags an item gained and lost. */
export function usesDelta(before: readonly string[], after: readonly string[]): Map<string, number> {
  const delta = new Map<string, number>();
  for (const id of before) delta.set(id, (delta.get(id) ?? 0) - 1);
  for (const id of after) delta.set(id, (delta.get(id) ?? 0) + 1);
  return delta;
}

type TaggingOutcome = { result: Result<Highlight>; before: readonly string[] };

export class TagsService {
  /** Documents per live tag id; rebuilt from the catalog (in memory) only after records or tags change. */
  private documentCounts: Map<string, number> | null = null;

  constructor(private readonly parts: TagsServiceParts) {
    parts.catalog.onRecordsChanged(() => (this.documentCounts = null));
  }

  /** Registers a holder of tag names (the notes service). */
  addHolder(holder: TagHolder): void {
    this.parts.holders.push(holder);
  }

  /** Resolves once every queued change of the tags (highlights' use counts included) is applied. */
  settled(): Promise<void> {
    return this.parts.store.exclusive(() => Promise.resolve());
  }

  async listTags(): Promise<Result<TagInfo[]>> {
    const registry = this.parts.store.registry;
    const documents = this.countDocuments();
    const byKey = new Map<string, TagInfo>();
    for (const [id, entry] of registry.live()) {
      byKey.set(tagKey(entry.name), {
        name: entry.name,
        documents: documents.get(id) ?? 0,
        highlights: entry.highlights,
        notes: 0,
      });
    }
    for (const holder of this.parts.holders) {
      for (const [name, uses] of holder.tagUses()) {
        const info = byKey.get(tagKey(name)) ?? { name, documents: 0, highlights: 0, notes: 0 };
        info.notes += uses;
        byKey.set(tagKey(name), info);
      }
    }
    const total = (info: TagInfo) => info.documents + info.highlights + info.notes;
    const tags = [...byKey.values()].toSorted((a, b) => total(b) - total(a) || a.name.localeCompare(b.name));
    return { ok: true, value: tags };
  }

  setHighlightTags(documentId: DocumentId, highlightId: string, raw: string[]): Promise<Result<Highlight>> {
    const { store, catalog, annotations } = this.parts;
    if (!catalog.has(documentId)) return Promise.resolve(documentNotFound(documentId));
    return store.exclusive(async () => {
      const ids = await store.idsFor(raw);
      if (!ids.ok) return ids;
      let outcome: TaggingOutcome;
      try {
        outcome = await annotations.modify<TaggingOutcome>(documentId, (data) => {
          const current = data.highlights.find((highlight) => highlight.id === highlightId);
          if (current === undefined)
            return { next: null, result: { result: noHighlight(highlightId), before: [] } };
          const updated = { ...current, tags: ids.tags, tagIds: ids.tagIds, updatedAt: this.isoNow() };
          const highlights = data.highlights.map((highlight) =>
            highlight.id === highlightId ? updated : highlight,
          );
          return {
            next: { ...data, highlights },
            result: { result: { ok: true, value: updated }, before: current.tagIds ?? [] },
          };
        });
      } catch (error) {
        return writeFailure(error, 'save the highlight’s tags');
      }
      if (outcome.result.ok) await this.countUses(usesDelta(outcome.before, ids.tagIds));
      return outcome.result;
    });
  }

  setDocumentTags(documentId: DocumentId, raw: string[]): Promise<Result<DocumentSummary>> {
    const { store, catalog } = this.parts;
    return store.exclusive(async () => {
      if (!catalog.has(documentId)) return documentNotFound(documentId);
      const ids = await store.idsFor(raw);
      if (!ids.ok) return ids;
      let updated;
      try {
        updated = await catalog.update(documentId, { tagIds: ids.tagIds, tags: ids.tags });
      } catch (error) {
        return writeFailure(error, 'save the document’s tags');
      }
      if (updated === null) return documentNotFound(documentId);
      this.parts.emit({ reason: 'tagged' });
      return { ok: true, value: toSummary(updated) };
    });
  }

  /** The tags a new highlight in `color` gets from the colour legend (Settings.colorTags), or none. */
  tagsForColor(color: HighlightColor): Promise<StoredTags> {
    const name = this.parts.catalog.settings().colorTags[color];
    if (name === null) return Promise.resolve({ tagIds: [], tags: [] });
    return this.parts.store.exclusive(async () => {
      const ids = await this.parts.store.idsFor([name]);
      // A colour tag that no longer passes the rules is skipped: highlighting must not fail for it.
      return ids.ok ? { tagIds: ids.tagIds, tags: ids.tags } : { tagIds: [], tags: [] };
    });
  }

  /** Stored tags for names a restored highlight comes back with (ids re-found or created). */
  storedTagsFor(names: string[]): Promise<StoredTags> {
    return this.parts.store.exclusive(async () => {
      const ids = await this.parts.store.idsFor(names);
      return ids.ok ? { tagIds: ids.tagIds, tags: ids.tags } : { tagIds: [], tags: names };
    });
  }

  /** Counts highlights that gained or lost tags (added, deleted, restored by the highlights service). */
  noteHighlightUses(delta: ReadonlyMap<string, number>): Promise<void> {
    return this.parts.store.exclusive(() => this.countUses(delta));
  }

  /** Current names for stored tags (see present.ts). */
  namesFor(stored: StoredTags): string[] {
    return this.parts.store.namesFor(stored);
  }

  /** Whether a document carries `tag` or a tag nested in it, by current names (the library filter). */
  documentHasTag(record: Readonly<DocumentRecord>, tag: string): boolean {
    if (record.tagIds === undefined) return false;
    return this.namesFor({ tagIds: [...record.tagIds], tags: [...(record.tags ?? [])] }).some((name) =>
      isWithinTag(name, tag),
    );
  }

  /** Documents count per id changes with the registry too (a merge folds two ids into one). */
  forgetDocumentCounts(): void {
    this.documentCounts = null;
  }

  private async countUses(delta: ReadonlyMap<string, number>): Promise<void> {
    if ([...delta.values()].every((change) => change === 0)) return;
    const { store } = this.parts;
    try {
      await store.commit(countHighlightUses(store.registry.data, delta));
    } catch (error) {
      // The tags themselves are saved; only this change of the counts is lost (they are advisory).
      console.error('Could not save the tag counts', error);
    }
    this.parts.emit({ reason: 'tagged' });
  }

  private countDocuments(): Map<string, number> {
    if (this.documentCounts !== null) return this.documentCounts;
    const registry = this.parts.store.registry;
    const counts = new Map<string, number>();
    for (const record of this.parts.catalog.list()) {
      for (const id of new Set((record.tagIds ?? []).map((tagId) => registry.canonical(tagId)))) {
        if (typeof id === 'string') counts.set(id, (counts.get(id) ?? 0) + 1);
      }
    }
    this.documentCounts = counts;
    return counts;
  }

  private isoNow(): string {
    return this.parts.now().toISOString();
  }
}

function noHighlight(id: string): Result<Highlight> {
  return { ok: false, code: 'not-found', message: `The document has no highlight ${id}.` };
}
