import { describe, expect, it } from 'vitest';
import type { DocumentSummary, ImportOutcome } from '../../preload/api';
import { tooLargeMessage } from '../../common/formats';
import { summarizeImport } from './import-summary';

const summary = (title: string) => ({ title }) as DocumentSummary;
const imported = (file: string): ImportOutcome => ({
  file,
  status: 'imported',
  document: summary(file.replace('.md', '')),
});
const duplicate = (file: string): ImportOutcome => ({ file, status: 'duplicate', document: summary(file) });
const refused = (file: string): ImportOutcome => ({
  file,
  status: 'refused',
  code: 'binary',
  message: `“${file}” is not a text file.`,
});

describe('summarizeImport', () => {
  it('counts imports', () => {
    expect(summarizeImport({ outcomes: [imported('a.md'), imported('b.md')] })).toEqual([
      { kind: 'success', message: 'Imported 2 documents.' },
    ]);
  });
  it('names a single import by title', () => {
    expect(summarizeImport({ outcomes: [imported('a.md')] })[0]?.message).toBe('Imported “a”.');
  });
  it('names a duplicate by file and keeps it informational', () => {
    expect(summarizeImport({ outcomes: [duplicate('a.md')] })).toEqual([
      { kind: 'info', message: '“a.md” is already in your library.' },
    ]);
  });
  it('joins imports and duplicates in one summary, refusals as errors', () => {
    const messages = summarizeImport({ outcomes: [imported('a.md'), duplicate('b.md'), refused('c.png')] }, [
      tooLargeMessage('big.md', 60 * 1024 * 1024),
    ]);
    expect(messages).toEqual([
      { kind: 'success', message: 'Imported “a”. “b.md” is already in your library.' },
      { kind: 'error', message: '“big.md” is 60.0 MB; the limit is 50 MB.' },
      { kind: 'error', message: '“c.png” is not a text file.' },
    ]);
  });
  it('caps the number of refusal messages', () => {
    const outcomes = ['1', '2', '3', '4', '5', '6'].map((n) => refused(`${n}.bin`));
    const messages = summarizeImport({ outcomes });
    expect(messages).toHaveLength(4);
    expect(messages[3]?.message).toBe('3 more files could not be imported.');
  });
  it('says when nothing happened', () => {
    expect(summarizeImport({ outcomes: [] })).toEqual([{ kind: 'info', message: 'Nothing was imported.' }]);
  });
});
