import { describe, expect, it } from 'vitest';
import { convertWebPage } from './convert-web-page';
import type { ConvertedDocument } from './converted-document';
import { localRelativePath } from './page-images';
import { executableInRenderedMarkdown } from './token-agreement';

const encode = (text: string) => new TextEncoder().encode(text);
// A real 1×1 PNG: the converter trusts bytes, not names.
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
    'base64',
  ),
);
const PROSE = `<p>Call me Ishmael. Some years ago, never mind how long precisely, having little or no money
in my purse, and nothing particular to interest me on shore, I thought I would sail about a little and
see the watery part of the world. It is a way I have of driving off the spleen and regulating the
circulation.</p>`.repeat(3);

/** PROSE inside `depth` nested divs. */
const nested = (depth: number) => `${'<div>'.repeat(depth)}${PROSE}${'</div>'.repeat(depth)}`;

function page(body: string, head = '<title>Loomings</title>'): Uint8Array {
  return encode(
    `<!doctype html><html lang="en"><head>${head}</head><body><article>${body}</article></body></html>`,
  );
}

function converted(bytes: Uint8Array, readSibling?: (path: string) => Uint8Array | null): ConvertedDocument {
  const result = convertWebPage('Loomings.html', bytes, readSibling);
  if ('ok' in result) throw new Error(result.message);
  return result;
}

describe('a hostile page', () => {
  const hostile = page(`${PROSE}
    <script>alert(1)</script><style>p{color:red}</style><iframe src="https://evil.test"></iframe>
    <p onclick="steal()">Click <a href="javascript:alert(2)">here</a> or <a href="JaVaScRiPt&colon;x">there</a>.</p>
    <p>Markup as text: &lt;script&gt;alert(3)&lt;/script&gt; and &amp;lt;b&amp;gt;</p>
    <svg><script>alert(4)</script></svg><img src="x" onerror="alert(5)" alt="a cat">
    <form><input type="text" value="secret"><button>Send</button></form>`);

  it('keeps a table markdown cannot express as HTML, cleaned of handlers and script URLs', () => {
    const { markdown } = converted(
      page(`${PROSE}<table onmouseover="steal()" style="x"><tr><th>Ship</th></tr>
        <tr><td><ul><li><a href="javascript:alert(1)" onclick="x()">Pequod</a></li>
        <li><img src="https://evil.test/track.gif" onerror="alert(2)" alt="tracker"></li></ul></td></tr></table>`),
    );
    expect(markdown).toMatch(/<table>[^]*Pequod[^]*<\/table>/);
    expect(executableInRenderedMarkdown(markdown)).toEqual([]);
    expect(markdown).not.toMatch(/steal|alert|onclick|onmouseover|style=|evil\.test/);
    // The check above can fail: it finds what would run.
    expect(
      executableInRenderedMarkdown(
        '<table onclick="x()"><tr><td><a href="javascript:y()">a</a></td></tr></table>',
      ),
    ).toEqual(['onclick="x()"', 'href="javascript:y()"']);
  });

  it('leaves nothing executable in the markdown, and keeps the words', () => {
    const { markdown } = converted(hostile);
    expect(markdown).not.toMatch(/<(script|style|iframe|svg|form|input|button)/i);
    expect(executableInRenderedMarkdown(markdown)).toEqual([]);
    expect(markdown).not.toMatch(/javascript|onclick|onerror|alert\([1245]\)|steal/i);
    expect(markdown).toContain('Click here or there.');
    // Tags written as text stay text: escaped, so marked never turns them into elements.
    expect(markdown).toContain('&lt;script>alert(3)&lt;/script> and &amp;lt;b&amp;gt;');
    expect(markdown).toContain('\\[image not saved: a cat\\]');
  });
});

