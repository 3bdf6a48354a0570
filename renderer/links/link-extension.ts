/**
 * The marked extension for `[[lectern:…]]` links in notes (syntax: common/links.ts): each becomes
 * an in-page anchor `#lectern:<target>` showing its stored label, which survives the sanitize path
 * as a plain fragment link; decorateLinks then shows the target's current title.
 */
import type { MarkedExtension, Tokens } from 'marked';
import { LINK_PREFIX, parseLinkAt } from '../../common/links';

/** The href prefix a rendered link carries; what follows is the raw target. */
export const LINK_HREF_PREFIX = '#lectern:';

interface LecternLinkToken extends Tokens.Generic {
  key: string;
  label: string | null;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The raw target an anchor of a rendered note links to, or null when it is not a Lectern link. */
export function linkKeyOf(href: string | null): string | null {
  if (href === null || !href.startsWith(LINK_HREF_PREFIX)) return null;
  const key = href.slice(LINK_HREF_PREFIX.length);
  return key === '' ? null : decodeURIComponent(key);
}

export const lecternLinks: MarkedExtension = {
  extensions: [
    {
      name: 'lecternLink',
      level: 'inline',
      start: (src) => {
        const at = src.indexOf(LINK_PREFIX);
        return at < 0 ? undefined : at;
      },
      tokenizer(src) {
        const link = parseLinkAt(src, 0);
        if (link === null) return undefined;
        return { type: 'lecternLink', raw: src.slice(0, link.end), key: link.rawTarget, label: link.label };
      },
      renderer(token) {
        const { key, label } = token as LecternLinkToken;
        const href = `${LINK_HREF_PREFIX}${encodeURIComponent(key).replace(/%2F/g, '/')}`;
        return `<a href="${escapeHtml(href)}">${escapeHtml(label ?? key)}</a>`;
      },
    },
  ],
};
