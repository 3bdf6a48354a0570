/**
 * Turns an ImportReport into what the user is told: one summary of what was added (it
 * fades), with any note on how a file was read, and the refused files with their reasons
 * (errors stay until dismissed). The core already words each refusal and names the file in it.
 */
import type { ImportReport } from '../../preload/api';

export interface ImportMessage {
  kind: 'success' | 'info' | 'error';
  message: string;
  /** Every refusal, for an expandable list under a message that counts them. */
  details?: string[];
}

/** Up to this many refusals get a message each; more are counted in one message that lists them all. */
const MAX_REFUSAL_MESSAGES = 3;

export function summarizeImport(
  report: ImportReport,
  refusedBeforeImport: readonly string[] = [],
): ImportMessage[] {
  const refusals = [
    ...refusedBeforeImport,
    ...report.outcomes.flatMap((o) => (o.status === 'refused' ? [o.message] : [])),
  ];
  const messages: ImportMessage[] = [];
  const added = addedSummary(report);
  if (added !== null) messages.push(added);
  const cancelled = report.outcomes.filter((o) => o.status === 'cancelled').length;
  if (cancelled > 0) {
    const files = cancelled === 1 ? '1 file was' : `${cancelled} files were`;
    messages.push({ kind: 'info', message: `Import cancelled: ${files} not imported.` });
  }
  if (refusals.length > MAX_REFUSAL_MESSAGES) {
    messages.push({
      kind: 'error',
      message: `${refusals.length} files could not be imported.`,
      details: refusals,
    });
  } else {
    for (const message of refusals) messages.push({ kind: 'error', message });
  }
  if (messages.length === 0) messages.push({ kind: 'info', message: 'Nothing was imported.' });
  return messages;
}

function addedSummary(report: ImportReport): ImportMessage | null {
  const imported = report.outcomes.flatMap((o) => (o.status === 'imported' ? [o] : []));
  const duplicates = report.outcomes.filter((o) => o.status === 'duplicate');
  const parts: string[] = [];
  const first = imported[0];
  if (imported.length === 1 && first) parts.push(`Imported “${first.document.title}”`);
  else if (imported.length > 1) parts.push(`Imported ${imported.length} documents`);
  if (duplicates.length === 1 && duplicates[0]) {
    parts.push(`“${duplicates[0].file}” is already in your library`);
  } else if (duplicates.length > 1) {
    parts.push(`${duplicates.length} files are already in your library`);
  }
  if (parts.length === 0) return null;
  // A note (the encoding assumed) names its file unless only one file was imported.
  const notes = imported.flatMap((o) =>
    o.note === undefined ? [] : [imported.length === 1 ? o.note : `“${o.file}”: ${o.note}`],
  );
  const message = [parts.join('. ') + '.', ...notes].join(' ');
  return { kind: imported.length > 0 ? 'success' : 'info', message };
}
