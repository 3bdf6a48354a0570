import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { insertLink, linkQueryAt } from './link-query';
import { lecternLinks, linkKeyOf } from './link-extension';

const DOC = '0123456789abcdef';
const HL = 'a1b2c3d4e5f60718';
const marked = new Marked({ gfm: true, async: false }, lecternLinks);
const render = (markdown: string) => marked.parse(markdown, { async: false });

describe('the marked extension', () => {
  it('renders a link as an in-page anchor with its escaped label', () => {
    const html = render(`See [[lectern:highlight/${DOC}/${HL}|<img src=x onerror=alert(1)> & "q"]].`);
    expect(html).toContain(
      `<a href="#lectern:highlight/${DOC}/${HL}">&#60;img src=x onerror=alert(1)&#62; &#38; &#34;q&#34;</a>`,
    );
    expect(html).not.toContain('<img');
  });

  it('leaves code, unfinished links and foreign wiki links alone', () => {
    const html = render(
      `\`[[lectern:doc/${DOC}]]\` and [[lectern:doc/${DOC}|open and [[Wiki]]\n\n    [[lectern:doc/${DOC}]]`,
    );
    expect(html).not.toContain('href');
  });

  it('shows a label-less or malformed link by its raw target', () => {
    expect(render(`[[lectern:doc/${DOC}]] [[lectern:video/x]]`)).toContain(
      `<a href="#lectern:video/x">video/x</a>`,
    );
  });

  it('reads the key back from the href', () => {
    expect(linkKeyOf(`#lectern:doc/${DOC}`)).toBe(`doc/${DOC}`);
    expect(linkKeyOf('#lectern:')).toBeNull();
    expect(linkKeyOf('https://example.com')).toBeNull();
  });
});

describe('the [[ query', () => {
  it('follows what is typed after [[ on the same line', () => {
    expect(linkQueryAt('About [[anna', 12)).toEqual({ start: 6, query: 'anna' });
    expect(linkQueryAt('About [[', 8)).toEqual({ start: 6, query: '' });
    expect(linkQueryAt('About [[anna]] and', 18)).toBeNull();
    expect(linkQueryAt('About [[an\nna', 13)).toBeNull();
    expect(linkQueryAt('[[lectern:doc/x', 15)).toBeNull();
    expect(linkQueryAt('no link', 7)).toBeNull();
  });

  it('inserts the stored link and puts the caret after it', () => {
    const text = 'About [[ann and more';
    const out = insertLink(text, 6, 11, { kind: 'doc', documentId: DOC }, 'Anna | Pávlovna');
    expect(out.text).toBe(`About [[lectern:doc/${DOC}|Anna \\| Pávlovna]] and more`);
    expect(out.text.slice(0, out.caret).endsWith(']]')).toBe(true);
  });
});
