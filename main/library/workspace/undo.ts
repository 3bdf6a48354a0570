/**
 * Undo of bulk edits: each edit keeps, per document, the highlights as they were before it (and where
 * deleted ones stood). Undo writes them back one document at a time: a deleted highlight returns with
 * its id, note and tags at its place; a changed one returns to what it was, unless it changed again
 * since (then it is left as it is now, and counted as skipped).
 */
import { randomBytes } from 'node:crypto';
import type { EditFailure, Result, UndoOutcome } from '../../../preload/api';
import type { AnnotationFiles } from '../highlights/annotations';
import { writeFailure } from '../storage/failures';
import { usesDelta } from '../tags/service';
import type { StoredHighlight } from './edit-rules';

/** One document's part of an edit. `after` pairs with `before` (empty for a delete, which has `deletedAt`). */
export interface DocumentUndo {
  documentId: string;
  before: StoredHighlight[];
  after: StoredHighlight[];
  deletedAt: number[];
}

export interface UndoParts {
  annotations: Pick<AnnotationFiles, 'modify'>;
  hasDocument(documentId: string): boolean;
  noteHighlightCount(documentId: string, count: number): void;
  noteHighlightUses(delta: ReadonlyMap<string, number>): Promise<void>;
  noteSourceChanged(documentId: string, highlightId: string): void;
}

/** Edits that can still be undone (the oldest are forgotten). */
const KEPT_EDITS = 20;

const tagIdsOf = (highlight: StoredHighlight | undefined) => highlight?.tagIds ?? [];

/** Uses gained and lost per tag id from `before` to `after` (`after` empty: all deleted). */
export function tagUsesDelta(before: readonly StoredHighlight[], after: readonly StoredHighlight[]) {
  const delta = new Map<string, number>();
  before.forEach((highlight, index) => {
    for (const [id, change] of usesDelta(tagIdsOf(highlight), tagIdsOf(after[index])))
      delta.set(id, (delta.get(id) ?? 0) + change);
  });
  return delta;
}

interface DocumentRestore {
  restored: StoredHighlight[];
  /** The highlights the restored ones replaced (none for deleted ones put back). */
  replaced: StoredHighlight[];
  inserted: StoredHighlight[];
  count: number;
}

export class UndoStore {
  private readonly edits = new Map<string, DocumentUndo[]>();

  /** Keeps an edit's undo; returns its token. */
  keep(documents: DocumentUndo[]): string {
    const token = randomBytes(8).toString('hex');
    this.edits.set(token, documents);
    for (const old of this.edits.keys()) if (this.edits.size > KEPT_EDITS) this.edits.delete(old);
    return token;
  }

  async undo(token: string, parts: UndoParts): Promise<Result<UndoOutcome>> {
    const documents = this.edits.get(token);
    if (documents === undefined)
      return { ok: false, code: 'not-found', message: 'This change can no longer be undone.' };
    let restored = 0;
    let skipped = 0;
    let failure: EditFailure | null = null;
    while (documents.length > 0) {
      const [next] = documents;
      if (next === undefined) break;
      if (!parts.hasDocument(next.documentId)) skipped += next.before.length;
      else {
        const written = await restoreDocument(next, parts);
        if (!written.ok) {
          const left = documents.reduce((sum, undo) => sum + undo.before.length, 0);
          failure = { code: written.code, message: written.message, highlightsLeft: left };
          break;
        }
        restored += written.value.restored.length;
        skipped += next.before.length - written.value.restored.length;
      }
      documents.shift();
    }
    // What is left (after a failure) can be retried with the same token.
    if (documents.length === 0) this.edits.delete(token);
    if (restored === 0 && failure !== null)
      return { ok: false, code: failure.code, message: failure.message };
    return { ok: true, value: { restored, skipped, failure } };
  }
}

async function restoreDocument(undo: DocumentUndo, parts: UndoParts): Promise<Result<DocumentRestore>> {
  let outcome: DocumentRestore;
  try {
    outcome = await parts.annotations.modify(undo.documentId, (data) => {
      const change =
        undo.deletedAt.length > 0 ? putBack(data.highlights, undo) : revert(data.highlights, undo);
      const next = change.restored.length === 0 ? null : { ...data, highlights: change.highlights };
      return { next, result: { ...change, count: change.highlights.length } };
    });
  } catch (error) {
    return writeFailure(error, 'put the highlights back');
  }
  if (outcome.restored.length === 0) return { ok: true, value: outcome };
  const delta =
    outcome.inserted.length > 0
      ? new Map([...tagUsesDelta(outcome.inserted, [])].map(([id, change]) => [id, -change]))
      : tagUsesDelta(outcome.replaced, outcome.restored);
  await parts.noteHighlightUses(delta);
  if (outcome.inserted.length > 0) {
    parts.noteHighlightCount(undo.documentId, outcome.count);
    for (const highlight of outcome.inserted)
      if (highlight.note !== null) parts.noteSourceChanged(undo.documentId, highlight.id);
  }
  return { ok: true, value: outcome };
}

/** Deleted highlights go back where they stood, unless one with their id is there already. */
function putBack(current: readonly StoredHighlight[], undo: DocumentUndo) {
  const present = new Set(current.map((highlight) => highlight.id));
  const highlights = [...current];
  const inserted: StoredHighlight[] = [];
  undo.before.forEach((highlight, index) => {
    if (present.has(highlight.id)) return;
    highlights.splice(Math.min(undo.deletedAt[index] ?? highlights.length, highlights.length), 0, highlight);
    inserted.push(highlight);
  });
  return { highlights, restored: inserted, replaced: [], inserted };
}

/** Changed highlights return to what they were, if nothing changed them since. */
function revert(current: readonly StoredHighlight[], undo: DocumentUndo) {
  const wanted = new Map(undo.before.map((highlight, index) => [highlight.id, index]));
  const restored: StoredHighlight[] = [];
  const replaced: StoredHighlight[] = [];
  const highlights = current.map((highlight) => {
    const index = wanted.get(highlight.id);
    const before = index === undefined ? undefined : undo.before[index];
    if (before === undefined || highlight.updatedAt !== undo.after[index ?? -1]?.updatedAt) return highlight;
    restored.push(before);
    replaced.push(highlight);
    return before;
  });
  return { highlights, restored, replaced, inserted: [] };
}
