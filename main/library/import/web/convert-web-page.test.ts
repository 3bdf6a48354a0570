import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertWebPage } from './convert-web-page';
import type { ConvertedDocument } from './converted-document';
import {
  executableInRenderedMarkdown,
  expectedArticleText,
  markdownText,
  textTokens,
  tokenAgreement,
} from './token-agreement';

const pagesDir = join(import.meta.dirname, '../../../../e2e/fixtures/web-pages');
const pageNames = readdirSync(pagesDir).toSorted();

function convertFixture(name: string): ConvertedDocument {
  const result = convertWebPage(`${name}.html`, readFileSync(join(pagesDir, name, 'source.html')));
  if ('ok' in result) throw new Error(`${name}: ${result.message}`);
  return result;
}

interface ExpectedMetadata {
  title: string;
  byline?: string | null;
  dir?: string | null;
  lang?: string | null;
  excerpt?: string | null;
  siteName?: string | null;
  publishedTime?: string | null;
}

describe('every saved page of the fixtures', () => {
  const converted = new Map(pageNames.map((name) => [name, convertFixture(name)]));

  it('are all there (35 pages from Readability’s test suite)', () => {
    expect(pageNames).toHaveLength(35);
  });

  it('keeps the text of the expected article (token agreement ≥ 0.9 per page)', () => {
    const rows = pageNames.map((name) => {
      const expected = textTokens(
        expectedArticleText(readFileSync(join(pagesDir, name, 'expected.html'), 'utf8')),
      );
      const actual = textTokens(markdownText(converted.get(name)?.markdown ?? ''));
      return { name, agreement: tokenAgreement(expected, actual), words: expected.length };
    });
    console.log(rows.map((row) => `${row.name.padEnd(20)} ${row.agreement.toFixed(3)}`).join('\n'));
    for (const row of rows) expect(row.agreement, row.name).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps the metadata Readability reads (expected-metadata.json)', () => {
    for (const name of pageNames) {
      const expected = JSON.parse(
        readFileSync(join(pagesDir, name, 'expected-metadata.json'), 'utf8'),
      ) as ExpectedMetadata;
      const document = converted.get(name) as ConvertedDocument;
      expect(document.title, name).toBe(expected.title);
      expect(document.author, name).toBe(expected.byline ?? null);
      expect(document.metadata.siteName, name).toBe(expected.siteName ?? null);
      expect(document.metadata.publishedTime, name).toBe(expected.publishedTime ?? null);
      expect(document.metadata.language, name).toBe(expected.lang ?? null);
      expect(document.metadata.dir, name).toBe(expected.dir ?? null);
      expect(document.metadata.excerpt, name).toBe(expected.excerpt ?? null);
    }
  });

  it('stores nothing executable: no script, style, event handler or javascript: URL', () => {
    for (const [name, document] of converted) {
      expect(document.markdown, name).not.toMatch(/<\/?(script|style|iframe|object|embed|svg)\b/i);
      expect(document.markdown, name).not.toMatch(/\son[a-z]+\s*=/i);
      expect(document.markdown, name).not.toMatch(/javascript:/i);
      expect(executableInRenderedMarkdown(document.markdown), name).toEqual([]);
      // Remote pictures are never fetched, so none is referenced as a picture.
      expect(document.markdown, name).not.toMatch(/(?<!\\)!\[[^\]]*\]\((?!assets\/)/);
    }
  });

  it('records where a page was saved from, and reads right-to-left pages as such', () => {
    expect(converted.get('mathjax')?.metadata.sourceUrl).toBe(
      'https://mathjax.github.io/MathJax-demos-web/mml-chtml.html',
    );
    expect(converted.get('wikipedia')?.metadata.sourceUrl).toBe('https://en.wikipedia.org/wiki/Mozilla');
    expect(converted.get('rtl-1')?.metadata.dir).toBe('rtl');
  });

  it('keeps inline data: pictures as assets the markdown points at', () => {
    const document = converted.get('data-url-image') as ConvertedDocument;
    expect(document.assets.length).toBeGreaterThan(0);
    for (const asset of document.assets) {
      expect(document.markdown).toContain(`](assets/${asset.name})`);
      expect(asset.mediaType).toMatch(/^image\/(png|jpeg|gif|webp)$/);
    }
    expect(document.markdown).not.toContain('data:');
  });
});
