/**
 * Which documents have an annotations file, from one listing of the folder: at 100,000 documents
 * that most never annotated, a read tried per document was 100,000 failed opens at every start.
 */
import type { DocumentId } from '../../../preload/api';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';

/** Ids, in the folder's order, of the documents `isDocument` knows that have an annotations file. */
export async function annotatedDocumentIds(
  fsys: FileSystem,
  paths: LibraryPaths,
  isDocument: (id: DocumentId) => boolean,
): Promise<DocumentId[]> {
  const names = await fsys.readdir(paths.annotationsDir).catch(() => [] as string[]);
  return names.flatMap((name) => {
    const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : null;
    return id !== null && isDocument(id) ? [id] : [];
  });
}
