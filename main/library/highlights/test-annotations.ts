/** For tests: a document's annotations as the disk holds them (the file with its log replayed), and those files' bytes. */
import fs from 'node:fs/promises';
import { nodeFileSystem } from '../storage/file-system';
import { libraryPaths } from '../storage/paths';
import type { AnnotationsData } from './annotation-format';
import { readLoggedAnnotations } from './annotation-log';

/** What a reopen would read of a document's annotations in the library at `root`. */
export async function storedAnnotations(root: string, id: string): Promise<AnnotationsData> {
  return (await readLoggedAnnotations(nodeFileSystem, libraryPaths(root), id)).data;
}

/** The bytes of annotations/<id>.json and <id>.log (null when missing): equal before and after = nothing written. */
export async function annotationFiles(root: string, id: string): Promise<(string | null)[]> {
  const paths = libraryPaths(root);
  return Promise.all(
    [paths.annotationsFile(id), paths.annotationsLogFile(id)].map((file) =>
      fs.readFile(file, 'latin1').catch(() => null),
    ),
  );
}
