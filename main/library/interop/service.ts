/**
 * The interop domain: reads an annotation file into a preview (groups with proposed documents),
 * imports the groups the user confirmed (anchored, one durable write per document, never twice),
 * and writes a document's highlights as W3C JSON-LD.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type {
  AnnotationImportPlan,
  AnnotationImportPreview,
  AnnotationImportReport,
  DocumentId,
  GroupImportReport,
  ParseProblem,
  Result,
} from '../../../preload/api';
import { safeBaseName } from '../../../common/export/file-names';
import { type ParsedAnnotations } from '../../../common/interop/limits';
import { parseAnnotationFile } from '../../../common/interop/parse-file';
import { highlightsToJsonLd } from '../../../common/interop/w3c-export';
import type { Catalog } from '../catalog/catalog';
import { documentNotFound } from '../documents/not-found';
import type { AnnotationFiles } from '../highlights/annotations';
import type { HighlightsService } from '../highlights/service';
import { writeFileDurable } from '../storage/durable-file';
import { writeFailure } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import type { StoredTags } from '../tags/registry-file';
import { presentTags } from '../tags/present';
import { highlightsToAdd, type StoredTagsOf } from './import-group';
import { matchGroups } from './matching';
import { placeAnnotations } from './place-annotations';
import { readAnnotationFile } from './read-file';
import { renderedTextOf } from './rendered-text';

/** What the interop domain uses of the library. */
export interface InteropParts {
  fsys: FileSystem;
  paths: LibraryPaths;
  catalog: Catalog;
  annotations: AnnotationFiles;
  highlights: HighlightsService;
  storedTagsFor: (names: string[]) => Promise<StoredTags>;
  namesFor: (stored: StoredTags) => string[];
  now: () => Date;
}

/** Previews kept for importAnnotations; older ones are forgotten (the user chooses the file again). */
const KEPT_PREVIEWS = 4;

export class InteropService {
  private readonly previews = new Map<string, { fileName: string; parsed: ParsedAnnotations }>();

  constructor(private readonly parts: InteropParts) {}

  /** Reads the file at `filePath` into a preview. */
  async previewFile(filePath: string): Promise<Result<AnnotationImportPreview>> {
    const text = await readAnnotationFile(this.parts.fsys, filePath);
    if (!text.ok) return text;
    return this.previewText(text.value, path.basename(filePath));
  }

  /** Parses annotation text and proposes a document for each group. */
  previewText(text: string, fileName: string): Result<AnnotationImportPreview> {
    const parsed = parseAnnotationFile(text);
    if (!parsed.ok) return { ok: false, code: parsed.code, message: `${fileName}: ${parsed.message}` };
    const importId = randomBytes(8).toString('hex');
    this.previews.set(importId, { fileName, parsed: parsed.value });
    for (const old of [...this.previews.keys()].slice(0, -KEPT_PREVIEWS)) this.previews.delete(old);
    const { format, groups, problems, bookmarks, duplicatesCollapsed } = parsed.value;
    return {
      ok: true,
      value: {
        importId,
        fileName,
        format,
        groups: matchGroups(groups, this.parts.catalog.list()),
        problems,
        bookmarks,
        duplicatesCollapsed,
      },
    };
  }

