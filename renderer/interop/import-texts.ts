/** The words of the "Import highlights" dialog: what a preview holds, how a match was found, what an import did. */
import type {
  AnnotationFormat,
  AnnotationImportPreview,
  AnnotationImportReport,
  GroupImportReport,
  ParseProblem,
  ProposedMatch,
} from '../../preload/api';

const FORMAT_LABELS: Record<AnnotationFormat, string> = {
  kindle: 'Kindle clippings',
  hypothesis: 'Hypothesis annotations',
  w3c: 'W3C Web Annotations',
};

const plural = (count: number, one: string, many = `${one}s`) =>
  `${count.toLocaleString('en')} ${count === 1 ? one : many}`;

/** "Kindle clippings: 3 books, 41 highlights (2 bookmarks counted, 1 re-highlight collapsed)." */
export function previewSummary(preview: AnnotationImportPreview): string {
  const groups = preview.groups.length;
  const annotations = preview.groups.reduce((sum, { group }) => sum + group.annotations.length, 0);
  const unit = preview.format === 'kindle' ? 'book' : 'page';
  const extras = [
    preview.bookmarks > 0 ? `${plural(preview.bookmarks, 'bookmark')} counted, not imported` : '',
    preview.duplicatesCollapsed > 0 ? `${plural(preview.duplicatesCollapsed, 're-highlight')} collapsed` : '',
  ].filter((part) => part !== '');
  const tail = extras.length === 0 ? '' : ` (${extras.join('; ')})`;
  return `${FORMAT_LABELS[preview.format]}: ${plural(groups, unit)}, ${plural(annotations, 'highlight')}${tail}.`;
}

/** How the document was found, in a few words. */
export function matchLabel(match: ProposedMatch): string {
  switch (match.rule) {
    case 'id':
      return 'Exported from this document';
    case 'url':
      return 'Same web address';
    case 'exact-title':
      return 'Same title';
    case 'title':
      return `Similar title (${Math.round(match.similarity * 100)} % alike): confirm`;
  }
}

/** The group's name as the file gave it. */
export function groupName(group: {
  title: string | null;
  author: string | null;
  url: string | null;
}): string {
  const title = group.title ?? group.url ?? 'Untitled';
  return group.author === null ? title : `${title} (${group.author})`;
}

/** "12 placed, 2 to check, 1 unplaced, 3 already there". */
export function groupOutcome(report: GroupImportReport): string {
  const parts = [
    `${report.placed.toLocaleString('en')} placed`,
    report.check > 0 ? `${report.check.toLocaleString('en')} to check` : '',
    report.unplaced > 0 ? `${report.unplaced.toLocaleString('en')} unplaced` : '',
    report.alreadyThere > 0 ? `${report.alreadyThere.toLocaleString('en')} already there` : '',
  ];
  return parts.filter((part) => part !== '').join(', ');
}

/** The report's headline: what was added, and where the rest is. */
export function reportSummary(report: AnnotationImportReport): string {
  const total = (key: 'placed' | 'check' | 'unplaced' | 'alreadyThere') =>
    report.groups.reduce((sum, group) => sum + group[key], 0);
  const added = total('placed') + total('check') + total('unplaced');
  const sentences = [
    `${plural(added, 'highlight')} imported into ${plural(new Set(report.groups.map((g) => g.documentId)).size, 'document')}.`,
  ];
  if (total('check') > 0)
    sentences.push(`${plural(total('check'), 'place')} to check in the Highlights panel.`);
  if (total('unplaced') > 0)
    sentences.push(
      `${plural(total('unplaced'), 'highlight')} could not be placed: listed as unplaced, with the quote.`,
    );
  if (report.unmatched.length > 0)
    sentences.push(
      `${plural(report.unmatched.length, 'group')} matched no document: import the file again once their document is in the library.`,
    );
  return sentences.join(' ');
}

/** What became of a group no document matched. */
export function waitingLine(count: number): string {
  return `Not imported: ${plural(count, 'highlight')} ${count === 1 ? 'waits' : 'wait'} for ${count === 1 ? 'its' : 'their'} document.`;
}

/** "Entry 4, line 16: …". */
export function problemLine(problem: ParseProblem): string {
  const place =
    problem.entry === 0
      ? ''
      : `Entry ${problem.entry}${problem.line === null ? '' : `, line ${problem.line}`}: `;
  return `${place}${problem.message}`;
}
