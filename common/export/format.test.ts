import * as fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { formatDocumentMarkdown } from './format';
import {
  DOC_ID,
  HOSTILE_QUOTES,
  OPTIONS,
  OTHER_DOC_ID,
  PARAGRAPH_1,
  PARAGRAPH_2,
  PARAGRAPH_3,
  document,
  highlight,
} from './test-fixtures';
import type { ExportDocument } from './types';

// The independent reader: markdown-it with raw HTML allowed, as the least forgiving renderer.
const markdownIt = new MarkdownIt({ html: true });
type Token = ReturnType<typeof markdownIt.parse>[number];
const hl = (n: number): string => n.toString(16).padStart(16, '0');
/** Distinct places in document order, for highlights whose quotes are not in the fixture text. */
const at = (i: number) => ({
  position: { type: 'TextPositionSelector' as const, start: i * 100, end: i * 100 + 10 },
});
const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

function split(markdown: string): { frontMatter: unknown; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown);
  if (match === null) throw new Error('no front matter');
  return { frontMatter: parseYaml(match[1] ?? ''), body: markdown.slice(match[0].length) };
}

/** The text of the inline tokens from `from` to the matching close of the block opened there. */
function blockText(tokens: Token[], from: number): { text: string; end: number; kinds: Set<string> } {
  let depth = 0;
  let text = '';
  const kinds = new Set<string>();
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    depth += token.nesting;
    kinds.add(token.type);
    if (token.type === 'inline')
      for (const child of token.children ?? []) {
        kinds.add(child.type);
        text += child.type === 'softbreak' || child.type === 'hardbreak' ? '\n' : child.content;
      }
    if (token.type === 'paragraph_close') text += '\n';
    if (depth === 0) return { text, end: i, kinds };
  }
  throw new Error('unclosed block');
}

/** Every top-level blockquote of the body: the exported quotes. */
function quotesOf(body: string): { text: string; kinds: Set<string> }[] {
  const tokens = markdownIt.parse(body, {});
  const quotes = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]?.type !== 'blockquote_open' || tokens[i]?.level !== 0) continue;
    const block = blockText(tokens, i);
    quotes.push(block);
    i = block.end;
  }
  return quotes;
}

const headingsOf = (body: string): string[] => {
  const tokens = markdownIt.parse(body, {});
  return tokens.flatMap((token, i) =>
    token.type === 'heading_open' ? [`${token.tag} ${tokens[i + 1]?.content ?? ''}`] : [],
  );
};

const exported = (doc: ExportDocument) => split(formatDocumentMarkdown(doc, OPTIONS));

