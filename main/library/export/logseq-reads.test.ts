/**
 * The Logseq preset read by Logseq's own parser (mldoc): page properties from the front matter,
 * one block per highlight whose title is the quote as plain text (no task, macro, block reference,
 * maths, tag or link made from its words), its properties, and its note as a child block.
 */
import { Mldoc } from 'mldoc';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { newExportFile } from '../../../common/export/region';
import { renderDocumentExport } from '../../../common/export/render';
import { DOC_ID, HOSTILE_QUOTES, OPTIONS, document, highlight } from '../../../common/export/test-fixtures';
import type { ExportHighlight } from '../../../common/export/types';

/** What Logseq does with a block's first words and inline syntax, beyond CommonMark's. */
const LOGSEQ_QUOTES = [
  'NOW is the winter of our discontent',
  'TODO list of the day',
  'LATER, DONE, WAIT and IN-PROGRESS mean nothing here',
  'see ((6568a0b4-1111-2222-3333-444455556666)) above',
  '{{embed [[page]]}} and {{query (todo now)}}',
  'Note:: not a property',
  'a #tag and #[[multi word]]',
  '[#A] not a priority',
  '\\[x^2\\] and \\(y\\) not maths, nor $$z$$',
  'https://example.com/a_b_c is fine as a link',
];

const CONFIG = JSON.stringify({
  toc: false,
  parse_outline_only: false,
  heading_number: false,
  keep_line_break: true,
  format: 'Markdown',
  heading_to_list: false,
  exporting_keep_properties: true,
  inline_type_with_pos: false,
  inline_skip_macro: false,
  export_md_remove_options: [],
  hiccup_in_block: true,
  enable_drawers: true,
});

type Inline = [string, ...unknown[]];
type Node = [string, ...unknown[]];
interface Heading {
  title: Inline[];
  level: number;
  marker?: string;
}
interface Block {
  heading: Heading;
  properties: Map<string, string>;
  body: Node[];
}

/** The file as Logseq's parser reads it: page directives, and the blocks with what follows each. */
function readAsLogseq(text: string): { directives: Map<string, string>; blocks: Block[] } {
  const ast = JSON.parse(Mldoc.parseJson(text, CONFIG)) as [Node, unknown][];
  const directives = new Map<string, string>();
  const blocks: Block[] = [];
  for (const [node] of ast) {
    const last = blocks.at(-1);
    if (node[0] === 'Directive') directives.set(String(node[1]), String(node[2]));
    else if (node[0] === 'Heading')
      blocks.push({ heading: node[1] as Heading, properties: new Map(), body: [] });
    else if (node[0] === 'Property_Drawer' && last !== undefined && last.body.length === 0) {
      for (const [key, value] of node[1] as [string, string][]) last.properties.set(key, value);
    } else last?.body.push(node);
  }
  return { directives, blocks };
}

const plainText = (title: Inline[]): string =>
  title.map((inline) => (inline[0] === 'Plain' ? String(inline[1]) : `<${inline[0]}>`)).join('');

const hex = (n: number): string => n.toString(16).padStart(16, '0');

function exportOf(quotes: string[], extra: (n: number) => Partial<ExportHighlight> = () => ({})): string {
  const highlights = quotes.map((quote, n) =>
    highlight(hex(n + 1), quote, {
      position: { type: 'TextPositionSelector', start: n * 10, end: n * 10 + 5 },
      ...extra(n),
    }),
  );
  const doc = document(highlights, { title: 'War: "and" #Peace' });
  const rendered = renderDocumentExport(doc, OPTIONS, { preset: 'logseq', template: '' });
  if (!rendered.ok) throw new Error(rendered.message);
  return newExportFile(DOC_ID, rendered.value);
}

describe('the Logseq export, read by Logseq', () => {
  it('has the front matter as page properties with the same values', () => {
    const { directives } = readAsLogseq(exportOf(['Genoa and Lucca']));
    expect(parseYaml(directives.get('title') ?? '')).toBe('War: "and" #Peace');
    expect(parseYaml(directives.get('lectern-id') ?? '')).toBe(DOC_ID);
    expect(parseYaml(directives.get('tags') ?? '')).toEqual(['novels/russian', 'to-read']);
  });

  it('makes every quote one top-level block of plain text, in document order', () => {
    const quotes = [...HOSTILE_QUOTES, ...LOGSEQ_QUOTES].filter((quote) => !quote.includes('https://'));
    const { blocks } = readAsLogseq(exportOf(quotes));
    const top = blocks.filter((block) => block.heading.level === 1);
    expect(top).toHaveLength(quotes.length);
    top.forEach((block, n) => {
      const quote = quotes[n] ?? '';
      expect(block.heading.marker, quote).toBeUndefined();
      // What a reader sees: the zero-width space that keeps `\]` from closing maths is invisible.
      const seen = plainText(block.heading.title).replaceAll('\u200b', '');
      expect(seen, quote).toBe(quote.replace(/\s+/g, ' ').trim());
      expect(block.properties.get('color'), quote).toBe('yellow (Important)');
      expect(block.properties.get('lectern'), quote).toBe(
        `[Open in Lectern](lectern://open?doc=${DOC_ID}&highlight=${hex(n + 1)})`,
      );
    });
  });

  it('gives a highlight its tags as a property and its note as a child block that keeps its links', () => {
    const text = exportOf(['Genoa and Lucca', 'NOW is the winter'], (n) =>
      n === 0
        ? { tags: ['places/italy', 'war'], note: 'See [[lectern:note/aaaaaaaaaaaaaaaa]] and\n\n**this**' }
        : {},
    );
    const { blocks } = readAsLogseq(text);
    const [first, note, second] = blocks;
    expect(first?.properties.get('tags')).toBe('places/italy, war');
    expect(note?.heading.level).toBeGreaterThan(1);
    expect(plainText(note?.heading.title ?? [])).toBe('Note');
    const noteInlines = JSON.stringify(note?.body);
    expect(noteInlines).toContain('["Page_ref","Reading plan"]');
    expect(noteInlines).toContain('["Bold"]');
    expect(second?.heading.level).toBe(1);
    expect(plainText(second?.heading.title ?? [])).toBe('NOW is the winter');
  });
});
