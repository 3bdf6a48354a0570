/**
 * Which documents have an annotations file, from one listing of the folder: at 100,000 documents
 * that most never annotated, a read tried per document was 100,000 failed opens at every start.
 */
import type { DocumentId } from '../../../preload/api';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';

/**
 * Ids, in the folder's order and each once, of the documents `isDocument` knows that have an
 * annotations file or an append log (a document's first changes may be in its log alone).
 */
export async function annotatedDocumentIds(
  fsys: FileSystem,
  paths: LibraryPaths,
  isDocument: (id: DocumentId) => boolean,
): Promise<DocumentId[]> {
  const names = await fsys.readdir(paths.annotationsDir).catch(() => [] as string[]);
  const ids = new Set<DocumentId>();
  for (const name of names) {
    const id = /^(.+)\.(?:json|log)$/.exec(name)?.[1];
    if (id !== undefined && isDocument(id)) ids.add(id);
  }
  return [...ids];
}
