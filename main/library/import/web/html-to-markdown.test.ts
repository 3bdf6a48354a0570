import { describe, expect, it } from 'vitest';
import { type DomElement, parseHtml } from './dom';
import { elementToMarkdown } from './html-to-markdown';

const body = (html: string): DomElement => {
  const found = parseHtml(`<html><body>${html}</body></html>`).querySelector('body');
  if (found === null) throw new Error('no body');
  return found;
};

/** A cell of fifty bold words and the row's number. */
const cell = (row: number) => `<td>${'<b>x</b> '.repeat(50)}${row}</td>`;

describe('elementToMarkdown', () => {
  it('reads a code block’s lines from its breaks and blocks without changing it', () => {
    const element = body('<pre><code><div>one</div><p>two<br>three</p><span>four</span></code></pre>');
    expect(elementToMarkdown(element)).toBe('```\none\n\ntwo\nthree\nfour\n```');
    expect(element.querySelectorAll('br, p, div')).toHaveLength(3);
  });

  it('turns a table whose cells hold many nodes into rows, and a table of tables into its cells', () => {
    const rows = Array.from({ length: 3 }, (_, row) => `<tr>${cell(row)}<td>${row}</td></tr>`).join('');
    const markdown = elementToMarkdown(
      body(`<table><tr><th>Words</th><th>Row</th></tr>${rows}</table>
        <table><tr><td><table><tr><td>inner</td><td>cells</td></tr></table></td></tr></table>`),
    );
    expect(markdown).toMatch(/^\| Words \| Row \|\n\| --- \| --- \|\n\| (\*\*x\*\* ){50}0 \| 0 +\|\n/);
    // The outer table of the second is dropped; the inner one gets an empty heading row.
    expect(markdown).toMatch(/\n\n\| +\| +\|\n\| --- \| --- \|\n\| inner \| cells \|$/);
    expect(markdown.match(/^\|/gm)).toHaveLength(5 + 3);
  });

  it('lists children afresh once it is done, and leaves the element its own cloneNode', () => {
    const element = body('<p>Call me <em>Ishmael</em>.</p>');
    expect(elementToMarkdown(element)).toBe('Call me *Ishmael*.');
    expect(element.childNodes).not.toBe(element.childNodes);
    expect(Object.hasOwn(element, 'cloneNode')).toBe(false);
    expect((element as unknown as { cloneNode(deep: boolean): DomElement }).cloneNode(true)).not.toBe(
      element,
    );
  });
});
