/** The workspace domain wired to the library's parts: its index's sources and events, and the bulk editor's ports. */
import type { Catalog } from '../catalog/catalog';
import { peekAnnotations } from '../highlights/annotation-log';
import type { AnnotationFiles } from '../highlights/annotations';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import type { TagsDomain } from '../tags/open-tags';
import { BulkEditor } from './bulk-edit';
import { HighlightIndex } from './highlight-index';
import { WorkspaceService } from './service';

export interface WorkspaceParts {
  fsys: FileSystem;
  paths: LibraryPaths;
  now: () => Date;
  catalog: Catalog;
  annotations: AnnotationFiles;
  tags: TagsDomain;
  /** A highlight with a note went or came back (the notes service tells the links index). */
  noteSourceChanged(documentId: string, highlightId: string): void;
}

export function openWorkspace(parts: WorkspaceParts): WorkspaceService {
  const { fsys, paths, now, catalog, annotations, tags } = parts;
  const namesFor = (stored: { tagIds: string[]; tags: string[] }) => tags.service.namesFor(stored);
  const index = new HighlightIndex(
    {
      documentIds: () => catalog.list().map((record) => record.id),
      title: (id) => catalog.get(id)?.title,
      peek: (id) => peekAnnotations(fsys, paths, id),
      read: async (id) => (catalog.has(id) ? annotations.read(id) : null),
      namesFor,
    },
    {
      onDocuments: (listener) => catalog.subscribe(listener),
      onAnnotations: (listener) => annotations.onAnnotationsChanged(listener),
      onTags: (listener) => tags.subscribe(listener),
    },
  );
  const editor = new BulkEditor({
    annotations,
    hasDocument: (id) => catalog.has(id),
    noteHighlightCount: (id, highlightCount) => {
      if (catalog.get(id)?.highlightCount !== highlightCount) catalog.noteMetadata(id, { highlightCount });
    },
    storedTagsFor: (names) => tags.service.storedTagsFor(names),
    noteHighlightUses: (delta) => tags.service.noteHighlightUses(delta),
    nameOf: (tagId, storedName) => namesFor({ tagIds: [tagId], tags: [storedName] })[0] ?? null,
    noteSourceChanged: parts.noteSourceChanged,
    now,
  });
  index.start();
  return new WorkspaceService(index, editor);
}
