// Readability's internals are named with a leading underscore; these tests call them by name.
/* oxlint-disable no-underscore-dangle */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { describe, expect, it } from 'vitest';
import { type DomElement, parseHtml } from './dom';
import { LeanReadability } from './lean-readability';

const pagesDir = join(import.meta.dirname, '../../../../e2e/fixtures/web-pages');

type Check = (this: unknown, node: DomElement, matchString: string) => boolean;
const CHECKS = ['_isValidByline', '_isElementWithoutContent', '_isProbablyVisible'] as const;

const original = (name: (typeof CHECKS)[number]): Check =>
  (Readability.prototype as unknown as Record<string, Check>)[name] as Check;

/** Every element of the page, with the lean and the original answer of each check. */
function disagreements(html: string): string[] {
  const document = parseHtml(html);
  const lean = new LeanReadability(document as never) as unknown as Record<string, Check>;
  const found: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    const matchString = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    for (const check of CHECKS) {
      // Readability answers some with '' or undefined where it means false.
      const expected = Boolean(original(check).call(lean, element, matchString));
      const actual = lean[check]?.call(lean, element, matchString);
      if (actual !== expected)
        found.push(`${check} <${element.nodeName.toLowerCase()} ${matchString}>: ${actual}`);
    }
  }
  return found;
}

