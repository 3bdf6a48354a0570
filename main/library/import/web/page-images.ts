/**
 * A saved page's pictures. Before extraction, inline `data:` pictures and files of the page's
 * `_files` folder become assets, their `src` a private marker that survives Readability's URL
 * rewriting; after it, markers become `assets/<name>` and every other picture (remote, missing,
 * not really a picture) is replaced by its alt text and a placeholder. Nothing is fetched.
 */
import { type DomElement, type DomDocument } from './dom';
import { type DocumentAsset, imageAsset } from './converted-document';
import { elementsByTag, withTag } from './tag-walk';

/** Reads a file beside the page by its path relative to the page; null when there is none. */
export type ReadSibling = (relativePath: string) => Uint8Array | null;

/** The bytes of the picture an `<img src>` names, from wherever the page was saved with them. */
export type ImageSource = (src: string) => Uint8Array | null;

/** Pictures from the `_files` folder beside a saved page. */
export function siblingImages(readSibling: ReadSibling | undefined): ImageSource {
  return (src) => {
    if (readSibling === undefined) return null;
    const relative = localRelativePath(src);
    return relative === null ? null : readSibling(relative);
  };
}

const MARKER = 'lectern-asset:';
/** Readability swaps tiny inline placeholders for the real `data-src`; leave those to it. */
const LAZY_PLACEHOLDER_CHARS = 133;

/**
 * Turns local pictures into assets (collected in `assets`, keyed by name) and marks them.
 * `elements`: the page's elements found by a walk that looked for `img` among others.
 */
export function collectLocalImages(
  document: DomDocument,
  imageBytes: ImageSource,
  assets: Map<string, DocumentAsset>,
  elements?: readonly DomElement[],
): void {
  for (const image of withTag(document, 'img', elements)) {
    const src = image.getAttribute('src')?.trim() ?? '';
    const lazy = image.hasAttribute('data-src') || image.hasAttribute('data-srcset');
    if (src.startsWith('data:') && lazy && src.length <= LAZY_PLACEHOLDER_CHARS) continue;
    const bytes = src.startsWith('data:') ? dataUrlBytes(src) : imageBytes(src);
    const asset = bytes === null ? null : imageAsset(bytes);
    if (asset === null) continue;
    assets.set(asset.name, asset);
    image.setAttribute('src', MARKER + asset.name);
    image.removeAttribute('srcset');
  }
}

/**
 * After extraction: marked pictures point at their asset; the rest become `[image: alt]`
 * text, so the reader never asks the network for them. Returns the names still referenced.
 */
export function settleImages(article: DomElement): Set<string> {
  const used = new Set<string>();
  for (const image of elementsByTag(article, ['img'])) {
    const src = image.getAttribute('src') ?? '';
    const at = src.indexOf(MARKER);
    if (at >= 0) {
      const name = src.slice(at + MARKER.length);
      used.add(name);
      image.setAttribute('src', `assets/${name}`);
      continue;
    }
    image.replaceWith(image.ownerDocument.createTextNode(` ${imagePlaceholder(image.getAttribute('alt'))} `));
  }
  return used;
}

/** What stands in for a picture that was not saved with the page: its alt text, marked. */
export function imagePlaceholder(alt: string | null): string {
  const text = (alt ?? '').replace(/\s+/g, ' ').trim();
  return text === '' ? '[image not saved]' : `[image not saved: ${text}]`;
}

/** The bytes of a base64 or percent-encoded `data:` URL, or null when it is malformed. */
export function dataUrlBytes(url: string): Uint8Array | null {
  const comma = url.indexOf(',');
  if (comma < 0) return null;
  const header = url.slice(5, comma).toLowerCase();
  const payload = url.slice(comma + 1);
  try {
    if (header.endsWith(';base64')) return new Uint8Array(Buffer.from(payload.replace(/\s+/g, ''), 'base64'));
    return new TextEncoder().encode(decodeURIComponent(payload));
  } catch {
    return null;
  }
}

/**
 * The page-relative path a `src` names, or null for anything that is not a plain relative path
 * inside the page's folder: URLs with a scheme, `//host`, absolute paths, backslashes, `..`.
 */
export function localRelativePath(src: string): string | null {
  if (src === '' || /^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('/') || src.includes('\\'))
    return null;
  const withoutQuery = src.replace(/[?#].*$/, '');
  let decoded: string;
  try {
    decoded = decodeURIComponent(withoutQuery);
  } catch {
    return null;
  }
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.some((segment) => segment === '..' || /[\\\0]/.test(segment))) {
    return null;
  }
  return segments.join('/');
}
