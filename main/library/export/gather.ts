/**
 * Reads what a document's export needs from the library — its record, markdown, highlights and
 * notes with current tag names — without touching it (opening would stamp `openedAt`).
 */
import type { DocumentId } from '../../../preload/api';
import type { ExportDocument, ExportOptions, ExportedTarget } from '../../../common/export/format';
import { safeBaseName } from '../../../common/export/file-names';
import type { LinkTarget } from '../../../common/links';
import type { Catalog } from '../catalog/catalog';
import type { AnnotationFiles } from '../highlights/annotations';
import type { NotesService } from '../notes/service';
import type { SettingsService } from '../settings/service';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import type { StoredTags } from '../tags/registry-file';
import { presentTags } from '../tags/present';

/** The parts of the library an export reads. */
export interface ExportSources {
  fsys: FileSystem;
  paths: LibraryPaths;
  catalog: Catalog;
  annotations: AnnotationFiles;
  notes: NotesService;
  settings: SettingsService;
  namesFor: (stored: StoredTags) => string[];
  now: () => Date;
}

/** The document as the formatter reads it, or null when it is not in the library (or unreadable). */
export async function gatherDocument(sources: ExportSources, id: DocumentId): Promise<ExportDocument | null> {
  const record = sources.catalog.get(id);
  if (record === undefined) return null;
  let markdown: string;
  try {
    markdown = (await sources.fsys.readFile(sources.paths.documentFile(id))).toString('utf8');
  } catch {
    return null;
  }
  const { highlights, documentNote } = await sources.annotations.read(id);
  const named = presentTags(
    { document: { tagIds: record.tagIds, tags: record.tags }, highlights },
    sources.namesFor,
  );
  return {
    id,
    title: record.title,
    author: record.author,
    source: record.source,
    addedAt: record.addedAt,
    tags: named.document.tags ?? [],
    markdown,
    documentNote,
    highlights: named.highlights.map((h) => ({
      id: h.id,
      color: h.color,
      quote: { exact: h.quote.exact },
      position: h.position,
      unplaced: h.unplaced,
      needsCheck: h.needsCheck,
      tags: h.tags,
      note: h.note,
    })),
  };
}

/** Formatter options from the settings and the library: colour meanings, the clock, link targets. */
export function exportOptions(sources: ExportSources): ExportOptions {
  return {
    colorLabels: sources.settings.getSettings().highlightLabels,
    exportedAt: sources.now().toISOString(),
    resolveTarget: (target) => resolveTarget(sources, target),
  };
}

/** A link's target as an exported file: documents by their export name, notes by their title. */
function resolveTarget(sources: ExportSources, target: LinkTarget): ExportedTarget | null {
  if (target.kind === 'note') {
    const note = sources.notes.getNote(target.noteId);
    return note.ok ? { fileBase: safeBaseName(note.value.title), title: note.value.title } : null;
  }
  const record = sources.catalog.get(target.documentId);
  return record === undefined ? null : { fileBase: safeBaseName(record.title), title: record.title };
}
