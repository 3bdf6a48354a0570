/** The links feature's events: following a link (from a note, a backlink or a marker). */
import type { LinkSource, LinkTarget } from '../../preload/api';

/** Open what a link or a backlink points to: a document, a passage (scrolled to, flashed) or a note. */
export class OpenLinkEvent extends Event {
  static readonly eventName = 'open-link';
  constructor(readonly link: LinkTarget) {
    super(OpenLinkEvent.eventName, { bubbles: true, composed: true });
  }
}

/** Where a backlink's source is shown: a note opens, a highlight's or document's note opens its document. */
export function targetOfSource(source: LinkSource): LinkTarget {
  if (source.kind === 'note') return { kind: 'note', noteId: source.noteId };
  if (source.kind === 'document-note') return { kind: 'doc', documentId: source.documentId };
  return { kind: 'highlight', documentId: source.documentId, highlightId: source.highlightId };
}

declare global {
  interface HTMLElementEventMap {
    'open-link': OpenLinkEvent;
  }
}
