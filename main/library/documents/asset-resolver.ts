/**
 * Which file a request for a document's picture names (`lectern://asset/<docId>/<name>` in the app,
 * the same path under the e2e harness's server): one resolver, so both refuse the same requests.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { ASSETS_FOLDER } from './assets';

/** The `lectern:` host that serves documents' pictures (the renderer is `lectern://app`). */
export const ASSET_HOST = 'asset';

/** Only picture types, by the extension the importer gave the sniffed bytes. */
export const ASSET_CONTENT_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  avif: 'image/avif',
  bmp: 'image/bmp',
};

// Exactly what the importer writes: a 16-hex id, a 20-hex content hash and a picture extension.
// Anything else (escapes, dots, other names, extra segments) never reaches the file system.
const ASSET_PATH = /^\/([0-9a-f]{16})\/([0-9a-f]{20})\.(png|jpg|gif|webp|avif|bmp)$/;

export type AssetLookup = { ok: true; file: string; contentType: string } | { ok: false; status: 404 };

/**
 * The file `/<docId>/<name>` names under `documentsDir`, if it exists and its real path (after
 * symlinks) is inside that document's assets folder; else 404.
 */
export async function resolveAssetPath(documentsDir: string, rawPathname: string): Promise<AssetLookup> {
  const match = ASSET_PATH.exec(rawPathname);
  if (match === null) return { ok: false, status: 404 };
  const [, id = '', hash = '', extension = ''] = match;
  try {
    const realFolder = await realpath(path.join(documentsDir, id, ASSETS_FOLDER));
    const realDocuments = await realpath(documentsDir);
    const realFile = await realpath(path.join(realFolder, `${hash}.${extension}`));
    const inside =
      realFolder === path.join(realDocuments, id, ASSETS_FOLDER) &&
      path.dirname(realFile) === realFolder &&
      (await stat(realFile)).isFile();
    if (!inside) return { ok: false, status: 404 };
    return { ok: true, file: realFile, contentType: ASSET_CONTENT_TYPES[extension] ?? 'image/png' };
  } catch {
    return { ok: false, status: 404 };
  }
}

/** Headers of every asset answer: a picture never becomes a page, a script or a sniffed type. */
export const ASSET_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'X-Content-Type-Options': 'nosniff',
  'Cache-Control': 'no-cache',
};

/** The status, headers and bytes answering one asset request. */
export async function answerAsset(
  documentsDir: string,
  rawPathname: string,
): Promise<{ status: number; headers: Record<string, string>; body: Uint8Array | string }> {
  const notFound = { status: 404, headers: { ...ASSET_SECURITY_HEADERS, 'Content-Type': 'text/plain' }, body: 'Not found' };
  const found = await resolveAssetPath(documentsDir, rawPathname);
  if (!found.ok) return notFound;
  try {
    const body = new Uint8Array(await readFile(found.file));
    return { status: 200, headers: { ...ASSET_SECURITY_HEADERS, 'Content-Type': found.contentType }, body };
  } catch {
    // Deleted between the check and the read (the document went to the trash).
    return notFound;
  }
}
