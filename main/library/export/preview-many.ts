/**
 * The Export dialog's preview of an export of many: every file it would write (named as the
 * folder's manifest names them, as the export does, or as in a new folder) and one of them exactly
 * as written there, with its size. Formats only the file shown, so a thousand documents stay quick.
 */
import type {
  ExportManyPreview,
  ExportManyPreviewRequest,
  ExportTemplateChoice,
  Result,
} from '../../../preload/api';
import { planFileNames } from '../../../common/export/file-plan';
import { newExportFile } from '../../../common/export/region';
import { templateOf } from '../../../common/export/render';
import { checkTemplate } from '../../../common/export/template';
import { exportItems, formatItem, linkedOptions, readFolderManifest } from './export-many';
import type { ExportSources } from './gather';

/** The template's first error as a preview, or null when it renders. */
function templateError(choice: ExportTemplateChoice) {
  const template = templateOf(choice);
  const check = template === null ? ({ ok: true } as const) : checkTemplate(template);
  return check.ok ? null : ({ kind: 'template-error', line: check.line, message: check.message } as const);
}

/** The files of the export `request` describes, and the one at `request.index` as it would be written. */
export async function previewExportMany(
  sources: ExportSources,
  request: ExportManyPreviewRequest,
): Promise<Result<ExportManyPreview>> {
  const items = await exportItems(sources, request);
  // The names an export into that folder keeps (a title taken there earlier makes a newcomer's `Title (<id>).md`).
  const read = request.folder === undefined ? null : await readFolderManifest(sources, request.folder);
  if (read !== null && !read.ok) return read;
  const manifest = read?.value.manifest ?? {};
  const plan = planFileNames(items, manifest);
  const files = items.map((item) => ({
    kind: item.kind,
    title: item.title,
    fileName: plan.get(item.id) ?? '',
  }));
  const index = Math.max(0, Math.min(request.index, items.length - 1));
  const item = items[index];
  if (item === undefined) return { ok: true, value: { files, index: 0, shown: null, bytes: null } };
  const error = templateError(request.choice);
  if (error !== null) return { ok: true, value: { files, index, shown: error, bytes: null } };
  const formatted = await formatItem(
    sources,
    item,
    linkedOptions(sources, (id) => plan.get(id) ?? manifest[id]),
    request.choice,
  );
  if (!formatted.ok) return formatted;
  const markdown = newExportFile(item.id, formatted.value);
  const bytes = Buffer.byteLength(markdown, 'utf8');
  return { ok: true, value: { files, index, shown: { kind: 'markdown', markdown }, bytes } };
}
