import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type DomDocument, type DomElement, parseHtml } from './dom';
import { markTaskBoxes } from './page-prepass';
import { elementsByTag, nestingDepth, withTag } from './tag-walk';

const pagesDir = join(import.meta.dirname, '../../../../e2e/fixtures/web-pages');

const nameOf = (element: DomElement) => element.nodeName.toLowerCase();

/** Where the walk and `querySelectorAll` answer differently: none when they agree. */
function differences(root: Parameters<typeof elementsByTag>[0], tags: string[]): string[] {
  const walked = elementsByTag(root, tags);
  const selected = [...root.querySelectorAll(tags.join(','))];
  const differing = walked.filter((element, at) => selected[at] !== element);
  return walked.length === selected.length
    ? differing.map(nameOf)
    : [`${walked.length} ≠ ${selected.length}`];
}

describe('elementsByTag', () => {
  const html = `<html><body><div id="a"><p>One <b>two</b></p><template><p>inside</p><img></template>
    <table><tr><td><p>cell</p></td></tr></table><P>shouted</P><svg><p>odd</p></svg></div><p>after</p></body></html>`;

  it('finds what querySelectorAll finds, in the same order, never inside a template', () => {
    const document = parseHtml(html);
    for (const tags of [['p'], ['p', 'b'], ['td', 'tr', 'table'], ['template', 'img'], ['*'], ['P', 'B']])
      expect(differences(document, tags), tags.join()).toEqual([]);
    expect(elementsByTag(document, ['img'])).toHaveLength(0);
    expect(elementsByTag(document, ['p']).map((p) => p.textContent)).toEqual([
      'One two',
      'cell',
      'shouted',
      'odd',
      'after',
    ]);
  });

  it('looks only under the element it is given, and finds elements made with upper-case names', () => {
    const document = parseHtml(html);
    const container = document.querySelector('#a') as DomElement;
    const made = document.createElement('DIV');
    made.append(document.createTextNode('made'));
    container.append(made);
    expect(differences(container, ['div', 'p'])).toEqual([]);
    expect(elementsByTag(container, ['div'])).toEqual([made]);
    expect(elementsByTag(made, ['div'])).toEqual([]);
  });

  it('agrees with querySelectorAll over a whole real page', () => {
    const document = parseHtml(readFileSync(join(pagesDir, 'wikipedia', 'source.html'), 'utf8'));
    for (const tags of [['a'], ['h1', 'h2'], ['img', 'picture', 'figure'], ['*']])
      expect(differences(document, tags), tags.join()).toEqual([]);
  });
});

/** The nesting depth by recursion over `children` (what the chain walk must agree with). */
function depthByChildren(elements: Iterable<DomElement>): number {
  let deepest = 0;
  for (const element of elements) deepest = Math.max(deepest, 1 + depthByChildren(element.children));
  return deepest;
}

const topLevel = (document: DomDocument) => (document as unknown as { children: DomElement[] }).children;

describe('nestingDepth', () => {
  it('agrees with a recursive count on large pages of the fixtures', () => {
    for (const name of ['wikipedia', 'nytimes-1', 'mathjax', 'lwn-1', 'links-in-tables', 'rtl-1']) {
      const document = parseHtml(readFileSync(join(pagesDir, name, 'source.html'), 'utf8'));
      expect(nestingDepth(document, 10_000), name).toBe(depthByChildren(topLevel(document)));
    }
  });

  it('counts void elements, templates and elements made later, and stops once past the limit', () => {
    const document = parseHtml(
      '<html><body><div><template><p><b>deep</b></p></template><img><br></div><p>x</p></body></html>',
    );
    expect(nestingDepth(document, 100)).toBe(depthByChildren(topLevel(document)));
    const made = document.createElement('DIV');
    made.append(document.createElement('span'));
    document.querySelector('b')?.append(made);
    expect(nestingDepth(document, 100)).toBe(depthByChildren(topLevel(document)));
    const nested = parseHtml('<div>'.repeat(2000));
    expect(nestingDepth(nested, 600)).toBe(601);
  });

  it('gathers on the same walk what a walk for the tags finds, passing over template contents', () => {
    const tags = ['link', 'meta', 'img', 'mjx-container', 'input'];
    for (const name of ['wikipedia', 'mathjax', 'lazy-image-1']) {
      const document = parseHtml(readFileSync(join(pagesDir, name, 'source.html'), 'utf8'));
      const into: DomElement[] = [];
      expect(nestingDepth(document, 10_000, { tags: new Set(tags), into }), name).toBe(
        depthByChildren(topLevel(document)),
      );
      expect(into, name).toEqual(elementsByTag(document, tags));
    }
    const document = parseHtml(
      '<body><img id="a"><template><img id="t"><template><img id="tt"></template><img id="t2"></template><img id="b"></body>',
    );
    const into: DomElement[] = [];
    nestingDepth(document, 100, { tags: new Set(['img']), into });
    expect(into.map((image) => image.getAttribute('id'))).toEqual(['a', 'b']);
  });
});

describe('withTag', () => {
  it('picks one tag out of a walk for several, as a walk for that tag alone finds it', () => {
    const document = parseHtml(
      '<html><head><link rel="x"><meta name="y"></head><body><img><p><IMG><input></p></body></html>',
    );
    const found = elementsByTag(document, ['link', 'img', 'input']);
    for (const tag of ['img', 'link', 'input', 'meta'])
      expect(withTag(document, tag, found), tag).toEqual(
        tag === 'meta' ? [] : elementsByTag(document, [tag]),
      );
    expect(withTag(document, 'meta', undefined)).toHaveLength(1);
  });
});

describe('markTaskBoxes', () => {
  it('passes over a box taken out of the page after the walk that found it', () => {
    const document = parseHtml(
      '<html><body><ul><li><input type="checkbox" checked> kept</li><li><input type="CHECKBOX"> gone</li></ul></body></html>',
    );
    const found = elementsByTag(document, ['input']);
    found[1]?.closest('li')?.remove();
    markTaskBoxes(document, found);
    expect(elementsByTag(document, ['span']).map((mark) => mark.textContent)).toEqual(['[x]']);
    // Still a box in the list item taken out, not a mark.
    expect(found[1]?.parentElement?.nodeName).toBe('LI');
  });
});
