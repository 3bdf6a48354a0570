/**
 * The highlights domain: a document's highlights live in its annotations file, and every
 * change is one durable write of that file only (then the count in the catalog follows).
 * A failed write changes nothing and answers a typed failure, so a retry stores one copy.
 */
import { randomBytes } from 'node:crypto';
import type {
  AnchorUpdate,
  DocumentId,
  Highlight,
  HighlightPatch,
  NewHighlight,
  Result,
} from '../../../preload/api';
import type { Catalog } from '../catalog/catalog';
import { documentNotFound } from '../documents/not-found';
import { writeFailure } from '../storage/failures';
import type { AnnotationsData } from './annotation-format';
import type { AnnotationFiles } from './annotations';

type Change<T> = { next: AnnotationsData | null; result: Result<T> };

export class HighlightsService {
  constructor(
    private readonly catalog: Catalog,
    private readonly annotations: AnnotationFiles,
    private readonly now: () => Date,
  ) {}

  /** Adds a highlight placed on the document's current text; one placed on an older text is `stale`. */
  addHighlight(documentId: DocumentId, input: NewHighlight): Promise<Result<Highlight>> {
    const current = this.catalog.get(documentId)?.contentHash;
    if (current !== undefined && input.anchoredVersion !== current) {
      return Promise.resolve({
        ok: false,
        code: 'stale',
        message: 'The document’s text changed since this passage was selected; select it again.',
      });
    }
    return this.change(documentId, (data) => {
      const time = this.now().toISOString();
      const highlight: Highlight = {
        id: newHighlightId(data.highlights),
        documentId,
        color: input.color,
        quote: { ...input.quote },
        position: { ...input.position },
        anchoredVersion: input.anchoredVersion,
        unplaced: false,
        needsCheck: false,
        tags: [],
        note: null,
        createdAt: time,
        updatedAt: time,
      };
      return {
        next: { ...data, highlights: [...data.highlights, highlight] },
        result: { ok: true, value: highlight },
      };
    });
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

  deleteHighlight(documentId: DocumentId, highlightId: string): Promise<Result<Highlight>> {
    return this.change(documentId, (data) => {
      const deleted = data.highlights.find((highlight) => highlight.id === highlightId);
      if (deleted === undefined) return { next: null, result: highlightNotFound([highlightId]) };
      const highlights = data.highlights.filter((highlight) => highlight.id !== highlightId);
      return { next: { ...data, highlights }, result: { ok: true, value: deleted } };
    });
  }

  /** Puts back a highlight exactly as deleteHighlight returned it. */
  restoreHighlight(documentId: DocumentId, highlight: Highlight): Promise<Result<Highlight>> {
    if (highlight.documentId !== documentId) {
      return Promise.resolve({
        ok: false,
        code: 'invalid-argument',
        message: 'The highlight belongs to another document.',
      });
    }
    return this.change(documentId, (data) => {
      if (data.highlights.some((existing) => existing.id === highlight.id)) {
        return {
          next: null,
          result: { ok: false, code: 'duplicate', message: 'This highlight is already in the document.' },
        };
      }
      const restored = structuredClone(highlight);
      return {
        next: { ...data, highlights: [...data.highlights, restored] },
        result: { ok: true, value: restored },
      };
    });
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
  const taken = new Set(existing.map((highlight) => highlight.id));
  for (;;) {
    const id = randomBytes(8).toString('hex');
    if (!taken.has(id)) return id;
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
