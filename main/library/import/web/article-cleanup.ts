/**
 * Makes an extracted article safe and self-contained before it becomes markdown: nothing
 * executable (elements, event handlers, script URLs), links resolved or made inert, code
 * blocks labelled with their language, and in-document link targets kept as anchors.
 */
import { type DomElement } from './dom';
import { openingHeading } from './opening-heading';
import { TASK_ATTRIBUTE } from './page-prepass';
import { elementsByTag } from './tag-walk';

/** Elements dropped with everything inside them: executable, interactive or invisible. */
const DROPPED = new Set(
  'SCRIPT STYLE NOSCRIPT TEMPLATE IFRAME FRAME FRAMESET OBJECT EMBED APPLET FORM BUTTON SELECT TEXTAREA LINK META BASE SVG CANVAS AUDIO VIDEO SOURCE TRACK DIALOG PORTAL'.split(
    ' ',
  ),
);
const KEPT_ATTRIBUTES = new Set([
  'href',
  'src',
  'alt',
  'title',
  'colspan',
  'rowspan',
  'align',
  'lang',
  'dir',
]);
const LANGUAGE_PATTERNS = [
  /(?:^|\s)(?:language|lang)-([\w+#-]+)/i,
  /highlight-(?:text|source)-([\w+#-]+)/i,
  /brush:\s*([\w+#-]+)/i,
];

/** Marks the anchors `placeAnchors` adds, so the cleanup keeps their ids. */
export const ANCHOR_ATTRIBUTE = 'data-lectern-anchor';

/**
 * Cleans `root` in place. `resolveHref` turns a kept link into the URL to store, or null to
 * make the link plain text (relative links with no known base, `javascript:` and the like).
 */
export function cleanArticle(root: DomElement, resolveHref: (href: string) => string | null): void {
  for (const pre of elementsByTag(root, ['pre'])) labelCodeLanguage(pre);
  for (const cell of elementsByTag(root, ['tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'caption'])) {
    if (cell.closest('table') === null) unwrapTablePart(cell);
  }
  for (const head of elementsByTag(root, ['thead'])) keepOneHeadRow(head);
  for (const element of elementsByTag(root, ['*'])) {
    if (DROPPED.has(element.nodeName.toUpperCase()) || isNonCheckboxInput(element)) {
      element.remove();
      continue;
    }
    cleanAttributes(element, resolveHref);
  }
}

/** A table part outside any table (Readability sometimes leaves them) becomes a plain block. */
function unwrapTablePart(part: DomElement): void {
  const block = part.ownerDocument.createElement('div');
  block.append(...part.childNodes);
  part.replaceWith(block);
}

/** GFM tables have one heading row: further rows of a `thead` become the body's first rows. */
function keepOneHeadRow(head: DomElement): void {
  const extra = [...head.children].filter((row) => row.nodeName.toUpperCase() === 'TR').slice(1);
  if (extra.length === 0) return;
  const body = head.parentElement?.querySelector('tbody');
  if (body) body.prepend(...extra);
  else head.after(...extra);
}

function isNonCheckboxInput(element: DomElement): boolean {
  return element.nodeName.toUpperCase() === 'INPUT' && element.getAttribute('type') !== 'checkbox';
}

function cleanAttributes(element: DomElement, resolveHref: (href: string) => string | null): void {
  const tag = element.nodeName.toUpperCase();
  for (const name of element.getAttributeNames()) {
    const lower = name.toLowerCase();
    const keep =
      KEPT_ATTRIBUTES.has(lower) ||
      (lower === 'class' && tag === 'PRE') ||
      (lower === 'id' && element.hasAttribute(ANCHOR_ATTRIBUTE)) ||
      lower === ANCHOR_ATTRIBUTE ||
      lower === TASK_ATTRIBUTE ||
      (tag === 'INPUT' && (lower === 'type' || lower === 'checked'));
    if (!keep) element.removeAttribute(name);
  }
  const href = element.getAttribute('href');
  if (href !== null) {
    const resolved = tag === 'A' ? resolveHref(href) : null;
    if (resolved === null) element.removeAttribute('href');
    else element.setAttribute('href', resolved);
  }
  // Pictures were settled before (assets/… or replaced); anything else here is not to be loaded.
  const src = element.getAttribute('src');
  if (src !== null && !(tag === 'IMG' && src.startsWith('assets/'))) element.removeAttribute('src');
}

/** Puts the block's language (from its classes or `data-lang`) on the `pre` as `language-x`. */
function labelCodeLanguage(pre: DomElement): void {
  const code = pre.querySelector('code');
  const places = [pre, code, pre.parentElement];
  let language: string | null = null;
  for (const place of places) {
    language ??= place?.getAttribute('data-lang') ?? place?.getAttribute('data-language') ?? null;
    const classes = place?.getAttribute('class') ?? '';
    for (const pattern of LANGUAGE_PATTERNS) language ??= pattern.exec(classes)?.[1] ?? null;
  }
  if (language !== null && /^[\w+#-]{1,30}$/.test(language))
    pre.setAttribute('class', `language-${language}`);
  else pre.removeAttribute('class');
}

/** The `#fragment` ids the links under `root` point at (undecoded, as written). */
export function linkedFragmentIds(
  root: DomElement,
  fragmentOf: (href: string) => string | null,
): Set<string> {
  const ids = new Set<string>();
  for (const link of elementsByTag(root, ['a'])) {
    const id = fragmentOf(link.getAttribute('href') ?? '');
    if (id) ids.add(id);
  }
  return ids;
}

/**
 * Before each element whose id is linked to, puts an empty `<a id>` the markdown keeps (markdown
 * has no ids of its own). `anchorOf` maps the element's id to the id to store.
 */
export function placeAnchors(
  root: DomElement,
  linkedIds: ReadonlySet<string>,
  anchorOf: (id: string) => string,
): void {
  if (linkedIds.size === 0) return;
  for (const element of elementsByTag(root, ['*'])) {
    // `[id], a[name]`, found without a selector engine.
    const id =
      element.getAttribute('id') ??
      (element.nodeName.toUpperCase() === 'A' ? element.getAttribute('name') : null);
    if (id === null) continue;
    if (!linkedIds.has(id) || element.hasAttribute(ANCHOR_ATTRIBUTE)) continue;
    const anchor = element.ownerDocument.createElement('a');
    anchor.setAttribute('id', anchorOf(id));
    anchor.setAttribute(ANCHOR_ATTRIBUTE, '');
    // Inside the element, so a heading or list item keeps its markdown shape around the anchor;
    // before a link, since a link inside a link is not markdown; in the heading a chapter opens with.
    if (isVoid(element) || element.nodeName.toUpperCase() === 'A') element.before(anchor);
    else (openingHeading(element) ?? element).prepend(anchor);
  }
}

function isVoid(element: DomElement): boolean {
  return /^(IMG|BR|HR|INPUT|COL|WBR)$/i.test(element.nodeName);
}

/** An id safe to write into markdown's raw `<a id="…">`: letters and digits of any script, `_` and `-`. */
export function safeAnchorId(raw: string): string {
  const cleaned = raw.replace(/[^\p{L}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, '');
  return cleaned === '' ? 'anchor' : cleaned.slice(0, 80);
}
