/**
 * anchorQuote on real web articles (Readability test pages turned into text): unchanged,
 * shifted, edited and deleted passages, plus the entity and whitespace differences that
 * HTML brings (&amp;, &nbsp;).
 */
import { describe, expect, it } from 'vitest';
import { anchorQuote } from './anchor';
import { describeRange } from './describe';
import { PAGES, randomRange, seededRandom } from './test-fixtures';

const LEAD = 'Update: this article was revised after publication to add new reporting.\n\n';

describe.each(PAGES)('web page $name', ({ text }) => {
  const random = seededRandom(text.length);
  const highlights = Array.from({ length: 12 }, () => {
    const range = randomRange(text, random, Math.min(300, Math.floor(text.length / 4)));
    return describeRange(text, range.start, range.end);
  });

  it('has enough prose to test', () => {
    expect(text.length).toBeGreaterThan(500);
  });

  it('anchors unchanged, shifted, edited and deleted passages', () => {
    const shifted = LEAD + text;
    for (const { quote, position } of highlights) {
      expect(anchorQuote(text, quote, position)).toMatchObject({ start: position.start, method: 'position' });
      expect(anchorQuote(shifted, quote, position)?.start, JSON.stringify(quote)).toBe(
        position.start + LEAD.length,
      );
      const middle = position.start + Math.floor((position.end - position.start) / 2);
      const edited = shifted.slice(0, middle + LEAD.length) + 'q' + shifted.slice(middle + LEAD.length + 1);
      const anchor = anchorQuote(edited, quote, position);
      expect(anchor).toMatchObject({ start: position.start + LEAD.length, end: position.end + LEAD.length });
      expect(anchor?.score).toBeGreaterThan(0.8);
      const deleted = text.slice(0, position.start) + text.slice(position.end);
      expect(anchorQuote(deleted, quote, position)).toBeNull();
    }
  });
});

const pagesWith = (char: string) => PAGES.filter((page) => page.text.includes(char));

describe('HTML entities and spacing', () => {
  it('places a quote stored with "&amp;" (from raw HTML) on the decoded "&", approximately', () => {
    const page = pagesWith(' & ').find((p) => p.text.indexOf(' & ', 200) > 0);
    if (page === undefined) throw new Error('no fixture with an ampersand');
    const at = page.text.indexOf(' & ', 200);
    const { quote, position } = describeRange(page.text, at - 40, at + 40);
    const stored = { ...quote, exact: quote.exact.replace('&', '&amp;') };
    expect(anchorQuote(page.text, stored, position)).toMatchObject({
      start: at - 40,
      end: at + 40,
      method: 'fuzzy',
    });
  });

  it('anchors exactly where the text has a non-breaking space and the quote a plain one', () => {
    const page = pagesWith('\u00a0').find((p) => /\w\u00a0\w/.test(p.text));
    if (page === undefined) throw new Error('no fixture with a non-breaking space');
    const at = page.text.search(/\w\u00a0\w/);
    const { quote, position } = describeRange(page.text, at - 30, at + 30);
    const stored = { ...quote, exact: quote.exact.replaceAll('\u00a0', ' ') };
    const shifted = LEAD + page.text;
    expect(anchorQuote(shifted, stored, position)).toMatchObject({
      start: at - 30 + LEAD.length,
      end: at + 30 + LEAD.length,
      method: 'near',
    });
  });
});
