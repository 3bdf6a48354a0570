/**
 * The offset map and the last pass of `anchorAll` (offset-map.ts, bracketed.ts): an edited
 * passage with an intact copy close by is placed where the unchanged highlights around it pin
 * it, and only there: not when text was inserted beside it, nor on a copy the neighbours lost.
 */
import { describe, expect, it } from 'vitest';
import { anchorAll } from './anchor-many';
import { bracketedAnchor } from './bracketed';
import { describeRange } from './describe';
import { OffsetMap } from './offset-map';
import { BOOK } from './test-fixtures';
import type { Anchor } from './types';

const BEFORE = 'Well, Prince, so Genoa and Lucca are now just family estates of the Buonapartes.';
const PARAGRAPH =
  'Prince Vasili always spoke languidly, like an actor repeating a stale part. Anna Pavlovna ' +
  'Scherer on the contrary, despite her forty years, overflowed with animation and impulsiveness.';
const AFTER =
  'To be an enthusiast had become her social vocation, and sometimes even when she did not feel like it.';
const ORIGINAL = [BEFORE, PARAGRAPH, AFTER].join('\n\n');
const INSERTED = 'A note on this edition, inserted before the text.\n\n';

/** Stored highlights on ORIGINAL: the first and last sentences, and `quote` inside the paragraph. */
function highlights(quote: string) {
  return [BEFORE, quote, AFTER].map((exact, id) => {
    const start = ORIGINAL.indexOf(exact);
    return { id, ...describeRange(ORIGINAL, start, start + exact.length) };
  });
}

const placed = (start: number, end: number): Anchor => ({
  start,
  end,
  method: 'near',
  score: 1,
  status: 'placed',
  alternatives: [],
});
const at = (start: number, end: number) => ({ type: 'TextPositionSelector' as const, start, end });

describe('OffsetMap', () => {
  it('maps an offset between two points that moved alike, and nothing where they disagree', () => {
    const map = new OffsetMap([
      { position: at(10, 20), anchor: placed(60, 70) },
      { position: at(100, 110), anchor: placed(150, 160) },
      { position: at(200, 210), anchor: placed(290, 300) },
    ]);
    expect(map.map(50)).toBe(100);
    expect(map.map(150)).toBeNull();
    expect(map.bracket(150)).toEqual({ before: 50, after: 90, from: 160, to: 290 });
    expect(map.map(5)).toBeNull();
  });

  it('reads nothing from approximate, doubted or far placements', () => {
    const fuzzy = { ...placed(60, 70), method: 'fuzzy' as const };
    expect(new OffsetMap([{ position: at(10, 20), anchor: fuzzy }]).map(15)).toBeNull();
    const far = new OffsetMap([
      { position: at(0, 10), anchor: placed(5, 15) },
      { position: at(20_000, 20_010), anchor: placed(20_005, 20_015) },
    ]);
    expect(far.map(10_000)).toBeNull();
    const doubted = new OffsetMap([
      { position: at(0, 10), anchor: placed(5, 15) },
      { position: at(20, 30), anchor: { ...placed(25, 35), status: 'check', reason: 'copiedRun' } },
    ]);
    expect(doubted.map(5)).toBeNull();
  });
});

describe('highlights pinned by their neighbours', () => {
  const quote = 'despite her forty years';
  const edited = PARAGRAPH.replace('forty', 'fprty');
  // An intact copy of the quote's sentence close by: by text alone, the copy agrees better.
  const copy = PARAGRAPH.slice(PARAGRAPH.indexOf('Anna'));

  it('places an edited passage where its unchanged neighbours pin it, however well a copy agrees', () => {
    const text = INSERTED + [BEFORE, edited, AFTER, copy].join('\n\n');
    const anchor = anchorAll(text, highlights(quote)).get(1);
    const start = text.indexOf('despite her fprty');
    expect(anchor).toMatchObject({ start, end: start + quote.length, status: 'placed' });
  });

  it('keeps the doubt when the neighbours moved differently and the copy lies where one amount puts it', () => {
    // The copy inserted between the passage and the next highlight, right after the passage's
    // paragraph: the quote reads where either amount puts it, and the map cannot say which.
    const text = INSERTED + [BEFORE, edited, copy, AFTER].join('\n\n');
    const anchor = anchorAll(text, highlights(quote)).get(1);
    expect(anchor?.status).not.toBe('placed');
  });
});

/** A confident placement of 10 characters stored at `offset`, moved by `drift`. */
const point = (offset: number, drift: number) => ({
  position: at(offset, offset + 10),
  anchor: placed(offset + drift, offset + drift + 10),
});
/** `paragraph` with its first "e" changed. */
const letterChanged = (paragraph: string) => paragraph.replace(/e/, 'a');