  /** Imports each assigned group into its document; the rest is reported as unmatched. */
  async importAnnotations(plan: AnnotationImportPlan): Promise<Result<AnnotationImportReport>> {
    const preview = this.previews.get(plan.importId);
    if (preview === undefined) {
      return {
        ok: false,
        code: 'not-found',
        message: 'This import preview is no longer kept: choose the file again.',
      };
    }
    const groups = new Map(preview.parsed.groups.map((group) => [group.key, group]));
    const unknown = plan.assignments.find(
      (a) => !groups.has(a.groupKey) || !this.parts.catalog.has(a.documentId),
    );
    if (unknown !== undefined) {
      return groups.has(unknown.groupKey)
        ? documentNotFound(unknown.documentId)
        : { ok: false, code: 'invalid-argument', message: `The file has no group “${unknown.groupKey}”.` };
    }
    const reports: GroupImportReport[] = [];
    const problems: ParseProblem[] = [...preview.parsed.problems];
    for (const { groupKey, documentId } of plan.assignments) {
      const group = groups.get(groupKey);
      if (group === undefined) continue;
      const done = await this.importGroup(documentId, group.annotations);
      if (!done.ok) return done;
      const { refused, ...counts } = done.value;
      reports.push({
        groupKey,
        documentId,
        documentTitle: this.parts.catalog.get(documentId)?.title ?? '',
        ...counts,
      });
      problems.push(
        ...refused.map((message) => ({
          entry: 0,
          line: null,
          message: `${group.title ?? groupKey}: ${message}`,
        })),
      );
    }
    const assigned = new Set(plan.assignments.map((a) => a.groupKey));
    return {
      ok: true,
      value: {
        groups: reports,
        unmatched: preview.parsed.groups.filter((g) => !assigned.has(g.key)),
        problems,
      },
    };
  }

  private async importGroup(documentId: DocumentId, annotations: Parameters<typeof placeAnnotations>[1]) {
    const record = this.parts.catalog.get(documentId);
    if (record === undefined) return documentNotFound(documentId);
    let markdown: string;
    try {
      markdown = (await this.parts.fsys.readFile(this.parts.paths.documentFile(documentId))).toString('utf8');
    } catch (error) {
      return writeFailure(error, `read “${record.title}”`);
    }
    const plans = placeAnnotations(renderedTextOf(markdown), annotations);
    const storedTags = await this.tagsFor(annotations.map((a) => a.tags));
    let counts: ReturnType<typeof highlightsToAdd>['counts'] | null = null;
    const now = this.parts.now().toISOString();
    const added = await this.parts.highlights.addMany(documentId, (existing) => {
      const made = highlightsToAdd(plans, existing, {
        documentId,
        textVersion: record.contentHash,
        now,
        storedTags,
      });
      counts = made.counts;
      return made.added;
    });
    if (!added.ok) return added;
    return {
      ok: true as const,
      value: counts ?? { placed: 0, check: 0, unplaced: 0, alreadyThere: 0, refused: [] },
    };
  }

  /** Tag ids for every distinct tag list, asked of the tags domain once each. */
  private async tagsFor(lists: readonly (readonly string[])[]): Promise<StoredTagsOf> {
    const known = new Map<string, StoredTags>();
    for (const list of lists) {
      const key = JSON.stringify(list);
      if (list.length > 0 && !known.has(key)) known.set(key, await this.parts.storedTagsFor([...list]));
    }
    return (tags) => known.get(JSON.stringify(tags)) ?? { tagIds: [], tags: [...tags] };
  }

  /** The title a dialog names the document by; null when it is not in the library. */
  titleOf(documentId: DocumentId): string | null {
    return this.parts.catalog.get(documentId)?.title ?? null;
  }

  /** Writes the document's highlights as `<title>.jsonld` in `folder`; the path written. */
  async exportJsonLdTo(documentId: DocumentId, folder: string): Promise<Result<string>> {
    const record = this.parts.catalog.get(documentId);
    if (record === undefined) return documentNotFound(documentId);
    const { highlights } = await this.parts.annotations.read(documentId);
    const named = presentTags(highlights, this.parts.namesFor);
    const source = record.sourceUrl ?? record.source;
    const json = highlightsToJsonLd(
      { id: documentId, title: record.title, author: record.author, source },
      named,
    );
    const filePath = path.join(folder, `${safeBaseName(record.title)}.jsonld`);
    try {
      await writeFileDurable(this.parts.fsys, filePath, `${JSON.stringify(json, null, 2)}\n`);
    } catch (error) {
      return writeFailure(error, `write ${filePath}`);
    }
    return { ok: true, value: filePath };
  }
}