describe('LeanReadability', () => {
  it('overrides methods Readability still has (an upgrade that renames them fails here)', () => {
    for (const check of CHECKS) expect(typeof original(check)).toBe('function');
  });

  it.each(['wikipedia', 'nytimes-1', 'mathjax', 'links-in-tables', 'guardian-1'])(
    'answers as Readability does for every element of %s',
    (name) => {
      expect(disagreements(readFileSync(join(pagesDir, name, 'source.html'), 'utf8'))).toEqual([]);
    },
  );

  it('answers as Readability does on the edge cases of each check', () => {
    const edges = `<html><body>
      <div id="a"> \u00a0 <br> <hr> </div><div><span><br></span><br></div><div><p><br></p><br></div>
      <div>\n\t</div><div><![CDATA[x]]></div><div><b> </b><i>x</i></div><section></section>
      <h2>  </h2><div><br><br></div><header><hr><img src="x.png"></header><div><template>t</template></div>
      <p style="display:none">x</p><p style="display: none ; color:red">x</p><p style="visibility:hidden">x</p>
      <p style="color:red">x</p><p style="">x</p><p hidden>x</p><p aria-hidden="true">x</p>
      <p aria-hidden="false">x</p><img aria-hidden="true" class="mwe-math-fallback-image-inline">
      <svg aria-hidden="true"><path d="M0"/></svg><math><mi>x</mi></math>
      <a rel="author">Ann Author</a><a rel="author"> </a><span itemprop="author name">Bo</span>
      <div class="byline">${'long '.repeat(30)}</div><div class="p-author">Cy</div><p class="writtenby"></p>
      <div class="dateline"><span>12 May</span></div><div class="other">Not a byline</div>
    </body></html>`;
    expect(disagreements(edges)).toEqual([]);
  });

  // cnn starts again (see below); lwn-1 and salon-1 score many nested candidates.
  it.each(['lemonde-1', 'cnn', 'lwn-1', 'salon-1'])('finds the same article as Readability in %s', (name) => {
    const html = readFileSync(join(pagesDir, name, 'source.html'), 'utf8');
    const options = { keepClasses: true };
    const lean = new LeanReadability(parseHtml(html) as never, options).parse();
    const plain = new Readability(parseHtml(html) as never, options).parse();
    expect(lean?.title).toBe(plain?.title);
    expect(lean?.byline).toBe(plain?.byline);
    expect(lean?.content).toBe(plain?.content);
    expect((lean?.content ?? '').length).toBeGreaterThan(1000);
  });

  it('decides which blocks to clean as Readability does, building each block’s text once per pass', () => {
    const html = readFileSync(join(pagesDir, 'engadget', 'source.html'), 'utf8');
    const options = { keepClasses: true };
    const prototype = Readability.prototype as unknown as { _getInnerText: (...args: unknown[]) => string };
    const innerText = prototype._getInnerText;
    const built = { lean: 0, plain: 0 };
    let counting: keyof typeof built = 'lean';
    prototype._getInnerText = function (...args: unknown[]) {
      built[counting] += 1;
      return innerText.apply(this, args);
    };
    try {
      const reader = new LeanReadability(parseHtml(html) as never, options);
      const lean = reader.parse();
      // Texts are kept only while nothing changes them, never past the parse.
      expect((reader as unknown as { texts: unknown }).texts).toBeNull();
      counting = 'plain';
      const plain = new Readability(parseHtml(html) as never, options).parse();
      expect(lean?.content).toBe(plain?.content);
      expect((lean?.content ?? '').length).toBeGreaterThan(5000);
    } finally {
      prototype._getInnerText = innerText;
    }
    expect(built.lean).toBeLessThan(built.plain * 0.8);
  });

  it('builds each candidate’s text once while scoring, however many paragraphs and links read it', () => {
    // lwn-1 nests its paragraphs deep: each scores up to five ancestors, and each ancestor's text
    // is read again for its link density and when its siblings are weighed.
    const html = readFileSync(join(pagesDir, 'lwn-1', 'source.html'), 'utf8');
    const prototype = Readability.prototype as unknown as { _getInnerText: (...args: unknown[]) => string };
    const innerText = prototype._getInnerText;
    const builds = new Map<unknown, number>();
    let scoring = false;
    // Scoring runs from the first ancestors looked up to the article's preparation.
    class ScoringProbe extends LeanReadability<DomElement> {
      override _getNodeAncestors(node: DomElement, maxDepth?: number): DomElement[] {
        scoring = true;
        return super._getNodeAncestors(node, maxDepth);
      }
      override _prepArticle(article: DomElement): void {
        scoring = false;
        super._prepArticle(article);
      }
    }
    prototype._getInnerText = function (element: unknown, ...rest: unknown[]) {
      if (scoring) builds.set(element, (builds.get(element) ?? 0) + 1);
      return innerText.call(this, element, ...rest);
    };
    let article;
    try {
      article = new ScoringProbe(parseHtml(html) as never, { serializer: (node) => node }).parse();
    } finally {
      prototype._getInnerText = innerText;
    }
    expect((article?.textContent ?? '').length).toBeGreaterThan(5000);
    expect(builds.size).toBeGreaterThan(100);
    expect(Math.max(...builds.values())).toBe(1);
  });

  it('prepares the page as Readability does from one walk for its steps, scripts, fonts and br runs in odd places', () => {
    const prose = 'The river rose through the night and by morning the lower town was under water. '.repeat(
      8,
    );
    const html = `<html><head><title>Flood | The Paper</title><style>p{}</style><br>
      <noscript><meta name="description" content="Only without scripts"></noscript><meta name="author" content="Ann Reed">
      </head><body><template><img class="placeholder"><meta name="author" content="Template"></template>
      <h1>Flood</h1>
      <div><font color="red"><p>${prose}<img class="lazy" src="placeholder.gif"><noscript><font><img
      src="real.png"></font></noscript><br><br>${prose}<br><br><br><font>inner</font></p></font>
      <script type="application/ld+json">{"@type":"NewsArticle","headline":"Flood"}</script>
      <noscript><style>b{}</style><br><br>${prose}</noscript>${prose}<br><br>tail<h2>After</h2></div>
      <template><br><br><font>t</font></template></body></html>`;
    const options = { keepClasses: true };
    const reader = new LeanReadability(parseHtml(html) as never, options);
    const lean = reader.parse();
    const plain = new Readability(parseHtml(html) as never, options).parse();
    expect(lean).toEqual(plain);
    // A meta in a noscript is gone with it; linkedom's walk for metas looks inside templates.
    expect(lean?.excerpt).not.toBe('Only without scripts');
    expect(lean?.byline).toBe('Template');
    // The noscript's picture, in the font it came in, became a span as the page's own fonts did.
    expect(lean?.content).toMatch(/<SPAN><img [^>]*src="real.png"/);
    // Let go once the page is prepared.
    expect((reader as unknown as { preparation: unknown }).preparation).toBeNull();
  });

  it('starts again from the page as it was when the article found is too short, parsing it once per restart', () => {
    // The prose sits in a "comment" block, which Readability's first pass drops as unlikely:
    // that finds only the short note, so it starts again from the saved page, keeping it.
    const prose = 'Whales sing in long, patterned phrases, and the songs change from year to year. '.repeat(
      12,
    );
    const html = `<html><head><title>Songs</title></head><body>
      <div class="comment"><p>${prose} <font color="red">in red</font></p>${prose}<br><br>${prose}
      <img src="placeholder.gif"><noscript><img src="real.png" alt="Real"></noscript></div>
      <p>A short note.</p><script>alert(1)</script></body></html>`;
    let reparses = 0;
    const reparse = () => {
      reparses++;
      return parseHtml(html);
    };
    const lean = new LeanReadability(parseHtml(html) as never, {}, reparse).parse();
    const plain = new Readability(parseHtml(html) as never).parse();
    expect(lean?.content).toBe(plain?.content);
    expect(lean?.textContent).toContain('Whales sing');
    // Readability's preparation happened to the page it started again from: fonts, brs, noscript.
    expect(plain?.content).toContain('<span color="red">in red</span>');
    expect(plain?.content).toMatch(/<p>\s*Whales sing/);
    expect(plain?.content).toContain('real.png');
    // Twice: without dropping unlikely blocks the "comment" class still weighs the prose down.
    expect(reparses).toBe(2);
  });

  it('never parses the page again when the first article is long enough, and leaves the page as it found it', () => {
    const html = readFileSync(join(pagesDir, 'v8-blog', 'source.html'), 'utf8');
    let reparses = 0;
    const document = parseHtml(html);
    const body = document.querySelector('body');
    const article = new LeanReadability(document as never, { serializer: (node) => node }, () => {
      reparses++;
      return parseHtml(html);
    }).parse()?.content as unknown as DomElement;
    expect(reparses).toBe(0);
    expect(Object.getOwnPropertyNames(body)).not.toContain('innerHTML');
    expect(Object.getOwnPropertyNames(article)).not.toContain('innerHTML');
    expect((article as unknown as { innerHTML: string }).innerHTML).toContain('<p>');
  });
});
