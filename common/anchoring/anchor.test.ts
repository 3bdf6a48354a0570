/**
 * anchorQuote on real prose (War and Peace): each way a document can change under a stored
 * highlight, and the cases that trip simple matchers (repeats, block breaks, whitespace).
 */
import { describe, expect, it } from 'vitest';
import { anchorQuote } from './anchor';
import { CONTEXT_LENGTH, describeRange } from './describe';
import { BOOK } from './test-fixtures';

const INSERTED = 'A new paragraph the author added in the second edition, long enough to matter.\n\n'.repeat(
  30,
);

/** `text` with `deleteCount` characters at `at` replaced by `insert`. */
function splice(text: string, at: number, deleteCount: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at + deleteCount);
}

/** A highlight of `phrase` at its `nth` occurrence in the book. */
function highlightOf(phrase: string, nth = 0) {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = BOOK.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`"${phrase}" not in the book`);
  return describeRange(BOOK, start, start + phrase.length);
}

// The book is hard-wrapped: line breaks inside paragraphs, blank lines between them.
const PASSAGE =
  'Anna\nPávlovna had had a cough for some days. She was, as she said, suffering\nfrom la grippe';

describe('describeRange', () => {
  it('keeps 32 characters of context and clamps to the text', () => {
    const start = BOOK.indexOf(PASSAGE);
    const { quote, position } = describeRange(BOOK, start, start + PASSAGE.length);
    expect(quote.exact).toBe(PASSAGE);
    expect(quote.prefix).toBe(BOOK.slice(start - CONTEXT_LENGTH, start));
    expect(quote.suffix).toBe(BOOK.slice(start + PASSAGE.length, start + PASSAGE.length + 32));
    expect(position).toEqual({ type: 'TextPositionSelector', start, end: start + PASSAGE.length });
    const atStart = describeRange('short text', -5, 5);
    expect(atStart.quote).toMatchObject({ exact: 'short', prefix: '', suffix: ' text' });
  });
});

describe('anchorQuote', () => {
  const { quote, position } = highlightOf(PASSAGE);

  it('takes the stored position when the text is unchanged', () => {
    expect(anchorQuote(BOOK, quote, position)).toEqual({
      start: position.start,
      end: position.end,
      method: 'position',
      score: 1,
      status: 'placed',
      alternatives: [],
    });
  });

  it('follows its text when text is inserted before it', () => {
    const edited = splice(BOOK, 1000, 0, INSERTED);
    const anchor = anchorQuote(edited, quote, position);
    expect(anchor).toMatchObject({ start: position.start + INSERTED.length, method: 'near' });
    expect(anchor?.score).toBeGreaterThan(0.99);
  });

  it('finds a quote whose words were edited, at the right place, with a lower score', () => {
    const inside = position.start + PASSAGE.indexOf('cough');
    const edited = splice(splice(BOOK, inside, 'cough'.length, 'bad cold'), 500, 0, INSERTED);
    const anchor = anchorQuote(edited, quote, position);
    expect(anchor).toMatchObject({
      start: position.start + INSERTED.length,
      end: position.end + INSERTED.length + 3,
      method: 'fuzzy',
    });
    expect(anchor?.score).toBeLessThan(1);
    expect(anchor?.score).toBeGreaterThan(0.9);
  });

  it('returns null when the passage was deleted', () => {
    expect(anchorQuote(splice(BOOK, position.start, PASSAGE.length, ''), quote, position)).toBeNull();
    const paragraphEnd = BOOK.indexOf('\n\n', position.end);
    const withoutParagraph = splice(BOOK, position.start, paragraphEnd - position.start, '');
    expect(anchorQuote(withoutParagraph, quote, position)).toBeNull();
  });

  it('places a long quote (> 256 chars) edited in several spots', () => {
    const start = position.start;
    const long = describeRange(BOOK, start, start + 700);
    let edited = splice(BOOK, start + 600, 4, 'XXXX');
    edited = splice(edited, start + 300, 0, 'inserted words ');
    edited = splice(edited, start + 40, 3, '');
    edited = splice(edited, 200, 0, INSERTED);
    const anchor = anchorQuote(edited, long.quote, long.position);
    const shift = INSERTED.length;
    expect(anchor).toMatchObject({ start: start + shift, end: start + 700 + shift + 12, method: 'fuzzy' });
  });

  it('finds a passage that moved far away, edited, by the whole-text search', () => {
    const start = position.start;
    const moved = BOOK.slice(start - 200, start + 400);
    let edited = splice(BOOK, start - 200, 600, '');
    edited = splice(edited, 900_000, 0, moved.replace('cough', 'couhg'));
    const anchor = anchorQuote(edited, quote, position);
    expect(anchor).toMatchObject({
      start: 900_000 + 200,
      end: 900_000 + 200 + PASSAGE.length,
      method: 'fuzzy',
    });
  });
});

