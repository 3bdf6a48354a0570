/** The `[[` autocomplete's search: documents, standalone notes and highlights by title or quote. */
import type { Highlight, LinkSuggestion } from '../../../preload/api';
import { targetKey } from '../../../common/links';
import type { Catalog } from '../catalog/catalog';
import { quoteTitle } from './resolver';
import type { NotesPort } from './sources';

export interface SearchParts {
  catalog: Catalog;
  notes: NotesPort;
  highlightsOf: (documentId: string) => Promise<readonly Highlight[]>;
}

const matches = (text: string, query: string) => text.toLocaleLowerCase().includes(query);

/** Up to `limit` suggestions, taken in turn from notes, documents and highlights so each kind shows. */
export async function findTargets(
  parts: SearchParts,
  query: string,
  limit: number,
): Promise<LinkSuggestion[]> {
  const wanted = query.trim().toLocaleLowerCase();
  const notes: LinkSuggestion[] = (await parts.notes.listNotes())
    .filter((note) => matches(note.title, wanted))
    .slice(0, limit)
    .map((note) => {
      const target = { kind: 'note', noteId: note.id } as const;
      return { target, key: targetKey(target), title: note.title, detail: 'Note' };
    });
  const records = parts.catalog.list();
  const documents: LinkSuggestion[] = records
    .filter((record) => matches(record.title, wanted))
    .slice(0, limit)
    .map((record) => {
      const target = { kind: 'doc', documentId: record.id } as const;
      return { target, key: targetKey(target), title: record.title, detail: 'Document' };
    });
  const highlights: LinkSuggestion[] = [];
  // Highlights only for a typed query: an empty one would read every annotations file.
  for (const record of wanted === '' ? [] : records) {
    if (record.highlightCount === 0) continue;
    if (highlights.length >= limit) break;
    for (const highlight of await parts.highlightsOf(record.id)) {
      if (highlights.length >= limit || !matches(highlight.quote.exact, wanted)) continue;
      const target = { kind: 'highlight', documentId: record.id, highlightId: highlight.id } as const;
      highlights.push({
        target,
        key: targetKey(target),
        title: quoteTitle(highlight.quote.exact),
        detail: record.title,
      });
    }
  }
  return inTurn([notes, documents, highlights], limit);
}

function inTurn<T>(lists: T[][], limit: number): T[] {
  const out: T[] = [];
  for (let round = 0; out.length < limit && lists.some((list) => round < list.length); round++) {
    for (const list of lists) {
      const item = list[round];
      if (item !== undefined && out.length < limit) out.push(item);
    }
  }
  return out;
}
