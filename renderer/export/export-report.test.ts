import { describe, expect, it } from 'vitest';
import type { ExportFileReport, ExportManyReport } from '../../preload/api';
import { exportSummary, fileLine } from './export-report';

const file = (name: string, outcome: ExportFileReport['outcome'], extra: Partial<ExportFileReport> = {}) => ({
  filePath: `C:\\Users\\anne\\Vault\\${name}`,
  outcome,
  keptCopyPath: null,
  frontMatterKept: false,
  kind: 'document' as const,
  title: name.replace(/\.md$/, ''),
  ...extra,
});

const report = (files: ExportFileReport[], extra: Partial<ExportManyReport> = {}): ExportManyReport => ({
  folder: 'C:\\Users\\anne\\Vault',
  files,
  failures: [],
  cancelled: false,
  ...extra,
});

describe('export report', () => {
  it('counts each outcome and says what a cancel and failures mean', () => {
    expect(exportSummary(report([file('Emma.md', 'created'), file('Persuasion.md', 'unchanged')]))).toBe(
      '2 files: 1 created, 1 unchanged.',
    );
    expect(exportSummary(report([file('Emma.md', 'updated')], { cancelled: true }))).toBe(
      '1 file: 1 updated. Cancelled: the files listed were written whole, the rest not at all.',
    );
    expect(exportSummary(report([], { failures: [{ title: 'Emma', message: 'disk full' }] }))).toBe(
      'Nothing was exported: no document matched. 1 file could not be written.',
    );
  });

  it('names a conflicted file’s kept copy by its name, whatever the separator', () => {
    const conflicted = file('Emma.md', 'conflicted', {
      keptCopyPath: 'C:\\Users\\anne\\Vault\\Emma (edited 2026-12-03 110000).md',
    });
    expect(fileLine(conflicted)).toBe(
      'Emma.md: conflicted — your edited version was kept as “Emma (edited 2026-12-03 110000).md”',
    );
    expect(fileLine(file('a/b.md', 'unchanged', { frontMatterKept: true }))).toBe(
      'b.md: unchanged (your front matter was kept)',
    );
  });
});