describe('what a page keeps', () => {
  it('fences code with its language, and keeps tables, strikethrough and task lists as GFM', () => {
    const { markdown } = converted(
      page(`${PROSE}<pre class="lang-python"><code>def whale():\n    return "\`\`\`"</code></pre>
        <div class="highlight-source-rust"><pre>fn main() {}</pre></div>
        <pre class="language-c"><code><span>#include &lt;stdio.h&gt;</span><br><br>int main;</code></pre>
        <table><thead><tr><th>Ship</th><th>Captain</th></tr></thead>
        <tbody><tr><td>Pequod</td><td>Ahab</td></tr><tr><td>Rachel</td><td>Gardiner</td></tr></tbody></table>
        <table><thead><tr><th>Year</th><th>Event</th></tr><tr><th>1851</th><th>Published</th></tr></thead>
        <tbody><tr><td>1852</td><td>Reviewed</td></tr></tbody></table>
        <p><del>Old</del> new</p><ul><li><input type="checkbox" checked> harpoons</li><li><input type="checkbox"> rope</li></ul>`),
    );
    expect(markdown).toContain('````python\ndef whale():\n    return "```"\n````');
    expect(markdown).toContain('```rust\nfn main() {}\n```');
    expect(markdown).toMatch(/```c\n#include <stdio.h>\n+int main;\n```/);
    expect(markdown).toMatch(/\| Ship \| Captain \|\n\| --- \| --- \|\n\| Pequod \| Ahab \|/);
    expect(markdown).toContain('~~Old~~ new');
    expect(markdown.match(/\| --- \|/g)).toHaveLength(2);
    expect(markdown).toMatch(/- +\[x\] +harpoons\n- +\[ \] +rope/);
  });

  it('keeps footnotes as working in-document links, with ids safe to write as HTML', () => {
    const { markdown } = converted(
      page(`${PROSE}<p>The whale<sup><a href="#fn:1" id="ref:1">1</a></sup> is large.</p>
        <ol><li id="fn:1">A mammal, not a fish. <a href="#ref:1">↩</a></li></ol>
        <p><a href="#nowhere-&quot;onmouseover=x">broken</a></p>`),
    );
    expect(markdown).toContain('[1](#fn-1)');
    expect(markdown).toContain('<a id="fn-1"></a>A mammal, not a fish. [↩](#ref-1)');
    expect(markdown).toContain('<a id="ref-1"></a>');
    expect(markdown).not.toMatch(/onmouseover=x"/);
  });

  it('makes relative links absolute against where the page was saved from, and drops them otherwise', () => {
    const withSource = converted(
      page(
        `${PROSE}<p><a href="/chapter-2">Next</a></p>`,
        '<link rel="canonical" href="https://example.org/moby/1">',
      ),
    );
    expect(withSource.markdown).toContain('[Next](https://example.org/chapter-2)');
    expect(withSource.metadata.sourceUrl).toBe('https://example.org/moby/1');
    const withoutSource = converted(page(`${PROSE}<p><a href="/chapter-2">Next</a></p>`));
    expect(withoutSource.markdown).toContain('Next');
    expect(withoutSource.markdown).not.toContain('](/chapter-2)');
  });

  it('copies the pictures of a "Web page, complete" save, and never reads outside its folder', () => {
    const asked: string[] = [];
    const readSibling = (path: string) => {
      asked.push(path);
      return path === 'Loomings_files/whale%.png'
        ? PNG
        : path === 'Loomings_files/fake.png'
          ? encode('<svg/>')
          : null;
    };
    const document = converted(
      page(`${PROSE}<img src="./Loomings_files/whale%25.png" alt="A whale">
        <img src="Loomings_files/fake.png" alt="Not a picture"><img src="../../etc/passwd" alt="x">
        <img src="/etc/passwd" alt="y"><img src="https://example.org/remote.jpg" alt="Remote">`),
      readSibling,
    );
    expect(asked).toEqual(['Loomings_files/whale%.png', 'Loomings_files/fake.png']);
    expect(document.assets).toHaveLength(1);
    expect(document.assets[0]?.mediaType).toBe('image/png');
    expect(document.markdown).toContain(`![A whale](assets/${document.assets[0]?.name})`);
    expect(document.markdown).toContain('\\[image not saved: Not a picture\\]');
    expect(document.markdown).toContain('\\[image not saved: Remote\\]');
    expect(document.markdown).not.toContain('example.org/remote.jpg');
  });

  it('reads a page in its declared character set', () => {
    const latin1 = Uint8Array.from([
      ...encode('<html><head><meta charset="iso-8859-1"><title>Caf'),
      0xe9,
      ...encode(`</title></head><body><article>${PROSE}</article></body></html>`),
    ]);
    expect(converted(latin1).title).toBe('Café');
  });
});

function refusal(name: string, bytes: Uint8Array) {
  const result = convertWebPage(name, bytes);
  if (!('ok' in result)) throw new Error(`${name} was imported`);
  return result;
}

describe('bad input is refused with a reason', () => {
  it('refuses an empty file, a binary one renamed .html, and text with no markup', () => {
    expect(refusal('empty.html', new Uint8Array())).toMatchObject({
      code: 'empty',
      message: '“empty.html” is empty.',
    });
    expect(refusal('photo.html', PNG).code).toBe('binary');
    expect(refusal('notes.htm', encode('just some words, no tags at all')).code).toBe('unreadable');
  });

  it('refuses 100,000 unclosed <div>s before parsing them, and 5,000 nested ones after', () => {
    const wide = refusal('divs.html', encode('<div>'.repeat(100_000)));
    expect(wide).toMatchObject({ code: 'unreadable', message: expect.stringMatching(/100000 elements/) });
    const deep = refusal('deep.html', encode(`${'<div>'.repeat(5_000)}${PROSE}`));
    expect(deep).toMatchObject({ code: 'unreadable', message: expect.stringMatching(/more than 512 deep/) });
  });

  it('finds a deep branch that comes after shallow ones, and lets one nested just short of the bound through', () => {
    const shallow = '<section><p>Chapter one.</p><ul><li>one</li><li>two</li></ul></section>';
    const late = refusal('late.html', encode(`${shallow.repeat(3)}${nested(600)}${shallow}`));
    expect(late).toMatchObject({ code: 'unreadable', message: expect.stringMatching(/more than 512 deep/) });
    // html, body and 500 divs: 502 levels, within the bound.
    expect(converted(encode(`${shallow}${nested(500)}${shallow}`)).markdown).toContain('Call me Ishmael.');
  });

  it('refuses a page with more elements than a page has', () => {
    expect(refusal('wide.html', encode('<p>a</p>'.repeat(70_000))).message).toMatch(/70000 elements/);
  });

  it('reads malformed HTML as a browser would, and refuses it when it holds no article', () => {
    const unclosed = convertWebPage(
      'unclosed.html',
      encode(`<html><head><title>Loomings</title><body><div><p>${PROSE}<b>bold<i>both</b><p>`),
    );
    expect('ok' in unclosed ? unclosed.message : unclosed.markdown).toContain('Call me Ishmael');
    const result = refusal('broken.html', encode('<html><body></b></i><p></p><table><td> </table></body>'));
    expect(result).toMatchObject({ code: 'empty' });
    expect(result.message).toContain('broken.html');
  });
});

describe('local picture paths', () => {
  it('accepts plain relative paths only', () => {
    expect(localRelativePath('a_files/b%20c.png?x=1')).toBe('a_files/b c.png');
    for (const path of [
      '../x.png',
      'a/../../x.png',
      '/x.png',
      'C:\\x.png',
      'a%5C..%5Cx.png',
      'file:///x',
      '//h/x',
      '',
    ])
      expect(localRelativePath(path), path).toBeNull();
  });
});
