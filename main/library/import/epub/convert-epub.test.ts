import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { ConvertedDocument } from '../web/converted-document';
import { executableInRenderedMarkdown } from '../web/token-agreement';
import { convertEpub } from './convert-epub';

const booksDir = join(import.meta.dirname, '../../../../e2e/fixtures/epub');
const bookNames = readdirSync(booksDir)
  .filter((name) => name.endsWith('.epub'))
  .toSorted();
const decoder = new TextDecoder();

/** What the book's own files say, read with plain regexes (not the code under test). */
function bookFacts(bytes: Uint8Array): { spineItems: number; tocLinks: number } {
  const files = unzipSync(bytes);
  const text = (name: string) => decoder.decode(files[name]);
  const opfPath = /full-path="([^"]+)"/.exec(text('META-INF/container.xml'))?.[1] ?? '';
  const opf = text(opfPath);
  const navHref = /<item\b[^>]*properties="[^"]*\bnav\b[^"]*"[^>]*>/
    .exec(opf)?.[0]
    .match(/href="([^"]+)"/)?.[1];
  const navPath = opfPath.replace(/[^/]*$/, '') + (navHref ?? '');
  const nav = navHref ? text(navPath) : '';
  const tocNav = /<nav\b[^>]*epub:type="toc"[^>]*>([^]*?)<\/nav>/.exec(nav)?.[1] ?? '';
  return {
    spineItems: (opf.match(/<itemref\b/g) ?? []).length,
    tocLinks: (tocNav.match(/<a\b[^>]*href=/g) ?? []).length,
  };
}

describe('the EPUB 3 samples', () => {
  const books = new Map(
    bookNames.map((name) => {
      const bytes = readFileSync(join(booksDir, name));
      const result = convertEpub(name, bytes);
      if ('ok' in result) throw new Error(`${name}: ${result.message}`);
      return [name, { document: result, facts: bookFacts(bytes) }] as const;
    }),
  );

  it('are all there', () => expect(bookNames).toHaveLength(9));

  it('each import with every spine chapter as a # section, in order, and the whole TOC', () => {
    for (const [name, { document, facts }] of books) {
      const sections = [...document.markdown.matchAll(/^# <a id="ch-(\d+)"><\/a>/gm)].map((m) =>
        Number(m[1]),
      );
      expect(sections, name).toEqual(Array.from({ length: facts.spineItems }, (_, i) => i + 1));
      expect(document.toc.length, name).toBe(facts.tocLinks);
      for (const entry of document.toc) {
        const id = entry.anchor.slice(1);
        expect(document.markdown, `${name}: ${entry.title}`).toContain(`<a id="${id}"></a>`);
      }
    }
  });

  it('keeps Moby-Dick whole: its title, author, chapters and words', () => {
    const moby = books.get('moby-dick.epub')?.document as ConvertedDocument;
    expect(moby).toMatchObject({ title: 'Moby-Dick', author: 'Herman Melville' });
    expect(moby.metadata).toMatchObject({ language: 'en-US', publisher: 'Harper & Brothers, Publishers' });
    expect(moby.toc.find((entry) => entry.title.startsWith('Chapter 1.'))?.title).toBe(
      'Chapter 1. Loomings.',
    );
    expect(moby.markdown).toContain('Call me Ishmael.');
    expect(moby.wordCount).toBeGreaterThan(200_000);
  });

  it('reads the Arabic book right to left, and keeps pictures as assets the markdown points at', () => {
    const arabic = books.get('regime-anticancer-arabic.epub')?.document as ConvertedDocument;
    expect(arabic.metadata).toMatchObject({ language: 'ar', dir: 'rtl' });
    expect(arabic.assets.length).toBeGreaterThan(0);
    for (const asset of arabic.assets) expect(arabic.markdown).toContain(`(assets/${asset.name})`);
  });

  it('turns links between chapters and to notes into in-document anchors that exist', () => {
    for (const name of ['internallinks.epub', 'wasteland.epub', 'epub30-spec.epub']) {
      const markdown = books.get(name)?.document.markdown ?? '';
      const targets = [...markdown.matchAll(/\]\(#([^)\s]+)[)\s]/g)].map((m) => m[1] as string);
      expect(targets.length, name).toBeGreaterThan(5);
      for (const target of new Set(targets))
        expect(markdown, `${name} #${target}`).toContain(`<a id="${target}"></a>`);
    }
  });

  it('stores nothing executable, and points no picture outside the document', () => {
    for (const [name, { document }] of books) {
      // Code blocks are shown as text, so the spec's examples of <script> may stay in them.
      const outsideCode = document.markdown.replace(/^(`{3,})[^]*?^\1$/gm, '');
      expect(outsideCode, name).not.toMatch(/<\/?(script|style|iframe|svg)\b|javascript:|\son[a-z]+\s*=/i);
      expect(executableInRenderedMarkdown(document.markdown), name).toEqual([]);
      expect(outsideCode, name).not.toMatch(/(?<!\\)!\[[^\]]*\]\((?!assets\/)/);
    }
  });
});
