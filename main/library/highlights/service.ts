/**
 * The highlights domain: a document's highlights live in its annotations file and log, and every
 * change is one durable write (a record appended to the log); the answer goes once it is on disk,
 * and what is derived from it (the catalog's count, the tags' counts, the indexes) follows without
 * delaying it.
 * A failed write changes nothing and answers a typed failure, so a retry stores one copy.
 */
import { randomBytes } from 'node:crypto';
import type {
  AnchorUpdate,
  DocumentId,
  Highlight,
  HighlightColor,
  HighlightPatch,
  NewHighlight,
  Result,
} from '../../../preload/api';
import type { Catalog } from '../catalog/catalog';
import { documentNotFound } from '../documents/not-found';
import { writeFailure } from '../storage/failures';
import type { AnnotationsData } from './annotation-format';

export type StoredHighlight = AnnotationsData['highlights'][number];
import type { AnnotationFiles } from './annotations';

type Change<T> = { next: AnnotationsData | null; result: Result<T> };

/** What the tags domain does for highlights: a colour's tag on new ones, and the counts per tag. */
export interface HighlightTagging {
  tagsForColor(color: HighlightColor): Promise<{ tagIds: string[]; tags: string[] }>;
  storedTagsFor(names: string[]): Promise<{ tagIds: string[]; tags: string[] }>;
  noteHighlightUses(delta: ReadonlyMap<string, number>): Promise<void>;
}

const NO_TAGGING: HighlightTagging = {
  tagsForColor: () => Promise.resolve({ tagIds: [], tags: [] }),
  storedTagsFor: (names) => Promise.resolve({ tagIds: [], tags: names }),
  noteHighlightUses: () => Promise.resolve(),
};

/** +1 (or -1) use of each tag id. */
const usesOf = (tagIds: readonly string[] | undefined, sign: 1 | -1) =>
  new Map((tagIds ?? []).map((id) => [id, sign]));

export class HighlightsService {
  constructor(
    private readonly catalog: Catalog,
    private readonly annotations: AnnotationFiles,
    private readonly now: () => Date,
    private readonly tagging: HighlightTagging = NO_TAGGING,
    /** A highlight with a note went or came back: the note's links follow (the backlink index). */
    private readonly noteSourceChanged: (documentId: DocumentId, highlightId: string) => void = () =>
      undefined,
  ) {}

  /** Adds a highlight placed on the document's current text; one placed on an older text is `stale`. */
  async addHighlight(documentId: DocumentId, input: NewHighlight): Promise<Result<Highlight>> {
    const current = this.catalog.get(documentId)?.contentHash;
    if (current !== undefined && input.anchoredVersion !== current) {
      return {
        ok: false,
        code: 'stale',
        message: 'The document’s text changed since this passage was selected; select it again.',
      };
    }
    // A colour whose meaning names a tag tags the highlight (Settings.colorTags).
    const colorTags = this.catalog.has(documentId) ? await this.tagging.tagsForColor(input.color) : null;
    const added = await this.change(documentId, (data) => {
      const time = this.now().toISOString();
      const highlight: StoredHighlight = {
        id: newHighlightId(data.highlights),
        documentId,
        color: input.color,
        quote: { ...input.quote },
        position: { ...input.position },
        anchoredVersion: input.anchoredVersion,
        unplaced: false,
        needsCheck: false,
        tags: colorTags?.tags ?? [],
        ...(colorTags === null || colorTags.tagIds.length === 0 ? {} : { tagIds: colorTags.tagIds }),
        note: null,
        createdAt: time,
        updatedAt: time,
      };
      return {
        next: { ...data, highlights: [...data.highlights, highlight] },
        result: { ok: true, value: highlight },
      };
    });
    if (added.ok) this.countTagUses(usesOf(colorTags?.tagIds, 1));
    return added;
  }

  updateHighlight(
    documentId: DocumentId,
    highlightId: string,
    patch: HighlightPatch,
  ): Promise<Result<Highlight>> {
    return this.change(documentId, (data) => {
      const current = data.highlights.find((highlight) => highlight.id === highlightId);
      if (current === undefined) return { next: null, result: highlightNotFound([highlightId]) };
      // New selectors are a certain placement unless the caller says otherwise.
      const reattached = patch.quote !== undefined || patch.position !== undefined;
      const updated: Highlight = {
        ...current,
        ...definedOnly(patch),
        unplaced: patch.unplaced ?? (reattached ? false : current.unplaced),
        needsCheck: patch.needsCheck ?? (reattached ? false : current.needsCheck),
        updatedAt: this.now().toISOString(),
      };
      return {
        next: replaceHighlights(data, new Map([[highlightId, updated]])),
        result: { ok: true, value: updated },
      };
    });
  }

  async deleteHighlight(documentId: DocumentId, highlightId: string): Promise<Result<Highlight>> {
    let tagIds: string[] | undefined;
    const deleted = await this.change(documentId, (data) => {
      const found = data.highlights.find((highlight) => highlight.id === highlightId);
      if (found === undefined) return { next: null, result: highlightNotFound([highlightId]) };
      tagIds = found.tagIds;
      const highlights = data.highlights.filter((highlight) => highlight.id !== highlightId);
      return { next: { ...data, highlights }, result: { ok: true, value: found } };
    });
    if (deleted.ok) this.countTagUses(usesOf(tagIds, -1));
    if (deleted.ok && deleted.value.note !== null) this.noteSourceChanged(documentId, highlightId);
    return deleted;
  }

