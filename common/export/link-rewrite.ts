/**
 * `[[lectern:…]]` links in notes rewritten for the exported files: wikilinks (Obsidian, Logseq)
 * or markdown links (plain markdown) to the file each target was exported to; plain text when
 * the target has no file (deleted, unknown).
 */
import type { ParsedLink } from '../links';
import { escapeInline, type LinkRewriter } from './escape';
import type { ExportedTarget } from './types';
import type { LinkTarget } from '../../preload/api/links';

/** How links are written: `[[File#^block|Label]]`, or `[Label](<File.md>)`. */
export type LinkStyle = 'wiki' | 'markdown';

/** The block id a highlight carries in exported files (`[[File#^h-<id>]]` links to it). */
export const blockId = (highlightId: string): string => `h-${highlightId}`;

/** A wikilink label may not hold `[`, `]` or `|`; line breaks would end the link. */
const WIKI_UNSAFE = /[[\]|\r\n\u2028\u2029]+/g;
const wikiLabel = (label: string): string =>
  (/[[\]|\r\n\u2028\u2029]/.test(label) ? label.replace(WIKI_UNSAFE, ' ') : label).trim();

/** A markdown link destination in `<…>`: spaces allowed; `<`, `>` and line breaks are not. */
const destination = (fileBase: string): string => `<${fileBase.replace(/[<>\r\n]/g, ' ')}.md>`;

/**
 * The rewriter for a file: `ownId` is the exported document's id (a link to one of its own
 * highlights needs no file name), null for a standalone note.
 */
export function linkRewriter(
  ownId: string | null,
  resolveTarget: (target: LinkTarget) => ExportedTarget | null,
  style: LinkStyle = 'wiki',
): LinkRewriter {
  return new ExportLinkRewriter(ownId, resolveTarget, style);
}

/** `#^h-`: a link to a highlight's block id, its id follows. */
const ANCHOR_LEAD = `#^${blockId('')}`;

class ExportLinkRewriter implements LinkRewriter {
  constructor(
    private readonly ownId: string | null,
    private readonly resolveTarget: (target: LinkTarget) => ExportedTarget | null,
    private readonly style: LinkStyle,
  ) {}

  rewrite(link: ParsedLink): string {
    const exported = link.target === null ? null : this.resolveTarget(link.target);
    const label = wikiLabel(link.label ?? exported?.title ?? '');
    if (link.target === null || exported === null) return escapeInline(label === '' ? link.rawTarget : label);
    if (this.style === 'markdown')
      return `[${escapeInline(label || exported.title)}](${destination(exported.fileBase)})`;
    const file =
      link.target.kind === 'highlight' && link.target.documentId === this.ownId ? '' : exported.fileBase;
    const anchor = link.target.kind === 'highlight' ? link.target.highlightId : null;
    // `[[Title|Title]]` says nothing more than `[[Title]]`.
    const shown = !(label === '' || (label === file && anchor === null));
    // Written out whole rather than from pieces: every piece is a node V8 allocates and later walks.
    if (anchor === null) return shown ? `[[${file}|${label}]]` : `[[${file}]]`;
    return shown ? `[[${file}${ANCHOR_LEAD}${anchor}|${label}]]` : `[[${file}${ANCHOR_LEAD}${anchor}]]`;
  }
}
