/**
 * The export domain's service: a document's notes as markdown (copied, previewed with a
 * template, or written into a folder), and exports of many documents with progress and cancel.
 */
import path from 'node:path';
import type {
  DocumentId,
  ExportManyPreview,
  ExportManyPreviewRequest,
  ExportManyReport,
  ExportManyRequest,
  ExportReport,
  ExportTemplateChoice,
  Failure,
  Result,
} from '../../../preload/api';
import { renderDocumentExport } from '../../../common/export/render';
import { checkTemplate } from '../../../common/export/template';
import { templateOf } from '../../../common/export/render';
import { documentNotFound } from '../documents/not-found';
import { exportManyTo, readFolderManifest, saveManifest } from './export-many';
import { ExportRuns } from './export-runs';
import { previewExportMany } from './preview-many';
import { type ExportSources, exportOptions, gatherDocument, templateChoice } from './gather';
import { writeExport } from './write-export';

/** The failure of an export whose saved template is wrong. */
const templateFailure = (line: number, message: string): Failure => ({
  ok: false,
  code: 'invalid-argument',
  message: `The export template has an error on line ${line}: ${message}. Fix it in the Export dialog.`,
});

export class ExportService {
  /** Progress and cancel of exports of many. */
  readonly runs = new ExportRuns();
  /** Folders the user chose in a dialog this session: the only ones an export may name again. */
  private readonly chosenFolders = new Set<string>();

  constructor(private readonly sources: ExportSources) {}

  /** The title a dialog names the document by; null when it is not in the library. */
  titleOf(id: DocumentId): string | null {
    return this.sources.catalog.get(id)?.title ?? null;
  }

  rememberFolder(folder: string): void {
    this.chosenFolders.add(folder);
  }

  wasChosen(folder: string): boolean {
    return this.chosenFolders.has(folder);
  }

  /** The document's notes as one markdown text (front matter included), with the saved template. */
  async copyDocumentMarkdown(id: DocumentId): Promise<Result<string>> {
    const formatted = await this.format(id, templateChoice(this.sources));
    if (!formatted.ok) return formatted;
    return { ok: true, value: `${formatted.value.frontMatter}\n${formatted.value.body}` };
  }

  /** Writes (or updates in place) the document's export file in `folder`. */
  async exportDocumentTo(id: DocumentId, folder: string): Promise<Result<ExportReport>> {
    const formatted = await this.format(id, templateChoice(this.sources));
    if (!formatted.ok) return formatted;
    const title = this.titleOf(id) ?? '';
    // A folder exported into as a whole keeps its names: this document's file is the one it has there.
    const read = await readFolderManifest(this.sources, folder);
    if (!read.ok) return read;
    const { manifestPath, manifestText, manifest } = read.value;
    const written = await writeExport(
      this.sources.fsys,
      folder,
      { id, title },
      formatted.value,
      this.sources.now(),
      manifest[id],
    );
    if (!written.ok || manifestText === null) return written;
    const names = { ...manifest, [id]: path.basename(written.value.filePath) };
    const saved = await saveManifest(this.sources, manifestPath, manifestText, names);
    return saved.ok ? written : saved;
  }

  /** What exportManyTo would write with a template not saved yet: the files, and one of them. */
  previewExportMany(request: ExportManyPreviewRequest): Promise<Result<ExportManyPreview>> {
    return previewExportMany(this.sources, request);
  }

  /** Writes every document in the request's scope (and the notes) into `folder`. */
  async exportManyTo(request: ExportManyRequest, folder: string): Promise<Result<ExportManyReport>> {
    const choice = templateChoice(this.sources);
    const template = templateOf(choice);
    const check = template === null ? ({ ok: true } as const) : checkTemplate(template);
    if (!check.ok) return templateFailure(check.line, check.message);
    return exportManyTo(this.sources, this.runs, request, folder, choice);
  }

  cancelExport(exportId: string): boolean {
    return this.runs.cancel(exportId);
  }

  private async format(id: DocumentId, choice: ExportTemplateChoice) {
    const doc = await gatherDocument(this.sources, id);
    if (doc === null) return documentNotFound(id);
    const rendered = renderDocumentExport(doc, exportOptions(this.sources), choice);
    return rendered.ok ? rendered : templateFailure(rendered.line, rendered.message);
  }
}
