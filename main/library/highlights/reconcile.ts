/**
 * At open, brings the list's `highlightCount` and `progress` back in step with the annotation
 * files, which are their durable home: after a crash, library.json (written a few seconds
 * behind) may be stale. Cheap: only files changed after library.json was last written are read.
 */
import type { Catalog } from '../catalog/catalog';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import type { AnnotationFiles } from './annotations';

/** Corrects the records of documents whose annotations changed after library.json; returns their ids. */
export async function reconcileCounts(
  fsys: FileSystem,
  paths: LibraryPaths,
  catalog: Catalog,
  annotations: AnnotationFiles,
): Promise<string[]> {
  const libraryWritten = (await fsys.stat(paths.libraryJson)).mtimeMs;
  const names = await fsys.readdir(paths.annotationsDir).catch(() => []);
  const corrected: string[] = [];
  for (const name of names) {
    const id = name.endsWith('.json') ? name.slice(0, -'.json'.length) : null;
    const record = id === null ? undefined : catalog.get(id);
    if (id === null || record === undefined) continue;
    const stats = await fsys.stat(paths.annotationsFile(id)).catch(() => null);
    if (stats === null || stats.mtimeMs <= libraryWritten) continue;
    const data = await annotations.read(id);
    const highlightCount = data.highlights.length;
    const progress = data.position?.progress ?? record.progress;
    if (highlightCount === record.highlightCount && progress === record.progress) continue;
    catalog.noteMetadata(id, { highlightCount, progress });
    corrected.push(id);
  }
  return corrected;
}
