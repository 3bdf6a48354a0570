import { describe, expect, it } from 'vitest';
import { type DomElement, parseHtml } from './dom';
import { TagIndex, answerFromIndex } from './tag-index';
import { elementsByTag } from './tag-walk';

const ids = (elements: readonly DomElement[] | null) =>
  elements?.map((element) => element.getAttribute('id'));

describe('TagIndex', () => {
  const page = () =>
    parseHtml(`<html><head><style id="s1"></style></head><body>
      <div id="d1"><br id="b1"><font id="f1">a<br id="b2"></font><script id="x1"></script></div>
      <noscript id="n1"><br id="b3"></noscript><template><br id="t1"></template><br id="b4"></body></html>`);

  it('answers as a walk of the page does, for the root asked about', () => {
    const document = page();
    const index = new TagIndex(document, new Set(['br', 'font', 'style', 'script', 'noscript']));
    const div = document.querySelector('#d1') as DomElement;
    expect(ids(index.under(document, ['br']))).toEqual(ids(elementsByTag(document, ['br'])));
    expect(ids(index.under(document, ['br']))).toEqual(['b1', 'b2', 'b3', 'b4']);
    expect(ids(index.under(div, ['BR', 'script']))).toEqual(['b1', 'b2', 'x1']);
    expect(ids(index.under(document, ['style']))).toEqual(['s1']);
    // A tag it was not made for is not answered (the caller walks).
    expect(index.under(document, ['br', 'p'])).toBeNull();
  });

  it('passes over what was taken out, and keeps the order of what was moved', () => {
    const document = page();
    const index = new TagIndex(document, new Set(['br', 'font']));
    document.querySelector('#n1')?.remove();
    const font = document.querySelector('#f1') as DomElement;
    const span = document.createElement('span');
    font.replaceWith(span);
    span.append(...font.childNodes);
    expect(ids(index.under(document, ['br']))).toEqual(['b1', 'b2', 'b4']);
    expect(ids(index.under(document, ['br']))).toEqual(ids(elementsByTag(document, ['br'])));
    expect(index.under(document, ['font'])).toEqual([]);
  });

  it('answers the page’s getElementsByTagName for its tags, templates included, until put back', () => {
    const document = page();
    const release = answerFromIndex(document, new TagIndex(document, new Set(['br']), true));
    document.querySelector('#b1')?.remove();
    expect(ids([...document.getElementsByTagName('br')])).toEqual(['b2', 'b3', 't1', 'b4']);
    // Other tags, and names in capitals, are linkedom's to answer.
    expect(ids([...document.getElementsByTagName('font')])).toEqual(['f1']);
    expect(document.getElementsByTagName('BR')).toHaveLength(4);
    release();
    expect(Object.getOwnPropertyNames(document)).not.toContain('getElementsByTagName');
    expect(ids([...document.getElementsByTagName('br')])).toEqual(['b2', 'b3', 't1', 'b4']);
  });
});
