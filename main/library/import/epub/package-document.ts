/**
 * A book's package: META-INF/container.xml names the OPF, which lists every file (manifest),
 * the reading order (spine) and what the book says about itself (Dublin Core metadata).
 */
import {
  attributeOf,
  childOf,
  childrenOf,
  declaresEntities,
  parseXml,
  textOf,
  type XmlNode,
} from './epub-xml';
import { resolveInBook } from './book-paths';

export interface ManifestItem {
  id: string;
  /** Path inside the zip, resolved against the OPF. */
  path: string;
  mediaType: string;
  properties: string[];
}

export interface BookPackage {
  opfPath: string;
  manifest: Map<string, ManifestItem>;
  /** Manifest items in reading order. */
  spine: ManifestItem[];
  /** The NCX named by `<spine toc>`, if any (EPUB 2's table of contents). */
  ncx: ManifestItem | null;
  /** The nav document (EPUB 3's table of contents), if any. */
  nav: ManifestItem | null;
  title: string | null;
  authors: string[];
  language: string | null;
  publisher: string | null;
  date: string | null;
  /** From `page-progression-direction`. */
  dir: 'ltr' | 'rtl' | null;
}

export type PackageResult = { ok: true; book: BookPackage } | { ok: false; reason: string };

const decoder = new TextDecoder('utf-8');
const ENTITY_REASON = 'its package declares XML entities, which Lectern never expands';

/** Reads container.xml and the OPF it names; every failure says what is missing or broken. */
export function readPackage(files: ReadonlyMap<string, Uint8Array>): PackageResult {
  const containerBytes = files.get('META-INF/container.xml');
  if (containerBytes === undefined) return { ok: false, reason: 'it has no META-INF/container.xml' };
  const containerText = decoder.decode(containerBytes);
  if (declaresEntities(containerText)) return { ok: false, reason: ENTITY_REASON };
  const container = parseXml(containerText);
  const rootfile = childOf(childOf(childOf(container ?? undefined, 'container'), 'rootfiles'), 'rootfile');
  const opfPath = resolveInBook('', attributeOf(rootfile, 'full-path') ?? '');
  if (opfPath === null) return { ok: false, reason: 'its container.xml names no package document' };
  const opfBytes = files.get(opfPath);
  if (opfBytes === undefined) return { ok: false, reason: `its package document ${opfPath} is missing` };
  const opfText = decoder.decode(opfBytes);
  if (declaresEntities(opfText)) return { ok: false, reason: ENTITY_REASON };
  const opf = childOf(parseXml(opfText) ?? undefined, 'package');
  if (opf === undefined) return { ok: false, reason: `its package document ${opfPath} is not valid XML` };
  const manifest = readManifest(opf, opfPath);
  const spineNode = childOf(opf, 'spine');
  const spine = childrenOf(spineNode, 'itemref')
    .map((ref) => manifest.get(attributeOf(ref, 'idref') ?? ''))
    .filter((item): item is ManifestItem => item !== undefined && isXhtml(item));
  if (spine.length === 0) return { ok: false, reason: 'its spine lists no chapters that exist' };
  return {
    ok: true,
    book: { opfPath, manifest, spine, ...tocSources(manifest, spineNode), ...readMetadata(opf, spineNode) },
  };
}

function readManifest(opf: XmlNode, opfPath: string): Map<string, ManifestItem> {
  const manifest = new Map<string, ManifestItem>();
  for (const item of childrenOf(childOf(opf, 'manifest'), 'item')) {
    const id = attributeOf(item, 'id');
    const path = resolveInBook(opfPath, attributeOf(item, 'href') ?? '');
    if (id === null || path === null) continue;
    const properties = (attributeOf(item, 'properties') ?? '').split(/\s+/).filter(Boolean);
    manifest.set(id, { id, path, mediaType: attributeOf(item, 'media-type') ?? '', properties });
  }
  return manifest;
}

function tocSources(manifest: Map<string, ManifestItem>, spine: XmlNode | undefined) {
  const nav = [...manifest.values()].find((item) => item.properties.includes('nav')) ?? null;
  const ncx =
    manifest.get(attributeOf(spine, 'toc') ?? '') ??
    [...manifest.values()].find((item) => item.mediaType === 'application/x-dtbncx+xml') ??
    null;
  return { nav, ncx };
}

function readMetadata(
  opf: XmlNode,
  spine: XmlNode | undefined,
): Omit<BookPackage, 'opfPath' | 'manifest' | 'spine' | 'nav' | 'ncx'> {
  const metadata = childOf(opf, 'metadata');
  const first = (name: string) => textOf(childOf(metadata, name)) || null;
  const direction = attributeOf(spine, 'page-progression-direction');
  return {
    title: first('title'),
    authors: childrenOf(metadata, 'creator').map(textOf).filter(Boolean),
    language: first('language'),
    publisher: first('publisher'),
    date: first('date'),
    dir: direction === 'rtl' || direction === 'ltr' ? direction : null,
  };
}

function isXhtml(item: ManifestItem): boolean {
  return /xhtml|html/.test(item.mediaType) || /\.x?html?$/i.test(item.path);
}
