/** What the reader tells the user after exporting a document's notes: one toast per outcome. */
import type { ExportReport } from '../../preload/api';
import type { ToastInit } from '../lib/events';

/** The file's name without its folder (either separator: the core may run on Windows). */
const fileName = (filePath: string): string => filePath.split(/[\\/]/).pop() ?? filePath;

/** The toast for a finished export: what happened to which file, and what was kept. */
export function exportToast(report: ExportReport): ToastInit {
  const name = `“${fileName(report.filePath)}”`;
  const keptFrontMatter = report.frontMatterKept
    ? ' Your changes to its front matter were kept, so Lectern’s fields there were not refreshed.'
    : '';
  const details = [report.filePath, ...(report.keptCopyPath === null ? [] : [report.keptCopyPath])];
  switch (report.outcome) {
    case 'created':
      return { kind: 'success', message: `Notes exported to ${name}.`, details };
    case 'updated':
      return {
        kind: 'success',
        message: `${name} updated; your own text in it was kept.${keptFrontMatter}`,
        details,
      };
    case 'unchanged':
      return { kind: 'info', message: `${name} is already up to date.`, details };
    case 'conflicted':
      return {
        kind: 'info',
        message: `${name} updated. You had edited Lectern’s part of it, so your version was kept as “${fileName(report.keptCopyPath ?? '')}”.${keptFrontMatter}`,
        details,
      };
  }
}
