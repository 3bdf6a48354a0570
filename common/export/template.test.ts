import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { renderDocumentExport } from './render';
import { checkTemplate, namesIn } from './template';
import {
  DOC_ID,
  HOSTILE_QUOTES,
  OPTIONS,
  PARAGRAPH_1,
  PARAGRAPH_3,
  document,
  highlight,
} from './test-fixtures';
import type { ExportTemplateChoice } from '../../preload/api/export';

const markdownIt = new MarkdownIt({ html: true });
const hl = (n: number): string => n.toString(16).padStart(16, '0');
const custom = (template: string): ExportTemplateChoice => ({ preset: 'custom', template });

const DOC = document([
  highlight(hl(1), 'Genoa and Lucca are now just family estates', {
    color: 'green',
    tags: ['places/italy', 'war'],
    note: 'See [[lectern:note/aaaaaaaaaaaaaaaa]] and\n\n- a list\n- of two',
  }),
  highlight(hl(2), PARAGRAPH_3.slice(0, 30), { note: 'Short.' }),
]);

function body(choice: ExportTemplateChoice, doc = DOC): string {
  const rendered = renderDocumentExport(doc, OPTIONS, choice);
  if (!rendered.ok) throw new Error(`line ${rendered.line}: ${rendered.message}`);
  return rendered.value.body;
}