describe('repeated phrases', () => {
  const phrase = 'said Prince Andrew';
  const nths = [2, 7, 15];
  const highlights = nths.map((nth) => highlightOf(phrase, nth));

  it('occurs often enough in the first megabyte to be a real test', () => {
    expect(BOOK.split(phrase).length - 1).toBeGreaterThan(20);
  });

  it('lands each occurrence on its own place, by context, after an insertion before', () => {
    const edited = splice(BOOK, 3000, 0, INSERTED);
    for (const { quote, position } of highlights) {
      expect(anchorQuote(BOOK, quote, position)?.start).toBe(position.start);
      expect(anchorQuote(edited, quote, position)?.start).toBe(position.start + INSERTED.length);
      // Without any position, only the context can tell them apart.
      expect(anchorQuote(edited, quote)?.start).toBe(position.start + INSERTED.length);
    }
  });

  it('does not take a stored position that now holds another occurrence', () => {
    const [first, second] = highlights;
    if (first === undefined || second === undefined) throw new Error('missing highlights');
    // Insert exactly enough text to move the earlier occurrence onto the later one's offset.
    const shift = second.position.start - first.position.start;
    const edited = splice(BOOK, first.position.start - 100, 0, 'x'.repeat(shift));
    expect(edited.slice(second.position.start, second.position.end)).toBe(phrase);
    const anchor = anchorQuote(edited, second.quote, second.position);
    expect(anchor?.start).toBe(second.position.start + shift);
  });
});

describe('block boundaries, whitespace and typography', () => {
  const breakAt = BOOK.indexOf('\n\n', BOOK.indexOf(PASSAGE));
  const across = describeRange(BOOK, breakAt - 60, breakAt + 60);

  it('anchors a quote spanning a paragraph break, before and after an insertion', () => {
    expect(across.quote.exact).toContain('\n\n');
    expect(anchorQuote(BOOK, across.quote, across.position)?.method).toBe('position');
    const edited = splice(BOOK, 100, 0, INSERTED);
    expect(anchorQuote(edited, across.quote, across.position)?.start).toBe(breakAt - 60 + INSERTED.length);
  });

  it('anchors exactly when the stored quote has single spaces where the text breaks lines', () => {
    const quote = { ...across.quote, exact: across.quote.exact.replace(/\s+/g, ' ') };
    expect(quote.exact).not.toContain('\n');
    const anchor = anchorQuote(BOOK, quote, across.position);
    expect(anchor).toMatchObject({ start: across.position.start, end: across.position.end, method: 'near' });
    const withNbsp = BOOK.replace(PASSAGE, PASSAGE.replaceAll(/\s/g, '\u00a0'));
    const p = highlightOf(PASSAGE);
    expect(anchorQuote(withNbsp, p.quote, p.position)).toMatchObject({
      start: p.position.start,
      method: 'near',
    });
  });

  it('anchors exactly when only the quote marks changed (curly in the text, straight stored)', () => {
    const start = BOOK.indexOf('\u201cWell, Prince, so Genoa and Lucca');
    const { quote, position } = describeRange(BOOK, start, start + 80);
    const straight = { ...quote, exact: quote.exact.replace('\u201c', '"') };
    const edited = splice(BOOK, 10, 0, INSERTED);
    expect(anchorQuote(edited, straight, position)).toMatchObject({
      start: start + INSERTED.length,
      end: start + 80 + INSERTED.length,
    });
  });
});
