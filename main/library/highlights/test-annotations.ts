/**
 * For tests: a one-file document to highlight in, a highlight on a quote of it, the document's
 * annotations as the disk holds them (the file with its log replayed) and those files' bytes.
 */
import fs from 'node:fs/promises';
import type { DocumentSummary, HighlightColor, NewHighlight } from '../../../preload/api';
import type { Library } from '../library';
import { nodeFileSystem } from '../storage/file-system';
import { libraryPaths } from '../storage/paths';
import type { AnnotationsData } from './annotation-format';
import { readLoggedAnnotations } from './annotation-log';
import { bytes } from '../test-support';

/** Imports `text` as the markdown file `name`; throws unless it was imported. */
export async function importText(lib: Library, name: string, text: string): Promise<DocumentSummary> {
  const [outcome] = (await lib.documents.importFiles([{ name, bytes: bytes(text) }])).outcomes;
  if (outcome?.status !== 'imported') throw new Error(`import of ${name} failed`);
  return outcome.document;
}

/** A highlight of the first occurrence of `exact` in `text`, the document `doc` imported from it. */
export function highlightOf(
  text: string,
  doc: DocumentSummary,
  exact: string,
  color: HighlightColor,
): NewHighlight {
  const start = text.indexOf(exact);
  return {
    color,
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    anchoredVersion: doc.textVersion,
  };
}

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
