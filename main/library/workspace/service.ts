/**
 * The workspace domain: answers windowed queries over every highlight of the library from the
 * in-memory index (orders sorted once per change, the last answers kept for the next windows),
 * edits many highlights at once (bulk-edit.ts) and draws the daily review (review.ts).
 */
import type {
  HighlightRef,
  HighlightsEdit,
  HighlightsEditOutcome,
  Result,
  ReviewSet,
  UndoOutcome,
  WorkspacePage,
  WorkspaceQuery,
} from '../../../preload/api';
import type { BulkEditor } from './bulk-edit';
import type { HighlightEntry } from './entries';
import { itemOf } from './entries';
import type { HighlightIndex } from './highlight-index';
import { type Grouped, dateOrder, documentOrder, groupEntries, prepareFilter, windowOf } from './query';
import { drawForDay, entryIdentity, onThisDay } from './review';

/** Answers kept for the next windows of the same query (scrolling asks again and again). */
const KEPT_ANSWERS = 4;

interface Orders {
  at: string;
  document: HighlightEntry[] | null;
  date: HighlightEntry[] | null;
}

export class WorkspaceService {
  private orders: Orders = { at: '', document: null, date: null };
  private answers = new Map<string, Grouped>();

  constructor(
    readonly index: HighlightIndex,
    private readonly editor: BulkEditor,
  ) {}

  async query(query: WorkspaceQuery): Promise<Result<WorkspacePage>> {
    await this.index.ready();
    const titleOf = (id: string) => this.index.title(id);
    const all = this.index.all();
    const grouped = this.grouped(query, all);
    return { ok: true, value: windowOf(grouped, query, titleOf, all.length) };
  }

  editHighlights(refs: HighlightRef[], edit: HighlightsEdit): Promise<Result<HighlightsEditOutcome>> {
    return this.editor.edit(refs, edit);
  }

  undoHighlightsEdit(token: string): Promise<Result<UndoOutcome>> {
    return this.editor.undo(token);
  }

  async review(day: string, count: number): Promise<Result<ReviewSet>> {
    await this.index.ready();
    const all = this.index.all();
    const titleOf = (id: string) => this.index.title(id);
    const today = onThisDay(all, day, count);
    const drawn = drawForDay(all, day, count, new Set(today.map(entryIdentity)));
    return {
      ok: true,
      value: {
        onThisDay: today.map((entry) => itemOf(entry, titleOf(entry.documentId))),
        random: drawn.map((entry) => itemOf(entry, titleOf(entry.documentId))),
      },
    };
  }

  private grouped(query: WorkspaceQuery, all: readonly HighlightEntry[]): Grouped {
    const at = `${this.index.version}:${this.index.tagGeneration}`;
    if (this.orders.at !== at) {
      this.orders = { at, document: null, date: null };
      this.answers.clear();
    }
    const key = JSON.stringify([query.filter, query.grouping]);
    const kept = this.answers.get(key);
    if (kept !== undefined) return kept;
    const ordered =
      query.grouping === 'document'
        ? (this.orders.document ??= documentOrder(this.index.documents(), (id) => this.index.title(id)))
        : (this.orders.date ??= dateOrder(all));
    const grouped = groupEntries(ordered, prepareFilter(query.filter), query.grouping, (id) =>
      this.index.title(id),
    );
    this.answers.set(key, grouped);
    if (this.answers.size > KEPT_ANSWERS) this.answers.delete(this.answers.keys().next().value ?? '');
    return grouped;
  }
}