describe('export templates', () => {
  it('plain markdown: no block ids or wikilinks, markdown links to the exported files', () => {
    const plain = body({ preset: 'plain', template: '' });
    expect(plain).not.toMatch(/\^h-|\[\[/);
    expect(plain).toContain('[Reading plan](<Reading plan.md>)');
    expect(plain).toContain('Tags: places/italy, war');
    expect(plain).toMatch(/### CHAPTER I\n\n> Genoa and Lucca/);
    const html = markdownIt.render(plain);
    expect(html).toContain('<h1>War and Peace</h1>');
    expect(html.match(/<blockquote>/g)).toHaveLength(2);
  });

  it('Logseq: one top-level block per highlight with properties, its note a child block', () => {
    const outline = body({ preset: 'logseq', template: '' });
    const lines = outline.trimEnd().split('\n');
    // Every line is a top-level block, a property or an indented continuation of one.
    for (const line of lines) expect(line).toMatch(/^(- \S|  [a-z-]+:: \S|  - \S|    )/);
    const blocks = lines.filter((line) => line.startsWith('- '));
    expect(blocks).toEqual([
      '- Genoa and Lucca are now just family estates',
      `- ${PARAGRAPH_3.slice(0, 30).trim().replace(/\n/g, ' ')}`,
    ]);
    expect(outline).toContain('  tags:: places/italy, war\n');
    expect(outline).toContain('  color:: green (Idea)\n');
    expect(outline).toContain(
      `  lectern:: [Open in Lectern](lectern://open?doc=${DOC_ID}&highlight=${hl(1)})`,
    );
    expect(outline).toContain('  - Note\n    See [[Reading plan]] and\n    \n    - a list');
    // A second parser reads it as a list of two items.
    const items = markdownIt.parse(outline, {}).filter((t) => t.type === 'list_item_open' && t.level === 1);
    expect(items).toHaveLength(2);
  });

  it('a custom template renders the escaped values; hostile quotes stay inert text', () => {
    const hostile = document(HOSTILE_QUOTES.map((quote, n) => highlight(hl(n + 10), quote, { note: quote })));
    const text = body(custom('{{#highlights}}\n{{quote}}\n\n{{{note}}}\n\n{{/highlights}}'), hostile);
    const html = markdownIt.render(text);
    // Notes keep their markdown (lists, tables), but no live HTML and no headings.
    expect(html).not.toMatch(/<script|<img|<h1|<h2/);
    expect(text).not.toMatch(/^<!-- lectern:end -->/m);
  });

  it('values holding Mustache or front-matter syntax come out as text, never rendered again', () => {
    const doc = document(
      [
        highlight(hl(3), '{{title}} and {{#highlights}}x{{/highlights}}', {
          note: '{{{note}}} --- <!-- lectern:end -->',
        }),
      ],
      { title: 'Line one\n---\n# {{title}}', author: '<b>me</b>' },
    );
    const text = body(
      custom('# {{title}}\nBy {{author}}\n{{#highlights}}\n{{quote}}\n{{note}}\n{{/highlights}}'),
      doc,
    );
    // `{{` is escaped too (Logseq runs `{{macros}}`); every reader shows the braces as written.
    expect(text).toContain('> {\\{title}} and {\\{\\#highlights}}x{\\{/highlights}}');
    expect(text).toContain('{{{note}}} --- \\<!-- lectern:end -->');
    expect(text.split('\n')[0]).toBe('# Line one --- \\# {\\{title}}');
    const html = markdownIt.render(text);
    expect(html).not.toContain('<b>');
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(html).not.toContain('<hr');
  });

  it('a hostile template cannot reach prototypes, partials, or multiply lists', () => {
    for (const template of [
      '{{constructor}}',
      '{{#highlights}}{{__proto__}}{{/highlights}}',
      '{{highlights.length}}',
    ])
      expect(checkTemplate(template)).toMatchObject({ ok: false, line: 1 });
    expect(
      checkTemplate('{{#title.constructor.constructor}}return 1{{/title.constructor.constructor}}').ok,
    ).toBe(false);
    expect(checkTemplate('{{> evil}}')).toMatchObject({ ok: false, message: /partials/ });
    expect(checkTemplate('{{#highlights}}\n{{#highlights}}x{{/highlights}}\n{{/highlights}}')).toMatchObject({
      ok: false,
      line: 2,
      message: /inside “highlights”/,
    });
    expect(checkTemplate('a\n<!-- lectern:end -->')).toMatchObject({ ok: false, line: 2 });
  });

  it('a template error points at its line', () => {
    expect(checkTemplate('# {{title}}\n\n{{#highlights}}\n{{quote}}\n')).toMatchObject({
      ok: false,
      line: 3,
    });
    expect(checkTemplate('# {{title}}\n{{/sections}}\n')).toMatchObject({ ok: false, line: 2 });
    expect(checkTemplate('# {{title}}\n\n\n{{quote')).toMatchObject({ ok: false, line: 4 });
    expect(checkTemplate('ok\n{{titel}}')).toMatchObject({ ok: false, line: 2, message: /“titel”/ });
    const rendered = renderDocumentExport(DOC, OPTIONS, custom('{{#sections}}'));
    expect(rendered).toMatchObject({ ok: false, line: 1 });
  });

  it('every preset keeps the same front matter (the Lectern id re-export relies on)', () => {
    const fronts = (['obsidian', 'logseq', 'plain'] as const).map((preset) => {
      const rendered = renderDocumentExport(DOC, OPTIONS, { preset, template: '' });
      return rendered.ok ? rendered.value.frontMatter : '';
    });
    expect(new Set(fronts).size).toBe(1);
    expect(fronts[0]).toContain(`lectern-id: "${DOC_ID}"`);
    expect(PARAGRAPH_1.length).toBeGreaterThan(0);
  });

  it('works out a quote only in the forms the template reads, each as the full view has it', () => {
    const quoted = 'Genoa *and* Lucca\n\n1. are now';
    const doc = document([highlight(hl(3), quoted)]);
    const both = body(custom('{{#highlights}}[{{quote}}]({{quoteText}}){{/highlights}}'), doc);
    const quoteOnly = body(custom('{{#highlights}}[{{quote}}](){{/highlights}}'), doc);
    const textOnly = body(custom('{{#highlights}}[]({{quoteText}}){{/highlights}}'), doc);
    expect(both).toBe('[> Genoa \\*and\\* Lucca\n>\n> 1\\. are now](Genoa \\*and\\* Lucca 1. are now)\n');
    expect(quoteOnly).toBe(`${both.slice(0, both.indexOf('](') + 2)})\n`);
    expect(textOnly).toBe(`[${both.slice(both.indexOf(']('))}`);
    expect(namesIn('{{#highlights}}{{quoteText}}{{/highlights}}{{a.b}}')).toEqual(
      new Set(['highlights', 'quoteText', 'a', 'b']),
    );
  });
});
