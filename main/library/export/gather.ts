/**
 * Reads what a document's export needs from the library — its record, markdown, highlights and
 * notes with current tag names — without touching it (opening would stamp `openedAt`).
 */
import type { DocumentId, ExportScope, ExportTemplateChoice } from '../../../preload/api';
import { DEFAULT_CUSTOM_TEMPLATE } from '../../../common/export/presets';
import { isWithinTag } from '../../../common/tags';
import type { DocumentRecord } from '../catalog/records';
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

/** The template the settings choose (the Obsidian preset until the user picks another). */
export function templateChoice(sources: ExportSources): ExportTemplateChoice {
  const settings = sources.settings.getSettings();
  return {
    preset: settings.exportPreset ?? 'obsidian',
    template: settings.exportTemplate ?? DEFAULT_CUSTOM_TEMPLATE,
  };
}

/** A document's tags and its highlights' colours and tags, current names, without its text. */
async function annotationFacts(sources: ExportSources, record: Readonly<DocumentRecord>) {
  const { highlights } = await sources.annotations.read(record.id);
  return presentTags(
    { document: { tagIds: record.tagIds, tags: record.tags }, highlights },
    sources.namesFor,
  );
}

/** The documents an export of many writes, oldest first (the order that decides shared names). */
export async function selectDocuments(
  sources: ExportSources,
  scope: ExportScope,
): Promise<Readonly<DocumentRecord>[]> {
  const all = sources.catalog
    .list()
    .toSorted((a, b) => (a.addedAt === b.addedAt ? (a.id < b.id ? -1 : 1) : a.addedAt < b.addedAt ? -1 : 1));
  if (scope.kind === 'all') return all;
  if (scope.kind === 'documents') {
    const wanted = new Set(scope.documentIds);
    return all.filter((record) => wanted.has(record.id));
  }
  const kept: Readonly<DocumentRecord>[] = [];
  for (const record of all) {
    const facts = await annotationFacts(sources, record);
    const matches =
      scope.kind === 'color'
        ? facts.highlights.some((h) => h.color === scope.color)
        : [facts.document.tags ?? [], ...facts.highlights.map((h) => h.tags)].some((tags) =>
            tags.some((tag) => isWithinTag(tag, scope.tag)),
          );
    if (matches) kept.push(record);
  }
  return kept;
}
