import { describe, expect, it } from 'vitest';
import { placeAnchors } from './article-cleanup';
import { type DomElement, parseHtml } from './dom';
import { openingHeading } from './opening-heading';

const bodyOf = (html: string): DomElement => {
  const body = parseHtml(`<html><body>${html}</body></html>`).querySelector('body');
  if (body === null) throw new Error('no body');
  return body;
};
const first = (html: string): DomElement => bodyOf(html).firstElementChild as DomElement;

describe('openingHeading', () => {
  it('finds the heading a chapter opens with, past a printed page number (Project Gutenberg EPUB)', () => {
    const section = first(`<section id="c3">
      <div class="center"><span epub:type="pagebreak" title="171" id="Page_171">171</span></div>
      <h3>INTRODUCTORY</h3><p>The difficulties of classification are very apparent here.</p></section>`);
    expect(openingHeading(section)?.textContent).toBe('INTRODUCTORY');
  });

  it('looks inside a header, and past DPUB-ARIA page breaks and empty elements', () => {
    const section = first(
      `<section><span role="doc-pagebreak">12</span><div></div><header><h2>Loomings</h2></header></section>`,
    );
    expect(openingHeading(section)?.textContent).toBe('Loomings');
  });

  it('is null when text, a picture or a table comes before the heading', () => {
    for (const html of [
      '<section><p>Call me Ishmael.</p><h2>Later</h2></section>',
      '<section>Loose words <h2>Later</h2></section>',
      '<section><img src="plate.png" alt=""><h2>Later</h2></section>',
      '<section><table><tr><td>1</td></tr></table><h2>Later</h2></section>',
      '<section><p>No heading at all</p></section>',
    ]) {
      expect(openingHeading(first(html)), html).toBeNull();
    }
  });
});

describe('placeAnchors', () => {
  it('puts a chapter container’s anchor in its opening heading, so the anchor starts that section', () => {
    const body = bodyOf(
      `<section id="c3"><div><span epub:type="pagebreak">171</span></div><h3>INTRODUCTORY</h3><p>Text.</p></section>`,
    );
    placeAnchors(body, new Set(['c3']), (id) => `x-${id}`);
    expect(body.querySelector('h3')?.firstElementChild?.getAttribute('id')).toBe('x-c3');
  });

  it('keeps the anchor at the start of a container that opens with prose', () => {
    const body = bodyOf(`<div id="note"><p>See the plate.</p><h3>After</h3></div>`);
    placeAnchors(body, new Set(['note']), (id) => id);
    expect(body.querySelector('div')?.firstElementChild?.getAttribute('id')).toBe('note');
  });
});
