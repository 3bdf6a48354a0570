/**
 * After library.json was restored from a backup, the folder knows better than the backup:
 * a body in documents/ that no record lists was imported after the backup (its record is
 * rebuilt from the body by the importer's converter, off the core's thread in the app); a listed
 * document whose body is in the trash was deleted after it (it stays there, off the list); a
 * listed document with no body anywhere cannot be opened (it is taken off the list).
 */
import type { Catalog } from '../catalog/catalog';
import type { DocumentRecord } from '../catalog/records';
import type { AnnotationFiles } from '../highlights/annotations';
import type { Converter } from '../import/conversion';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import type { Trash } from './trash';

export interface FolderParts {
  fsys: FileSystem;
  paths: LibraryPaths;
  catalog: Catalog;
  trash: Trash;
  annotations: AnnotationFiles;
  /** What imports convert with (worker threads in the app): a body is read as an imported `.md`. */
  convert: Converter;
}

export interface FolderReconciliation {
  addedBack: number;
  leftInTrash: number;
  withoutBody: number;
  /** Bodies that could not be made into a document (empty, unreadable): left in the folder. */
  unreadable: number;
}

const BODY_NAME = /^([0-9a-f]{16})\.md$/;

/** Brings the catalog in line with documents/ and trash/, in one write of library.json. */
export async function reconcileWithFolder(parts: FolderParts): Promise<FolderReconciliation> {
  const { fsys, paths, catalog, trash } = parts;
  const names = await fsys.readdir(paths.documentsDir).catch(() => []);
  const bodies = new Set(names.flatMap((name) => BODY_NAME.exec(name)?.[1] ?? []));
  const result: FolderReconciliation = { addedBack: 0, leftInTrash: 0, withoutBody: 0, unreadable: 0 };
  const removed: string[] = [];
  for (const record of catalog.list()) {
    if (bodies.has(record.id)) continue;
    removed.push(record.id);
    if ((await trash.read(record.id)) !== null) result.leftInTrash += 1;
    else result.withoutBody += 1;
  }
  const added: DocumentRecord[] = [];
  for (const id of bodies) {
    if (catalog.has(id)) continue;
    const record = await rebuildRecord(parts, id);
    if (record === null) result.unreadable += 1;
    else added.push(record);
  }
  result.addedBack = added.length;
  if (added.length > 0 || removed.length > 0) await catalog.replaceDocuments(added, removed);
  return result;
}

/** A record for a body no record lists, from its text and its annotations file. */
async function rebuildRecord(parts: FolderParts, id: string): Promise<DocumentRecord | null> {
  const { fsys, paths, annotations, convert } = parts;
  const bodyPath = paths.documentFile(id);
  const [bytes, stats] = await Promise.all([fsys.readFile(bodyPath), fsys.stat(bodyPath)]).catch(() => []);
  if (bytes === undefined || stats === undefined) return null;
  const bodyBytes = bytes.length;
  // Handed over: read for this alone, and a worker then takes it without a copy.
  const prepared = await convert({ fileName: `${id}.md`, bytes, pagePath: null, handOver: true });
  if (!('id' in prepared)) return null;
  const { position, highlights } = await annotations.read(id);
  return {
    id,
    title: prepared.title,
    author: prepared.author,
    source: null,
    excerpt: prepared.excerpt,
    wordCount: prepared.wordCount,
    readingMinutes: prepared.readingMinutes,
    progress: position?.progress ?? 0,
    addedAt: new Date(stats.mtimeMs).toISOString(),
    openedAt: null,
    contentHash: originalHash(id, prepared.contentHash, highlights.map((h) => h.anchoredVersion)),
    bodyBytes,
    highlightCount: highlights.length,
  };
}

/**
 * The id is the prefix of the hash of the text as first imported (before it became markdown):
 * a highlight anchored on that text still names the full hash, which keeps the highlights
 * placed and lets a re-import of the same file be seen as a duplicate. Otherwise the hash of
 * the stored markdown stands in (highlights are then re-anchored by quote).
 */
function originalHash(id: string, markdownHash: string, anchoredVersions: string[]): string {
  return [markdownHash, ...anchoredVersions].find((hash) => hash.startsWith(id)) ?? markdownHash;
}

/** `one` or `many`, whichever fits n, with `{n}` replaced by it. */
const plural = (n: number, one: string, many: string): string => (n === 1 ? one : many).replace('{n}', String(n));

/** The sentence the restore notice ends with, or '' when the folder agreed with the backup. */
export function describeReconciliation(result: FolderReconciliation): string {
  const { addedBack, leftInTrash, withoutBody, unreadable } = result;
  const parts = [
    addedBack > 0
      ? plural(addedBack, '1 document found in the folder was added back', '{n} documents found in the folder were added back')
      : '',
    leftInTrash > 0
      ? plural(leftInTrash, '1 document deleted after the backup stays in the trash', '{n} documents deleted after the backup stay in the trash')
      : '',
    withoutBody > 0
      ? plural(withoutBody, '1 listed document has no file and was taken off the list', '{n} listed documents have no file and were taken off the list')
      : '',
    unreadable > 0
      ? plural(unreadable, '1 file in documents/ could not be read and was left there', '{n} files in documents/ could not be read and were left there')
      : '',
  ].filter((part) => part !== '');
  return parts.length === 0 ? '' : ` ${parts.join('; ')}.`;
}
