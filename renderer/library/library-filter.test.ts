import { describe, expect, it } from 'vitest';
import type { DocumentSummary } from '../../preload/api';
import { filterDocuments, indexDocuments, sortDocuments } from './library-filter';

const doc = (over: Partial<DocumentSummary>): DocumentSummary => ({
  id: over.title ?? 'x',
  title: 'Untitled',
  author: null,
  source: null,
  excerpt: '',
  wordCount: 100,
  readingMinutes: 1,
  progress: 0,
  addedAt: '2025-01-01T00:00:00.000Z',
  openedAt: null,
  highlightCount: 0,
  textVersion: '0'.repeat(64),
  ...over,
});

const docs = [
  doc({ title: 'Émile, or On Education', author: 'Rousseau', addedAt: '2025-01-03T00:00:00Z' }),
  doc({
    title: 'War and Peace',
    author: 'Tolstoy',
    source: 'war-and-peace.md',
    openedAt: '2025-02-01T00:00:00Z',
  }),
  doc({ title: 'Chapter 10', excerpt: 'The whale surfaced.', addedAt: '2025-01-02T00:00:00Z' }),
  doc({ title: 'chapter 9', openedAt: '2025-01-15T00:00:00Z' }),
];

describe('filterDocuments', () => {
  const index = indexDocuments(docs);
  it('returns everything for an empty or blank query', () => {
    expect(filterDocuments(index, '   ')).toHaveLength(4);
  });
  it('matches title, author, source and excerpt, case- and accent-insensitively', () => {
    expect(filterDocuments(index, 'EMILE').map((d) => d.title)).toEqual(['Émile, or On Education']);
    expect(filterDocuments(index, 'tolstoy')).toHaveLength(1);
    expect(filterDocuments(index, 'peace.md')).toHaveLength(1);
    expect(filterDocuments(index, 'whale')).toHaveLength(1);
  });
  it('requires every term', () => {
    expect(filterDocuments(index, 'war tolstoy')).toHaveLength(1);
    expect(filterDocuments(index, 'war rousseau')).toHaveLength(0);
  });
  // How fast is for `npm run bench` (library-10k); here only that the one match among 10,000 is found.
  it('finds the one match among 10,000 documents', () => {
    const many = indexDocuments(
      Array.from({ length: 10_000 }, (_, i) =>
        doc({ title: `Document ${i}`, excerpt: 'lorem ipsum '.repeat(20) }),
      ),
    );
    const hits = filterDocuments(many, 'document 9999');
    expect(hits.map((d) => d.title)).toEqual(['Document 9999']);
  });
});

describe('sortDocuments', () => {
  it('sorts titles in the locale with numbers in numeric order', () => {
    expect(sortDocuments(docs, 'title', 'en').map((d) => d.title)).toEqual([
      'chapter 9',
      'Chapter 10',
      'Émile, or On Education',
      'War and Peace',
    ]);
  });
  it('sorts by date added, newest first', () => {
    expect(sortDocuments(docs, 'added', 'en')[0]?.title).toBe('Émile, or On Education');
  });
  it('sorts by last activity: opened, else added', () => {
    expect(sortDocuments(docs, 'recent', 'en').map((d) => d.title)).toEqual([
      'War and Peace',
      'chapter 9',
      'Émile, or On Education',
      'Chapter 10',
    ]);
  });
  it('does not mutate its input', () => {
    const copy = [...docs];
    sortDocuments(docs, 'title', 'en');
    expect(docs).toEqual(copy);
  });
});