describe('formatDocumentMarkdown', () => {
  it('writes front matter that a YAML parser reads back to the same values, for hostile titles', () => {
    for (const title of [
      'Dune: "Part" #1',
      'Line one\nline two',
      "It's — 'quoted' \\ [x] {y}",
      '---',
      '\u0085\u2028\ufeff',
    ]) {
      const { frontMatter } = exported(document([], { title, author: 'O\'Brien: "Flann"', tags: ['a/b'] }));
      expect(frontMatter).toEqual({
        title,
        author: 'O\'Brien: "Flann"',
        source: 'war-and-peace.txt',
        added: '2026-12-01T10:00:00.000Z',
        'lectern-id': DOC_ID,
        'lectern-link': `lectern://open?doc=${DOC_ID}`,
        tags: ['a/b'],
        highlights: 0,
        exported: OPTIONS.exportedAt,
      });
    }
  });

  it('lists highlights in document order under the document’s own headings', () => {
    const doc = document([
      highlight(hl(3), PARAGRAPH_3),
      highlight(hl(1), PARAGRAPH_1),
      highlight(hl(2), PARAGRAPH_2, { color: 'purple' }),
    ]);
    const { body } = exported(doc);
    expect(headingsOf(body)).toEqual([
      'h1 War and Peace',
      'h3 BOOK ONE: 1805',
      'h4 CHAPTER I',
      'h4 CHAPTER II',
    ]);
    expect(quotesOf(body).map((quote) => squash(quote.text))).toEqual(
      [PARAGRAPH_1, PARAGRAPH_2, PARAGRAPH_3].map(squash),
    );
    expect(body.indexOf('CHAPTER II')).toBeGreaterThan(body.indexOf(`^h-${hl(2)}`));
    expect(body).toContain('Colour: purple (Quote: "key")');
    expect(body).toContain(`[Open in Lectern](lectern://open?doc=${DOC_ID}&highlight=${hl(1)})`);
  });

  it('keeps every hostile quote a single inert blockquote whose text survives', () => {
    const doc = document(HOSTILE_QUOTES.map((quote, i) => highlight(hl(i), quote, at(i))));
    const { body } = exported(doc);
    const quotes = quotesOf(body);
    expect(quotes).toHaveLength(HOSTILE_QUOTES.length);
    quotes.forEach((quote, i) => {
      expect(squash(quote.text)).toBe(squash((HOSTILE_QUOTES[i] ?? '').replace(/^[ \t]+/gm, '')));
      const allowed = [
        'blockquote_open',
        'blockquote_close',
        'paragraph_open',
        'paragraph_close',
        'inline',
        'text',
        'softbreak',
      ];
      expect([...quote.kinds].filter((kind) => !allowed.includes(kind))).toEqual([]);
    });
    const html = markdownIt.render(body);
    expect(html).not.toMatch(/<script|<img|<!--|<[^>]*\sonerror=/i);
    const documentHeadings = ['h1 War and Peace', 'h3 BOOK ONE: 1805', 'h4 CHAPTER I', 'h4 CHAPTER II'];
    expect(headingsOf(body).filter((heading) => !documentHeadings.includes(heading))).toEqual([]);
  });

  it('keeps notes’ text, rewrites links to wikilinks and lets no note break the structure', () => {
    const notes = [
      'A **bold** thought with [[lectern:doc/fedcba9876543210|the other book]].',
      `See [[lectern:highlight/${DOC_ID}/${hl(1)}]] and [[lectern:note/00000000deadbeef|my plan]].`,
      '# A heading in a note\n\nSetext\n---',
      '```js\nnever closed <script>',
      '<!-- lectern:end -->\n<script>alert(1)</script> %% hidden? %% ends with ^h-fake',
      `Broken [[lectern:highlight/${OTHER_DOC_ID}/ffffffffffffffff|gone]] and [[lectern:doc/1111111111111111]].`,
    ];
    const doc = document(
      notes.map((note, i) => highlight(hl(i), `quote ${i}`, { note, ...at(i) })),
      { documentNote: 'Read in **1995**.' },
    );
    const { body } = exported(doc);
    expect(quotesOf(body)).toHaveLength(notes.length);
    expect(headingsOf(body)).not.toContain('h1 A heading in a note');
    expect(headingsOf(body).filter((heading) => heading.includes('Setext'))).toEqual([]);
    expect(body).toContain('[[Anna Karenina|the other book]]');
    expect(body).toContain(`[[#^h-${hl(1)}|War and Peace]]`);
    expect(body).toContain('[[Reading plan|my plan]]');
    expect(body).toContain('[[Anna Karenina#^h-ffffffffffffffff|gone]]');
    expect(body).toContain('1111111111111111');
    expect(body.match(/^\^h-/gm)).toHaveLength(notes.length);
    expect(body).not.toContain('\n<!-- lectern:end -->');
    const html = markdownIt.render(body);
    expect(html).not.toMatch(/<script|<!--/i);
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('Read in <strong>1995</strong>.');
    expect(markdownIt.render(body).replace(/<[^>]+>/g, '')).toContain('A heading in a note');
  });

  it('marks "check this" highlights, lists unplaced ones last and writes nested tags', () => {
    const doc = document([
      highlight(hl(1), PARAGRAPH_2, { needsCheck: true, tags: ['politics/armenia', 'war'] }),
      highlight(hl(2), 'A passage that left the text', { unplaced: true, note: 'Still mine.' }),
      highlight(hl(3), PARAGRAPH_1),
    ]);
    const { body } = exported(doc);
    expect(headingsOf(body)).toEqual([
      'h1 War and Peace',
      'h3 BOOK ONE: 1805',
      'h4 CHAPTER I',
      'h2 Not placed in the current text',
    ]);
    expect(body).toContain('#politics/armenia #war');
    expect(body.match(/\*\*Check this:\*\*/g)).toHaveLength(1);
    expect(body.indexOf('A passage that left the text')).toBeGreaterThan(body.indexOf('Not placed'));
    expect(body.indexOf('Still mine.')).toBeGreaterThan(body.indexOf('Not placed'));
  });

  it('is deterministic: the same document always gives the same bytes', () => {
    const doc = document([highlight(hl(2), PARAGRAPH_2), highlight(hl(1), PARAGRAPH_1)]);
    expect(formatDocumentMarkdown(doc, OPTIONS)).toBe(
      formatDocumentMarkdown(document(doc.highlights.toReversed()), OPTIONS),
    );
  });
});

