/**
 * At open, brings the list's `highlightCount` and `progress` back in step with the annotation
 * files, which are their durable home: after a crash, library.json (written a few seconds
 * behind) may be stale. Cheap: only files changed after library.json was last written are read.
 */
import type { Catalog } from '../catalog/catalog';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import { annotatedDocumentIds } from './annotated-ids';
import type { AnnotationFiles } from './annotations';

/** Files stat-ed at once: 10,000 one after the other cost a second of start-up on a slow disk. */
const STAT_CONCURRENCY = 32;

/**
 * Corrects the records of documents whose annotations changed after `libraryWritten` (library.json's
 * modification time as the open found it, before any rewrite); returns their ids.
 */
export async function reconcileCounts(
  fsys: FileSystem,
  paths: LibraryPaths,
  catalog: Catalog,
  annotations: AnnotationFiles,
  libraryWritten: number,
): Promise<string[]> {
  const ids = await annotatedDocumentIds(fsys, paths, (id) => catalog.has(id));
  const changed = ids.map(() => false);
  let next = 0;
  const worker = async () => {
    for (let at = next++; at < ids.length; at = next++) {
      const id = ids[at] ?? '';
      // A change lands in the log (annotations/<id>.log) until the log is folded into the file.
      const stats = await Promise.all(
        [paths.annotationsFile(id), paths.annotationsLogFile(id)].map((file) =>
          fsys.stat(file).catch(() => null),
        ),
      );
      changed[at] = stats.some((stat) => stat !== null && stat.mtimeMs > libraryWritten);
    }
  };
  await Promise.all(Array.from({ length: STAT_CONCURRENCY }, worker));
  const corrected: string[] = [];
  for (const id of ids.filter((_, at) => changed[at])) {
    const record = catalog.get(id);
    if (record === undefined) continue;
    const data = await annotations.read(id);
    const highlightCount = data.highlights.length;
    const progress = data.position?.progress ?? record.progress;
    if (highlightCount === record.highlightCount && progress === record.progress) continue;
    catalog.noteMetadata(id, { highlightCount, progress });
    corrected.push(id);
  }
  return corrected;
}
