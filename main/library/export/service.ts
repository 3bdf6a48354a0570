/** The export domain's service: a document's notes as markdown, copied or written into a folder. */
import type { DocumentId, ExportReport, Result } from '../../../preload/api';
import { formatDocumentExport, formatDocumentMarkdown } from '../../../common/export/format';
import { documentNotFound } from '../documents/not-found';
import { type ExportSources, exportOptions, gatherDocument } from './gather';
import { writeExport } from './write-export';

export class ExportService {
  constructor(private readonly sources: ExportSources) {}

  /** The title a dialog names the document by; null when it is not in the library. */
  titleOf(id: DocumentId): string | null {
    return this.sources.catalog.get(id)?.title ?? null;
  }

  /** The document's notes as one markdown text (front matter included). */
  async copyDocumentMarkdown(id: DocumentId): Promise<Result<string>> {
    const doc = await gatherDocument(this.sources, id);
    if (doc === null) return documentNotFound(id);
    return { ok: true, value: formatDocumentMarkdown(doc, exportOptions(this.sources)) };
  }

  /** Writes (or updates in place) the document's export file in `folder`. */
  async exportDocumentTo(id: DocumentId, folder: string): Promise<Result<ExportReport>> {
    const doc = await gatherDocument(this.sources, id);
    if (doc === null) return documentNotFound(id);
    const fresh = formatDocumentExport(doc, exportOptions(this.sources));
    return writeExport(this.sources.fsys, folder, doc, fresh, this.sources.now());
  }
}