  /** Puts back a highlight exactly as deleteHighlight returned it. */
  async restoreHighlight(documentId: DocumentId, highlight: Highlight): Promise<Result<Highlight>> {
    if (highlight.documentId !== documentId) {
      return { ok: false, code: 'invalid-argument', message: 'The highlight belongs to another document.' };
    }
    // It comes back with the names the renderer saw; the ids are found (or made) again.
    const stored = this.catalog.has(documentId) ? await this.tagging.storedTagsFor(highlight.tags) : null;
    const restored = await this.change(documentId, (data) => {
      if (data.highlights.some((existing) => existing.id === highlight.id)) {
        return {
          next: null,
          result: { ok: false, code: 'duplicate', message: 'This highlight is already in the document.' },
        };
      }
      const copy: StoredHighlight = { ...structuredClone(highlight), ...stored };
      if (copy.tagIds?.length === 0) delete copy.tagIds;
      return { next: { ...data, highlights: [...data.highlights, copy] }, result: { ok: true, value: copy } };
    });
    if (restored.ok) this.countTagUses(usesOf(stored?.tagIds, 1));
    if (restored.ok && restored.value.note !== null) this.noteSourceChanged(documentId, highlight.id);
    return restored;
  }

  /**
   * Adds the highlights `make` builds from the document's current ones, in one durable write
   * (an import: it sees what is there in the same turn, so importing twice adds nothing).
   */
  async addMany(
    documentId: DocumentId,
    make: (existing: readonly StoredHighlight[]) => StoredHighlight[],
  ): Promise<Result<StoredHighlight[]>> {
    const added = await this.change(documentId, (data) => {
      const fresh = make(data.highlights);
      const next = fresh.length === 0 ? null : { ...data, highlights: [...data.highlights, ...fresh] };
      return { next, result: { ok: true, value: fresh } };
    });
    if (!added.ok) return added;
    const uses = new Map<string, number>();
    for (const id of added.value.flatMap((h) => h.tagIds ?? [])) uses.set(id, (uses.get(id) ?? 0) + 1);
    this.countTagUses(uses);
    for (const h of added.value) if (h.note !== null) this.noteSourceChanged(documentId, h.id);
    return added;
  }

  /** Applies every re-anchoring outcome in one write, or none of them when an id is unknown. */
  saveAnchors(documentId: DocumentId, updates: AnchorUpdate[]): Promise<Result<null>> {
    return this.change(documentId, (data) => {
      const known = new Set(data.highlights.map((highlight) => highlight.id));
      const unknown = [...new Set(updates.map((update) => update.id).filter((id) => !known.has(id)))];
      if (unknown.length > 0) return { next: null, result: highlightNotFound(unknown) };
      const byId = new Map(data.highlights.map((highlight) => [highlight.id, highlight]));
      const time = this.now().toISOString();
      const changed = new Map<string, Highlight>();
      for (const update of updates) {
        const current = changed.get(update.id) ?? byId.get(update.id);
        if (current === undefined) continue;
        const { quote, position, anchoredVersion, unplaced, needsCheck } = update;
        changed.set(update.id, {
          ...current,
          quote: { ...quote },
          position: { ...position },
          anchoredVersion,
          unplaced,
          needsCheck,
          updatedAt: time,
        });
      }
      return { next: replaceHighlights(data, changed), result: { ok: true, value: null } };
    });
  }

  /**
   * Counts the tags' uses after the answer, not before it: the counts are derived (and advisory),
   * and their write must not stand between the click and the durable answer. Queued now, so the
   * tags domain applies them in call order and a later query of the tags sees them.
   */
  private countTagUses(delta: ReadonlyMap<string, number>): void {
    if (delta.size === 0) return;
    this.tagging
      .noteHighlightUses(delta)
      .catch((error: unknown) => console.error('Could not count the tags of a highlight change', error));
  }

  private async change<T>(
    documentId: DocumentId,
    apply: (data: AnnotationsData) => Change<T>,
  ): Promise<Result<T>> {
    if (!this.catalog.has(documentId)) return documentNotFound(documentId);
    let outcome: { result: Result<T>; count: number | null };
    try {
      outcome = await this.annotations.modify(documentId, (data) => {
        const { next, result } = apply(data);
        return { next, result: { result, count: next?.highlights.length ?? null } };
      });
    } catch (error) {
      return writeFailure(error, 'save the highlights');
    }
    if (outcome.count !== null && outcome.count !== this.catalog.get(documentId)?.highlightCount) {
      this.catalog.noteMetadata(documentId, { highlightCount: outcome.count });
    }
    return outcome.result;
  }
}

/** 16 random lowercase hex characters, not already used in this document. */
function newHighlightId(existing: readonly Highlight[]): string {
  for (;;) {
    const id = randomBytes(8).toString('hex');
    // A scan, not a Set of every id: at 10,000 highlights building the Set cost more than the write.
    if (!existing.some((highlight) => highlight.id === id)) return id;
  }
}

function replaceHighlights(
  data: AnnotationsData,
  replacements: ReadonlyMap<string, Highlight>,
): AnnotationsData {
  return {
    ...data,
    highlights: data.highlights.map((highlight) => replacements.get(highlight.id) ?? highlight),
  };
}

function definedOnly(patch: HighlightPatch): Partial<Highlight> {
  return Object.fromEntries(
    Object.entries(patch).filter(([, value]) => value !== undefined),
  ) as Partial<Highlight>;
}

function highlightNotFound(ids: string[]): { ok: false; code: 'not-found'; message: string } {
  const list = ids.slice(0, 10).join(', ') + (ids.length > 10 ? `, … (${ids.length} in all)` : '');
  return { ok: false, code: 'not-found', message: `The document has no highlight ${list}.` };
}
