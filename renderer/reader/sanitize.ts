/**
 * THE sanitize path of the reader: markdown → marked → DOMPurify → DOM. Nothing else puts
 * document-derived markup on the page. Documents never reach the network: links become
 * inert unless http(s)/mailto/#fragment, and only data: images and the open document's own
 * pictures load (document-images.ts).
 */
import DOMPurify from 'dompurify';
import { documentImageSrc, isDocumentImageSrc } from './document-images';

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL to keep on a document link, or null when the link must be inert.
 * Allows http, https, mailto and in-document `#fragment` links; everything else
 * (javascript:, file:, relative paths, protocol-relative URLs) is refused.
 */
export function safeUrl(raw: string): string | null {
  // The URL parser itself drops tabs and newlines inside a scheme ("java\tscript:"), so the
  // protocol it reports is the one a browser would follow.
  const url = raw.trim();
  if (url.startsWith('#')) return url.length > 1 ? url : null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null; // Relative or malformed: there is no base a document link may resolve against.
  }
  if (!LINK_PROTOCOLS.has(parsed.protocol)) return null;
  if (parsed.protocol !== 'mailto:' && parsed.hostname === '') return null;
  return parsed.href;
}

/** The document whose `assets/<name>` pictures the sanitize call under way may show (hooks are global). */
let picturesOf: string | null = null;

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'code',
  'kbd',
  'samp',
  'var',
  'em',
  'strong',
  'b',
  'i',
  'u',
  's',
  'del',
  'ins',
  'mark',
  'small',
  'sub',
  'sup',
  'abbr',
  'cite',
  'q',
  'dfn',
  'time',
  'span',
  'div',
  'a',
  'img',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'caption',
  'colgroup',
  'col',
  'figure',
  'figcaption',
  'details',
  'summary',
  'input',
];
const ALLOWED_ATTR = [
  'href',
  'title',
  'alt',
  'src',
  'width',
  'height',
  'align',
  'colspan',
  'rowspan',
  'start',
  'reversed',
  'lang',
  'dir',
  'class',
  'id',
  'type',
  'checked',
  'disabled',
  'datetime',
  'open',
];

/**
 * What DOMPurify may keep of a document (exported for the unit tests: vitest has no browser
 * DOM here, so the options and the hooks are tested apart from DOMPurify itself).
 */
export const SANITIZE_OPTIONS = {
  ALLOWED_TAGS,
  ALLOWED_ATTR,
  ALLOW_DATA_ATTR: false,
  ALLOW_ARIA_ATTR: false,
  ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|#|data:image\/|lectern:)/i,
  // A document's ids become "user-content-…": they cannot collide with the reader's own
  // (aria-controls targets, panels) in the shared shadow root.
  SANITIZE_NAMED_PROPS: true,
  RETURN_DOM_FRAGMENT: true,
} as const;

/** DOMPurify's afterSanitizeAttributes hook: what each kept element may still carry. */
export function scrubAttributes(node: Element): void {
  // Classes would let a document dress up as the reader's own controls; only code blocks'
  // language-* classes are kept.
  if (node.hasAttribute('class')) {
    const kept = [...node.classList].filter((name) => /^language-[\w+#-]+$/.test(name));
    if (kept.length > 0) node.setAttribute('class', kept.join(' '));
    else node.removeAttribute('class');
  }
  if (node.localName === 'a') scrubLink(node);
  else if (node.localName === 'img') {
    node.removeAttribute('srcset');
    if (!isDocumentImageSrc(node.getAttribute('src') ?? '', picturesOf)) {
      node.removeAttribute('src');
      node.setAttribute('data-blocked', '');
    }
  } else if (node.localName === 'input') {
    // Only GFM task-list boxes survive, and they are read-only.
    if (node.getAttribute('type')?.toLowerCase() === 'checkbox') node.setAttribute('disabled', '');
    else node.setAttribute('data-drop', '');
  }
}

function scrubLink(link: Element): void {
  const href = safeUrl(link.getAttribute('href') ?? '');
  if (href === null) {
    link.removeAttribute('href');
    return;
  }
  link.setAttribute('href', href);
  link.setAttribute('title', href.startsWith('#') ? link.getAttribute('title') || href : href);
  link.setAttribute('rel', 'noopener noreferrer');
}

let configured = false;

function configure(): void {
  if (configured) return;
  configured = true;
  // Before DOMPurify checks URLs: `assets/<name>` becomes this document's asset URL, and any
  // other src but a data image is emptied (then blocked below).
  DOMPurify.addHook('uponSanitizeAttribute', (node, data) => {
    if (node instanceof HTMLImageElement && data.attrName === 'src')
      data.attrValue = documentImageSrc(data.attrValue, picturesOf) ?? '';
  });
  DOMPurify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeType === Node.ELEMENT_NODE) scrubAttributes(node as Element);
  });
}

/** Drops refused inputs; replaces blocked remote images with a visible note, so the reader knows something is missing. */
export function finishFragment(fragment: DocumentFragment): void {
  for (const input of fragment.querySelectorAll('[data-drop]')) input.remove();
  const doc = fragment.ownerDocument;
  for (const img of fragment.querySelectorAll('img[data-blocked]')) {
    const note = doc.createElement('span');
    note.className = 'blocked-image';
    const alt = img.getAttribute('alt')?.trim();
    note.textContent = `[image not loaded${alt ? `: ${alt}` : ''}]`;
    img.replaceWith(note);
  }
}

/** Sanitizes untrusted HTML into a fragment of this document; `documentId` names whose pictures load. */
export function sanitizeToFragment(dirtyHtml: string, documentId: string | null = null): DocumentFragment {
  configure();
  picturesOf = documentId;
  try {
    return sanitizeWithPictures(dirtyHtml);
  } finally {
    picturesOf = null;
  }
}

function sanitizeWithPictures(dirtyHtml: string): DocumentFragment {
  const fragment = DOMPurify.sanitize(dirtyHtml, SANITIZE_OPTIONS);
  finishFragment(fragment);
  return fragment;
}

/** THE place document HTML reaches the DOM: replaces `target`'s children with the sanitized HTML. */
export function renderSanitized(target: Element, dirtyHtml: string, documentId: string | null = null): void {
  target.replaceChildren(sanitizeToFragment(dirtyHtml, documentId));
}
