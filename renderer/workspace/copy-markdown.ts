/**
 * The selected highlights as markdown for the clipboard: grouped by document, each quote a block
 * quote, its note under it, its tags as #tags, its date; text is kept as written (it is the
 * reader's own), only line starts are quoted.
 */
import type { WorkspaceItem } from '../../preload/api';

const quoted = (text: string): string =>
  text
    .split(/\r?\n/u)
    .map((line) => (line.trim() === '' ? '>' : `> ${line}`))
    .join('\n');

function itemMarkdown(item: WorkspaceItem): string {
  const parts = [quoted(item.quote)];
  if (item.note !== null && item.note.trim() !== '') parts.push(item.note.trim());
  const tags = item.tags.map((tag) => `#${tag}`).join(' ');
  const date = item.createdAt.slice(0, 10);
  parts.push(tags === '' ? `— ${date}` : `— ${date} · ${tags}`);
  return parts.join('\n\n');
}

/** Markdown for `items` in the order given, one `##` heading per document. */
export function highlightsMarkdown(items: readonly WorkspaceItem[]): string {
  const byDocument = new Map<string, WorkspaceItem[]>();
  for (const item of items) {
    const list = byDocument.get(item.documentId) ?? [];
    list.push(item);
    byDocument.set(item.documentId, list);
  }
  return [...byDocument.values()]
    .map((list) => {
      const title = (list[0]?.documentTitle ?? '').replace(/\s+/gu, ' ').trim() || 'Untitled document';
      return [`## ${title}`, ...list.map(itemMarkdown)].join('\n\n');
    })
    .join('\n\n')
    .concat('\n');
}
