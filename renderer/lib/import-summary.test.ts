import { describe, expect, it } from 'vitest';
import type { DocumentSummary, ImportOutcome } from '../../preload/api';
import { tooLargeMessage } from '../../common/formats';
import { summarizeImport } from './import-summary';

const summary = (title: string) => ({ title }) as DocumentSummary;
const imported = (file: string): Extract<ImportOutcome, { status: 'imported' }> => ({
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
  it('says how many files a cancel left out, beside what was imported before it', () => {
    const cancelled = (file: string): ImportOutcome => ({ file, status: 'cancelled' });
    expect(summarizeImport({ outcomes: [imported('a.md'), cancelled('b.md'), cancelled('c.md')] })).toEqual([
      { kind: 'success', message: 'Imported “a”.' },
      { kind: 'info', message: 'Import cancelled: 2 files were not imported.' },
    ]);
    expect(summarizeImport({ outcomes: [cancelled('b.md')] })).toEqual([
      { kind: 'info', message: 'Import cancelled: 1 file was not imported.' },
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
  it('gives up to three refusals a message each', () => {
    const outcomes = ['a.png', 'b.pdf', 'c.bin'].map(refused);
    expect(summarizeImport({ outcomes }).map((m) => m.message)).toEqual([
      '“a.png” is not a text file.',
      '“b.pdf” is not a text file.',
      '“c.bin” is not a text file.',
    ]);
  });
  it('counts more refusals in one message that lists every file with its reason', () => {
    const outcomes = ['1.bin', '2.bin', '3.bin', '4.bin', '5.bin'].map(refused);
    const messages = summarizeImport({ outcomes: [imported('ok.md'), ...outcomes] }, [
      tooLargeMessage('big.md', 60 * 1024 * 1024),
    ]);
    expect(messages).toHaveLength(2);
    expect(messages[1]).toEqual({
      kind: 'error',
      message: '6 files could not be imported.',
      details: [
        '“big.md” is 60.0 MB; the limit is 50 MB.',
        ...['1', '2', '3', '4', '5'].map((n) => `“${n}.bin” is not a text file.`),
      ],
    });
    expect(JSON.stringify(messages)).not.toContain('more files');
  });
  it('adds how a file was read to the summary, naming the file when several were imported', () => {
    const note = 'Read as Windows-1252 (Western European): it is not valid UTF-8.';
    const legacy: ImportOutcome = { ...imported('old.txt'), note };
    expect(summarizeImport({ outcomes: [legacy] })[0]?.message).toBe(`Imported “old.txt”. ${note}`);
    expect(summarizeImport({ outcomes: [imported('a.md'), legacy] })[0]?.message).toBe(
      `Imported 2 documents. “old.txt”: ${note}`,
    );
  });
  it('says when nothing happened', () => {
    expect(summarizeImport({ outcomes: [] })).toEqual([{ kind: 'info', message: 'Nothing was imported.' }]);
  });
});
