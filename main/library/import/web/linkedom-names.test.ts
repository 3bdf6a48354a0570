import { DOMParser } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { type DomElement, parseHtml } from './dom';
import { installSharedTagNames } from './linkedom-names';

const names = (elements: Iterable<DomElement>) => [...elements].map((element) => element.nodeName);

describe('shared tag names', () => {
  it('are in place (a linkedom built otherwise fails here)', () => {
    parseHtml('<p>x</p>');
    expect(installSharedTagNames()).toBe(true);
  });

  it('name elements as linkedom does: upper-case in HTML, as written in XML', () => {
    const html = parseHtml('<div><mjx-container><p>x</p></mjx-container></div>');
    const p = html.querySelector('p') as DomElement & { tagName: string };
    expect([p.nodeName, p.tagName, html.querySelector('mjx-container')?.nodeName]).toEqual([
      'P',
      'P',
      'MJX-CONTAINER',
    ]);
    // The same string each time: one copy per name.
    expect(p.nodeName).toBe(html.querySelector('div')?.querySelector('p')?.nodeName);
    const xml = new DOMParser().parseFromString('<root><camelCase/></root>', 'text/xml');
    expect((xml.querySelector('camelCase') as unknown as DomElement).nodeName).toBe('camelCase');
    // Readability's elements, made with upper-case names, keep them.
    expect(html.createElement('DIV').nodeName).toBe('DIV');
  });

  it('find elements by tag name as linkedom does, in order, inside templates too', () => {
    const document = parseHtml(
      '<body><p id="a">a</p><div><p id="b">b <a href="#">x</a></p></div><template><p id="c">c</p></template></body>',
    );
    const ids = (list: Iterable<DomElement>) => [...list].map((element) => element.getAttribute('id'));
    expect(ids(document.getElementsByTagName('p'))).toEqual(['a', 'b', 'c']);
    // An upper-case name matches through the upper-cased names, as before.
    expect(ids(document.getElementsByTagName('P'))).toEqual(['a', 'b', 'c']);
    const div = document.querySelector('div') as DomElement;
    expect(names(div.getElementsByTagName('a'))).toEqual(['A']);
    expect(names(div.getElementsByTagName('Div'))).toEqual([]);
    // Still linkedom's list, with its methods.
    expect((div.getElementsByTagName('p') as unknown as { item(at: number): unknown }).item(0)).toBe(
      document.querySelector('#b'),
    );
    // An element made upper-case is found by neither spelling, as before.
    const made = document.createElement('SPAN');
    div.append(made);
    expect(div.getElementsByTagName('span')).toHaveLength(0);
    expect(div.getElementsByTagName('SPAN')).toHaveLength(1);
  });
});
