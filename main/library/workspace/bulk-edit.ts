/**
 * Editing many highlights at once: the selection is split by document, each document is changed in
 * one durable write of its annotations file (through AnnotationFiles.modify, as the highlights and
 * tags services do), one document after the other. Memory follows each write only once it landed; a
 * failure stops the edit there and says what was changed (undoable) and what was left as it was.
 */
import { normalizeTag, tagKey } from '../../../common/tags';
import type {
  EditFailure,
  HighlightRef,
  HighlightsEdit,
  HighlightsEditOutcome,
  Result,
} from '../../../preload/api';
import { MAX_WORKSPACE_SELECTION } from '../../../preload/api';
import type { AnnotationFiles } from '../highlights/annotations';
import { writeFailure } from '../storage/failures';
import { type NameOf, type ResolvedEdit, type StoredHighlight, applyEdit } from './edit-rules';
import { type DocumentUndo, UndoStore, tagUsesDelta } from './undo';

/** What an edit needs from the rest of the library. */
export interface BulkEditParts {
  annotations: Pick<AnnotationFiles, 'modify'>;
  hasDocument(documentId: string): boolean;
  /** The document's highlight count changed (the library list shows it). */
  noteHighlightCount(documentId: string, count: number): void;
  /** Ids (found or created) for a tag name. */
  storedTagsFor(names: string[]): Promise<{ tagIds: string[]; tags: string[] }>;
  noteHighlightUses(delta: ReadonlyMap<string, number>): Promise<void>;
  nameOf: NameOf;
  /** A highlight with a note went or came back: links to and from the note follow. */
  noteSourceChanged(documentId: string, highlightId: string): void;
  now: () => Date;
}

/** What one document's write did. */
interface DocumentOutcome {
  undo: DocumentUndo;
  count: number;
}

export class BulkEditor {
  readonly undos = new UndoStore();

  constructor(private readonly parts: BulkEditParts) {}

  async edit(refs: readonly HighlightRef[], edit: HighlightsEdit): Promise<Result<HighlightsEditOutcome>> {
    if (refs.length > MAX_WORKSPACE_SELECTION)
      return invalid(
        `At most ${MAX_WORKSPACE_SELECTION} highlights can be changed at once (${refs.length} are selected); select fewer.`,
      );
    const resolved = await this.resolve(edit);
    if (!resolved.ok) return resolved;
    const byDocument = groupByDocument(refs);
    const undos: DocumentUndo[] = [];
    let unchanged = 0;
    let failure: EditFailure | null = null;
    let left = [...byDocument.values()].reduce((sum, ids) => sum + ids.size, 0);
    for (const [documentId, ids] of byDocument) {
      if (!this.parts.hasDocument(documentId)) {
        unchanged += ids.size;
        left -= ids.size;
        continue;
      }
      const written = await this.editDocument(documentId, ids, resolved.value);
      if (!written.ok) {
        failure = { code: written.code, message: written.message, highlightsLeft: left };
        break;
      }
      left -= ids.size;
      unchanged += ids.size - written.value.count;
      if (written.value.count > 0) undos.push(written.value.undo);
    }
    const changed = undos.reduce((sum, undo) => sum + undo.before.length, 0);
    // Nothing changed and a failure: a plain failure, the toast says it all.
    if (changed === 0 && failure !== null) return { ok: false, code: failure.code, message: failure.message };
    const undoToken = undos.length === 0 ? null : this.undos.keep(undos);
    return { ok: true, value: { undoToken, changed, documents: undos.length, unchanged, failure } };
  }

  /** Validates the tag and finds (or creates) its id once, before any document is touched. */
  private async resolve(edit: HighlightsEdit): Promise<Result<ResolvedEdit>> {
    if (edit.kind === 'recolor' || edit.kind === 'delete') return { ok: true, value: edit };
    const checked = normalizeTag(edit.tag);
    if (!checked.ok) return invalid(`“${edit.tag.slice(0, 80)}”: ${checked.message}`);
    if (edit.kind === 'untag') return { ok: true, value: { kind: 'untag', key: tagKey(checked.tag) } };
    const stored = await this.parts.storedTagsFor([checked.tag]);
    const [tagId] = stored.tagIds;
    const [name] = stored.tags;
    if (tagId === undefined || name === undefined) return invalid(`“${checked.tag}” cannot be a tag.`);
    return { ok: true, value: { kind: 'tag', tagId, name } };
  }

  private async editDocument(
    documentId: string,
    ids: ReadonlySet<string>,
    edit: ResolvedEdit,
  ): Promise<Result<DocumentOutcome>> {
    const updatedAt = this.parts.now().toISOString();
    let outcome: DocumentOutcome & { highlights: number };
    try {
      outcome = await this.parts.annotations.modify(documentId, (data) => {
        const undo: DocumentUndo = { documentId, before: [], after: [], deletedAt: [] };
        const highlights: StoredHighlight[] = [];
        data.highlights.forEach((highlight, index) => {
          if (!ids.has(highlight.id)) return void highlights.push(highlight);
          if (edit.kind === 'delete') {
            undo.before.push(highlight);
            undo.deletedAt.push(index);
            return;
          }
          const changed = applyEdit(highlight, edit, this.parts.nameOf, updatedAt);
          highlights.push(changed ?? highlight);
          if (changed === null) return;
          undo.before.push(highlight);
          undo.after.push(changed);
        });
        const count = undo.before.length;
        const next = count === 0 ? null : { ...data, highlights };
        return { next, result: { undo, count, highlights: highlights.length } };
      });
    } catch (error) {
      return writeFailure(error, 'save the highlights of one of the documents');
    }
    if (outcome.count > 0) await this.afterWrite(outcome.undo, outcome.highlights);
    return { ok: true, value: outcome };
  }

  /** What follows a landed write: tag counts, the list's count, the links of deleted notes. */
  private async afterWrite(undo: DocumentUndo, highlights: number): Promise<void> {
    await this.parts.noteHighlightUses(tagUsesDelta(undo.before, undo.after));
    if (undo.deletedAt.length === 0) return;
    this.parts.noteHighlightCount(undo.documentId, highlights);
    for (const highlight of undo.before)
      if (highlight.note !== null) this.parts.noteSourceChanged(undo.documentId, highlight.id);
  }

  /** Restores what the edit behind `token` changed; see undo.ts. */
  async undo(token: string) {
    return this.undos.undo(token, this.parts);
  }
}

function groupByDocument(refs: readonly HighlightRef[]): Map<string, Set<string>> {
  const byDocument = new Map<string, Set<string>>();
  for (const { documentId, highlightId } of refs) {
    const ids = byDocument.get(documentId) ?? new Set<string>();
    ids.add(highlightId);
    byDocument.set(documentId, ids);
  }
  return byDocument;
}

function invalid(message: string): { ok: false; code: 'invalid-argument'; message: string } {
  return { ok: false, code: 'invalid-argument', message };
}
