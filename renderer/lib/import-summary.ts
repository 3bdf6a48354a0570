/**
 * Turns an ImportReport into what the user is told: one summary of what was added (it
 * fades) and one message per refused file (errors stay until dismissed). The core already
 * words each refusal and names the file in it.
 */
import type { ImportReport } from '../../preload/api';

export interface ImportMessage {
  kind: 'success' | 'info' | 'error';
  message: string;
}

/** More refusals than this are summarised in one last message instead of one each. */
const MAX_REFUSAL_MESSAGES = 3;

export function summarizeImport(
  report: ImportReport,
  refusedBeforeImport: readonly string[] = [],
): ImportMessage[] {
  const imported = report.outcomes.filter((o) => o.status === 'imported');
  const duplicates = report.outcomes.filter((o) => o.status === 'duplicate');
  const refusals = [
    ...refusedBeforeImport,
    ...report.outcomes.flatMap((o) => (o.status === 'refused' ? [o.message] : [])),
  ];

  const parts: string[] = [];
  if (imported.length === 1 && imported[0]) parts.push(`Imported “${imported[0].document.title}”`);
  else if (imported.length > 1) parts.push(`Imported ${imported.length} documents`);
  if (duplicates.length === 1 && duplicates[0]) {
    parts.push(`“${duplicates[0].file}” is already in your library`);
  } else if (duplicates.length > 1) {
    parts.push(`${duplicates.length} files are already in your library`);
  }

  const messages: ImportMessage[] = [];
  if (parts.length > 0) {
    messages.push({ kind: imported.length > 0 ? 'success' : 'info', message: parts.join('. ') + '.' });
  }
  const shown = refusals.length > MAX_REFUSAL_MESSAGES + 1 ? MAX_REFUSAL_MESSAGES : refusals.length;
  for (const message of refusals.slice(0, shown)) messages.push({ kind: 'error', message });
  const rest = refusals.length - shown;
  if (rest > 0) messages.push({ kind: 'error', message: `${rest} more files could not be imported.` });
  if (messages.length === 0) messages.push({ kind: 'info', message: 'Nothing was imported.' });
  return messages;
}
