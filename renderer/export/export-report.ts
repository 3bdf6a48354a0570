/** What the Export dialog says about a finished export of many: a summary and one line per file. */
import type { ExportFileReport, ExportManyReport, ExportOutcome } from '../../preload/api';

const OUTCOME_WORDS: Record<ExportOutcome, string> = {
  created: 'created',
  updated: 'updated',
  unchanged: 'unchanged',
  conflicted: 'conflicted',
};

/** The file's name without its folder (either separator: the core may run on Windows). */
export const baseName = (filePath: string): string => filePath.split(/[\\/]/).pop() ?? filePath;

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/** "12 files: 3 created, 8 updated, 1 unchanged" (+ conflicts, failures, a cancel). */
export function exportSummary(report: ExportManyReport): string {
  const counts = (Object.keys(OUTCOME_WORDS) as ExportOutcome[])
    .map((outcome) => [outcome, report.files.filter((file) => file.outcome === outcome).length] as const)
    .filter(([, count]) => count > 0)
    .map(([outcome, count]) => `${count} ${OUTCOME_WORDS[outcome]}`);
  const head =
    report.files.length === 0
      ? 'Nothing was exported: no document matched.'
      : `${plural(report.files.length, 'file')}: ${counts.join(', ')}.`;
  const cancelled = report.cancelled
    ? ' Cancelled: the files listed were written whole, the rest not at all.'
    : '';
  const failed =
    report.failures.length > 0 ? ` ${plural(report.failures.length, 'file')} could not be written.` : '';
  return `${head}${cancelled}${failed}`;
}

/** One file's line in the report: its name, what happened, and where an edited copy was kept. */
export function fileLine(file: ExportFileReport): string {
  const kept =
    file.keptCopyPath === null ? '' : ` — your edited version was kept as “${baseName(file.keptCopyPath)}”`;
  const frontMatter = file.frontMatterKept ? ' (your front matter was kept)' : '';
  return `${baseName(file.filePath)}: ${OUTCOME_WORDS[file.outcome]}${kept}${frontMatter}`;
}