describe('a highlight whose start moved by an amount no point records', () => {
  // Ten paragraphs of the book; the highlight runs from the middle of the sixth into the seventh.
  const paragraphs = BOOK.slice(120_000, 160_000)
    .split('\n\n')
    .filter((p) => p.length > 300)
    .slice(0, 10);
  const original = paragraphs.join('\n\n');
  const offsetOf = (index: number) => paragraphs.slice(0, index).join('\n\n').length + (index > 0 ? 2 : 0);
  const start = offsetOf(5) + 100;
  const end = offsetOf(6) + 100;
  const { quote, position } = describeRange(original, start, end);
  // The fourth paragraph deleted, and a copy of the fifth and sixth (the text up to the break, a
  // letter changed in each) put at the break inside the highlight: its start moved back, its end on.
  const copy = [letterChanged(paragraphs[4] ?? ''), letterChanged(paragraphs[5] ?? '')];
  const edited = [...paragraphs.slice(0, 3), ...paragraphs.slice(4, 6), ...copy, ...paragraphs.slice(6)].join(
    '\n\n',
  );
  const deleted = (paragraphs[3] ?? '').length + 2;
  const inserted = copy.join('\n\n').length + 2;
  // Confident points: one in the second paragraph (unmoved), two in the seventh around the end.
  const map = new OffsetMap([
    point(offsetOf(1) + 50, 0),
    point(offsetOf(6) + 20, inserted - deleted),
    point(end + 20, inserted - deleted),
  ]);

  it('is not read back from its pinned end into the copy', () => {
    // Read back from the end, the quote's length lands in the copy, and reads there; but the
    // quote's start, with its context, also reads between the points around the stored start.
    const anchor = bracketedAnchor(edited, quote, position, map);
    if (anchor !== null) expect(anchor.start).toBe(start - deleted);
  });
});

describe('a highlight with a paragraph inserted a few words from its start', () => {
  // A passage of the book; a paragraph is inserted at a word break a few words into it.
  const start = BOOK.indexOf(' ', 150_000) + 1;
  const end = BOOK.indexOf(' ', start + 300);
  const { quote, position } = describeRange(BOOK, start, end);
  const editedAt = (offset: number) => BOOK.slice(0, offset) + INSERTED + BOOK.slice(offset);
  // Confident points: a neighbour ending where the passage starts (unmoved), two around its end
  // (moved by the insertion).
  const map = new OffsetMap([
    point(start - 10, 0),
    point(end - 40, INSERTED.length),
    point(end + 40, INSERTED.length),
  ]);

  it('is placed where its pinned ends put it, its start read up to the insertion', () => {
    const offset = BOOK.indexOf(' ', start + 16) + 1;
    expect(offset - start).toBeLessThan(32);
    const anchor = bracketedAnchor(editedAt(offset), quote, position, map);
    expect(anchor).toMatchObject({ start, end: end + INSERTED.length, status: 'placed' });
  });

  it('is not placed when fewer than 16 characters read before the insertion', () => {
    const offset = BOOK.lastIndexOf(' ', start + 12) + 1;
    expect(offset - start).toBeLessThan(16);
    expect(bracketedAnchor(editedAt(offset), quote, position, map)).toBeNull();
  });
});

describe('a highlight between neighbours that moved by two amounts', () => {
  // A few words in a paragraph of the book; text is inserted at the paragraph's end, between the
  // highlight and the next confident neighbour: the highlight lies where one amount or the other puts it.
  const start = BOOK.indexOf(' ', 170_000) + 1;
  const end = BOOK.indexOf(' ', start + 30);
  const { quote, position } = describeRange(BOOK, start, end);
  const paragraphEnd = BOOK.indexOf('\n\n', end);
  const paragraphStart = BOOK.lastIndexOf('\n\n', start) + 2;
  const insertedAt = (insert: string, text = BOOK) =>
    text.slice(0, paragraphEnd + 2) + insert + text.slice(paragraphEnd + 2);
  const mapFor = (drift: number) =>
    new OffsetMap([point(paragraphStart - 100, 0), point(paragraphEnd + 100, drift)]);

  it('is placed where one amount puts it when the text where the other does is another passage', () => {
    expect(paragraphEnd - end).toBeGreaterThan(40);
    const anchor = bracketedAnchor(insertedAt(INSERTED), quote, position, mapFor(INSERTED.length));
    expect(anchor).toMatchObject({ start, end, status: 'placed' });
  });

  it('is not placed on an intact copy where the other amount puts it, its original edited', () => {
    // The paragraph copied after itself, and three letters near each end of the highlight changed
    // in the original: its ends no longer read there, yet the passage does.
    const paragraph = `${BOOK.slice(paragraphStart, paragraphEnd)}\n\n`;
    const scarred = Array.from(BOOK.slice(start, end), (char, i) =>
      [1, 3, 5].includes(i) || [2, 4, 6].includes(end - start - i) ? 'x' : char,
    ).join('');
    const edited = insertedAt(paragraph, `${BOOK.slice(0, start)}${scarred}${BOOK.slice(end)}`);
    // Pinned by points that did not move, the edited original reads.
    expect(bracketedAnchor(edited, quote, position, mapFor(0))).toMatchObject({ start, end });
    expect(bracketedAnchor(edited, quote, position, mapFor(paragraph.length))).toBeNull();
  });
});

describe('a short highlight ending its paragraph, text inserted right after it', () => {
  // The last words of a paragraph of the book; the text inserted at the break replaces its suffix.
  const paragraphEnd = BOOK.indexOf('\n\n', 180_000);
  const start = BOOK.lastIndexOf(' ', paragraphEnd - 12) + 1;
  const { quote, position } = describeRange(BOOK, start, paragraphEnd);
  const text = `${BOOK.slice(0, paragraphEnd)}\n\n${INSERTED.trimEnd()}${BOOK.slice(paragraphEnd)}`;
  const map = new OffsetMap([point(start - 200, 0), point(paragraphEnd + 100, INSERTED.length)]);

  it('is placed where the points before it put it, its prefix and quote agreeing', () => {
    expect(quote.exact.length).toBeLessThan(24);
    const anchor = bracketedAnchor(text, quote, position, map);
    expect(anchor).toMatchObject({ start, end: paragraphEnd, status: 'placed' });
  });
});
