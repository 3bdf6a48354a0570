/**
 * Which pictures a document may show: its own assets (`assets/<name>` in its markdown, served as
 * `lectern://asset/<docId>/<name>`) and inline `data:image/` URLs. Nothing else loads, including
 * `lectern:` URLs a document wrote itself (another host of the app's scheme is not the document's).
 */

const ASSET_NAME = /^[0-9a-f]{20}\.(?:png|jpg|gif|webp|avif|bmp)$/;
const DOCUMENT_ID = /^[0-9a-f]{16}$/;
const RELATIVE_ASSET = /^(?:\.\/)?assets\/([^/?#]+)$/;

/**
 * Where assets are served: the app's own scheme in Electron; under the page's own origin in the
 * browser e2e harness (plain Chromium cannot load a custom scheme), which serves the same resolver.
 */
export function assetUrlBase(
  location: { protocol: string; origin: string } | undefined = globalThis.location,
): string {
  // No page location (a worker, unit tests): the app's own scheme.
  if (location === undefined || location.protocol === 'lectern:') return 'lectern://asset/';
  return `${location.origin}/lectern-asset/`;
}

/** The URL of one asset of a document, or null when the id or the name is not one the importer makes. */
export function assetUrl(documentId: string, name: string, base = assetUrlBase()): string | null {
  if (!DOCUMENT_ID.test(documentId) || !ASSET_NAME.test(name)) return null;
  return `${base}${documentId}/${name}`;
}

/**
 * The `src` a document's picture gets: its asset URL for `assets/<name>`, a `data:image/` URL as
 * it is, else null (the picture is blocked). `documentId` null (no open document): assets are
 * blocked too.
 */
export function documentImageSrc(
  raw: string,
  documentId: string | null,
  base = assetUrlBase(),
): string | null {
  const src = raw.trim();
  if (src.toLowerCase().startsWith('data:image/')) return src;
  const relative = RELATIVE_ASSET.exec(src);
  if (relative === null || documentId === null) return null;
  return assetUrl(documentId, relative[1] ?? '', base);
}

/** True for a `src` a document may keep: a data image, or an asset URL of this very document. */
export function isDocumentImageSrc(src: string, documentId: string | null, base = assetUrlBase()): boolean {
  const trimmed = src.trim();
  if (trimmed.toLowerCase().startsWith('data:image/')) return true;
  if (documentId === null || !trimmed.startsWith(`${base}${documentId}/`)) return false;
  return ASSET_NAME.test(trimmed.slice(base.length + documentId.length + 1));
}
