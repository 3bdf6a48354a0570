import { describe, expect, it } from 'vitest';
import type { AnnotationImportPreview, AnnotationImportReport } from '../../preload/api';
import {
  groupName,
  groupOutcome,
  matchLabel,
  previewSummary,
  problemLine,
  reportSummary,
  waitingLine,
} from './import-texts';

const annotation = {
  quote: 'q',
  prefix: '',
  suffix: '',
  position: null,
  note: null,
  tags: [],
  color: null,
  createdAt: null,
  where: null,
  order: null,
  lecternId: null,
};
const group = (title: string, count: number) => ({
  key: title,
  title,
  author: null,
  url: null,
  documentId: null,
  annotations: Array.from({ length: count }, () => annotation),
});

describe('import dialog texts', () => {
  it('sums up a preview, with bookmarks and collapsed re-highlights', () => {
    const preview: AnnotationImportPreview = {
      importId: '0123456789abcdef',
      fileName: 'My Clippings.txt',
      format: 'kindle',
      groups: [
        { group: group('Emma', 1), match: null },
        { group: group('Persuasion', 1200), match: null },
      ],
      problems: [],
      bookmarks: 1,
      duplicatesCollapsed: 3,
    };
    expect(previewSummary(preview)).toBe(
      'Kindle clippings: 2 books, 1,201 highlights (1 bookmark counted, not imported; 3 re-highlights collapsed).',
    );
    expect(
      previewSummary({ ...preview, format: 'hypothesis', groups: [], bookmarks: 0, duplicatesCollapsed: 0 }),
    ).toBe('Hypothesis annotations: 0 pages, 0 highlights.');
  });

  it('names matches, groups, outcomes and problems', () => {
    const match = {
      documentId: 'a',
      documentTitle: 'Emma',
      rule: 'title' as const,
      similarity: 0.8349,
      needsConfirmation: true,
    };
    expect(matchLabel(match)).toBe('Similar title (83 % alike): confirm');
    expect(groupName({ title: null, author: null, url: 'https://example.org/' })).toBe(
      'https://example.org/',
    );
    expect(groupName({ title: 'Emma', author: 'Austen, Jane', url: null })).toBe('Emma (Austen, Jane)');
    const report = {
      groupKey: 'k',
      documentId: 'a',
      documentTitle: 'Emma',
      placed: 3,
      check: 0,
      unplaced: 1,
      alreadyThere: 2,
    };
    expect(groupOutcome(report)).toBe('3 placed, 1 unplaced, 2 already there');
    expect(problemLine({ entry: 4, line: 16, message: 'Bad.' })).toBe('Entry 4, line 16: Bad.');
    expect(problemLine({ entry: 0, line: null, message: 'Refused.' })).toBe('Refused.');
    expect(waitingLine(1)).toBe('Not imported: 1 highlight waits for its document.');
    expect(waitingLine(1200)).toBe('Not imported: 1,200 highlights wait for their document.');
  });

  it('says where everything went', () => {
    const report: AnnotationImportReport = {
      groups: [
        {
          groupKey: 'k',
          documentId: 'a',
          documentTitle: 'Emma',
          placed: 1,
          check: 1,
          unplaced: 1,
          alreadyThere: 0,
        },
      ],
      unmatched: [group('Unknown', 2)],
      problems: [],
    };
    expect(reportSummary(report)).toBe(
      '3 highlights imported into 1 document. 1 place to check in the Highlights panel. 1 highlight could not be placed: listed as unplaced, with the quote. 1 group matched no document: import the file again once their document is in the library.',
    );
  });
});
