/**
 * THE way a note's markdown reaches the page: a private marked instance (GFM) and then the
 * reader's one sanitize path (reader/sanitize.ts), so a note can hold nothing that runs.
 * Other features extend the dialect here: `noteMarked.use(extension)` (e.g. `[[links]]`).
 */
import { Marked } from 'marked';
import { renderSanitized } from '../reader/sanitize';

/** The marked instance every note preview uses; add extensions to it, never make another. */
export const noteMarked = new Marked({ gfm: true, breaks: false, async: false });

/** Past this many characters the preview shows the text unformatted (formatting would stall the window). */
export const MAX_FORMATTED_NOTE_CHARS = 256_000;

const renderedHooks = new Set<(target: Element) => void>();

/** Runs `hook` on every rendered note (links show their targets' titles); returns the remove function. */
export function onNoteRendered(hook: (target: Element) => void): () => void {
  renderedHooks.add(hook);
  return () => void renderedHooks.delete(hook);
}

/** Replaces `target`'s children with the note's rendered, sanitized markdown. */
export function renderNote(target: Element, markdown: string): void {
  if (markdown.length > MAX_FORMATTED_NOTE_CHARS) {
    const doc = target.ownerDocument;
    const notice = doc.createElement('p');
    notice.className = 'note-unformatted';
    notice.textContent = `This note is too long to preview formatted (${markdown.length.toLocaleString()} characters); it is shown as plain text.`;
    const text = doc.createElement('pre');
    text.textContent = markdown;
    target.replaceChildren(notice, text);
    return;
  }
  let dirtyHtml: string;
  try {
    dirtyHtml = noteMarked.parse(markdown, { async: false });
  } catch {
    // marked throws on a few pathological inputs: the text is still the note.
    const text = target.ownerDocument.createElement('pre');
    text.textContent = markdown;
    target.replaceChildren(text);
    return;
  }
  renderSanitized(target, dirtyHtml);
  for (const hook of renderedHooks) hook(target);
}

/** The first lines of a note as plain text, for lists and the highlights panel. */
export function firstLinesOf(markdown: string, lines = 3, maxChars = 240): string {
  const text = markdown
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, lines)
    .join(' ');
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}