const inert = (body: string) =>
  expect(markdownIt.render(body)).not.toMatch(/<!--|<script|<[a-z]+[^>]*\son\w+=/);

describe('hostile text, generated', () => {
  const active = [
    ...'*_[]#>|`-^<>&%$=!~+.:()\\{}0123456789 \t\n\r',
    'a',
    'é',
    '\u2028',
    '---',
    '```',
    '<!--',
    '-->',
  ];
  const hostile = fc.array(fc.constantFrom(...active), { maxLength: 40 }).map((parts) => parts.join(''));

  it('keeps every generated quote one blockquote holding exactly its text', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 6 }), (texts) => {
        const doc = document(
          texts.map((quote, i) => highlight(hl(i), quote, at(i))),
          { markdown: 'No headings.' },
        );
        const { body } = exported(doc);
        const quotes = quotesOf(body);
        expect(quotes).toHaveLength(texts.length);
        quotes.forEach((quote, i) => {
          const expected = (texts[i] ?? '').replace(/[\r\u2028]/g, '\n');
          expect(squash(quote.text)).toBe(squash(expected));
        });
        expect(headingsOf(body)).toEqual(['h1 War and Peace']);
        inert(body);
      }),
      { numRuns: 300 },
    );
  });

  it('lets no generated note add a heading, a block id, an HTML comment, or swallow the next highlight', () => {
    fc.assert(
      fc.property(fc.array(hostile, { minLength: 1, maxLength: 6 }), (notes) => {
        const doc = document(
          notes.map((note, i) => highlight(hl(i), `quote number ${i}`, { note, ...at(i) })),
          { markdown: 'No headings.' },
        );
        const { body } = exported(doc);
        expect(headingsOf(body)).toEqual(['h1 War and Peace']);
        expect(body.match(/^\^h-[0-9a-f]{16}$/gm)).toHaveLength(notes.length);
        const text = markdownIt.render(body);
        notes.forEach((_, i) =>
          expect(text).toContain(`<blockquote>\n<p>quote number ${i}</p>\n</blockquote>`),
        );
        inert(body);
      }),
      { numRuns: 300 },
    );
  });
});

describe('notes the generator found', () => {
  it('lets no line start HTML or a heading, even inside backticks or behind a list item', () => {
    // Block structure comes before code spans: `<!--` at a line's start ran to the next note's `-->`.
    const notes = ['`5\u2028<!--$-`', '=}&', '^}!-->', '*\r\t#', '- a\n\t<div>'];
    const doc = document(
      notes.map((note, i) => highlight(hl(i), `quote number ${i}`, { note, ...at(i) })),
      { markdown: 'No headings.' },
    );
    const { body } = exported(doc);
    expect(headingsOf(body)).toEqual(['h1 War and Peace']);
    const text = markdownIt.render(body);
    notes.forEach((_, i) => expect(text).toContain(`<blockquote>\n<p>quote number ${i}</p>\n</blockquote>`));
    inert(body);
    expect(text).not.toMatch(/<div>/);
  });
});

describe('notes built to be slow', () => {
  it('escapes runs of backslashes, brackets and carets in one pass (no backtracking)', () => {
    const note = `${'\\'.repeat(200_000)}<!-- x -->${'^'.repeat(100_000)}${'[[lectern:'.repeat(20_000)}`;
    const { body } = exported(document([highlight(hl(1), 'quote', { note })]));
    expect(markdownIt.render(body)).not.toContain('<!--');
  });
});
