import { describe, expect, it } from 'vitest';
import { formatDocumentExport } from './format';
import { type MergeOutcome, mergeExport } from './region';
import {
  DOC_ID,
  OPTIONS,
  OTHER_DOC_ID,
  PARAGRAPH_1,
  PARAGRAPH_2,
  PARAGRAPH_3,
  document,
  highlight,
} from './test-fixtures';
import type { ExportHighlight } from './types';

const fresh = (highlights: ExportHighlight[], exportedAt = OPTIONS.exportedAt) =>
  formatDocumentExport(document(highlights), { ...OPTIONS, exportedAt });

function textOf(outcome: MergeOutcome): string {
  if (outcome.kind !== 'created' && outcome.kind !== 'updated') throw new Error(`no text: ${outcome.kind}`);
  return outcome.text;
}

/** The user's text around the region: [before the front matter's end..marker), after the end marker. */
function outside(text: string): { between: string; after: string } {
  const frontEnd = text.indexOf('\n---', 4) + 4;
  const begin = text.indexOf('<!-- lectern:begin');
  const end = text.indexOf('<!-- lectern:end -->') + '<!-- lectern:end -->'.length;
  return { between: text.slice(frontEnd, begin), after: text.slice(end) };
}

const first = highlight('0000000000000001', PARAGRAPH_1);

describe('mergeExport', () => {
  it('creates a file, then finds nothing to change but the time', () => {
    const created = textOf(mergeExport(null, DOC_ID, fresh([first])));
    expect(mergeExport(created, DOC_ID, fresh([first], '2027-01-01T00:00:00.000Z'))).toEqual({
      kind: 'unchanged',
    });
  });

  it('keeps user text before, between and after the region byte for byte across ten re-exports', () => {
    const userBetween = '\n\nMy own intro, with <!-- a comment --> and trailing spaces   \n\n';
    const userAfter = '\n\n## My thoughts\n\nWritten by me — **not** Lectern.\n\t\n';
    let text = textOf(mergeExport(null, DOC_ID, fresh([first])));
    text = text.replace('\n<!-- lectern:begin', `${userBetween}<!-- lectern:begin`) + userAfter.slice(1);
    const expected = outside(text);
    let highlights = [first];
    const paragraphs = [PARAGRAPH_2, PARAGRAPH_3, 'a new *quote*'];
    for (let round = 0; round < 10; round++) {
      if (round % 3 === 0)
        highlights = [...highlights, highlight(`00000000000001${round}0`, paragraphs[round % 3] ?? '')];
      else if (round % 3 === 1)
        highlights = highlights.map((h, i) => (i === 0 ? { ...h, note: `edit ${round}` } : h));
      else highlights = highlights.slice(1);
      const outcome = mergeExport(
        text,
        DOC_ID,
        fresh(highlights, `2026-12-0${(round % 9) + 1}T00:00:00.000Z`),
      );
      text = outcome.kind === 'unchanged' ? text : textOf(outcome);
      expect(outcome.kind === 'updated' ? outcome.conflict : null).toBeNull();
      expect(outside(text)).toEqual(expected);
      // Between rounds the user adds to their section after the region.
      text += `line ${round}\n`;
      expected.after += `line ${round}\n`;
    }
  });

  it('keeps a CRLF file CRLF and a file without a final newline without one', () => {
    const created = textOf(mergeExport(null, DOC_ID, fresh([first]))).replace(/\n/g, '\r\n');
    const userFile = `${created}\r\nMine, no final newline`;
    const updated = textOf(
      mergeExport(userFile, DOC_ID, fresh([first, highlight('0000000000000002', PARAGRAPH_2)])),
    );
    expect(updated.endsWith('\r\nMine, no final newline')).toBe(true);
    expect(updated.replace(/\r\n/g, '')).not.toContain('\n');
    expect(updated).toContain('0000000000000002');
    expect(mergeExport(updated, DOC_ID, fresh([first, highlight('0000000000000002', PARAGRAPH_2)]))).toEqual({
      kind: 'unchanged',
    });
  });

  it('reports a region the user edited as a conflict (the caller keeps a copy) and still updates', () => {
    const created = textOf(mergeExport(null, DOC_ID, fresh([first])));
    const edited = created.replace('Genoa', 'GENOA (my fix)');
    const outcome = mergeExport(edited, DOC_ID, fresh([first]));
    expect(outcome).toMatchObject({ kind: 'updated', conflict: 'edited' });
    expect(textOf(outcome)).toContain('Genoa');
  });

  it('keeps front matter the user changed, and says so', () => {
    const created = textOf(mergeExport(null, DOC_ID, fresh([first])));
    const withAlias = created.replace('---\n\n', 'aliases: ["W&P"]\n---\n\n');
    const outcome = mergeExport(
      withAlias,
      DOC_ID,
      fresh([first, highlight('0000000000000002', PARAGRAPH_2)]),
    );
    expect(outcome).toMatchObject({ kind: 'updated', conflict: null, frontMatterKept: true });
    expect(textOf(outcome)).toContain('highlights: 1\n');
    expect(textOf(outcome)).toContain('aliases: ["W&P"]');
    const again = mergeExport(textOf(outcome), DOC_ID, fresh([first]));
    expect(again).toMatchObject({ kind: 'updated', frontMatterKept: true });
  });

  it('never writes into a file without a region or with another document’s', () => {
    expect(mergeExport('# My own note about War and Peace\n', DOC_ID, fresh([first]))).toEqual({
      kind: 'foreign',
    });
    const other = textOf(mergeExport(null, OTHER_DOC_ID, fresh([first])));
    expect(mergeExport(other, DOC_ID, fresh([first]))).toEqual({ kind: 'foreign' });
    const doubled = textOf(mergeExport(null, DOC_ID, fresh([first])));
    expect(mergeExport(doubled + doubled, DOC_ID, fresh([first]))).toEqual({ kind: 'foreign' });
  });
});
