import { describe, expect, it } from 'vitest';
import type { OpenedDocumentStart } from '../../preload/api';
import {
  fillPiece,
  fillSections,
  isPartial,
  oneAhead,
  pendingPieces,
  sectionsFromStart,
} from './partial-sections';
import { splitSections } from './sections';

const BOOK = [
  'The Project Gutenberg EBook\n\n',
  '# BOOK ONE\n\n',
  '## CHAPTER I\n\n“Well, Prince, so Genoa and Lucca are now just family estates.”\n\n',
  '## CHAPTER II\n\nAnna Pávlovna’s drawing room was gradually filling.\n\n',
  '## CHAPTER III\n\nAnna Pávlovna’s reception was in full swing.\n',
].join('');

function startAt(first: number, count: number): OpenedDocumentStart {
  const sections = splitSections(BOOK);
  return {
    summary: {} as OpenedDocumentStart['summary'],
    position: null,
    highlights: [],
    documentNote: null,
    outline: {
      lengths: sections.map((s) => s.markdown.length),
      levels: sections.map((s) => s.heading?.level ?? 0),
      titles: sections.map((s) => s.heading?.text ?? ''),
    },
    firstSection: first,
    firstText: sections
      .slice(first, first + count)
      .map((s) => s.markdown)
      .join(''),
    totalLength: BOOK.length,
  };
}

describe('partial sections', () => {
  it('holds the first part’s sections and only lengths for the others', () => {
    const sections = sectionsFromStart(startAt(2, 2));
    expect(sections.map((s) => s.pendingLength !== undefined)).toEqual([true, true, false, false, true]);
    expect(sections[3]?.markdown).toBe(splitSections(BOOK)[3]?.markdown);
    expect(isPartial(sections)).toBe(true);
  });

  it('rebuilds from the outline’s columns exactly the sections of the whole text', () => {
    const whole = splitSections(BOOK);
    expect(sectionsFromStart(startAt(0, whole.length))).toEqual(whole);
    const partial = sectionsFromStart(startAt(4, 1));
    expect(partial.map(({ index, heading, start }) => ({ index, heading, start }))).toEqual(
      whole.map(({ index, heading, start }) => ({ index, heading, start })),
    );
    expect(partial.map((s) => s.pendingLength ?? s.markdown.length)).toEqual(
      whole.map((s) => s.markdown.length),
    );
  });

  it('fills in place to exactly the sections of the whole text', () => {
    const sections = sectionsFromStart(startAt(3, 1));
    const held = sections;
    expect(fillSections(sections, BOOK)).toBe(true);
    expect(held).toEqual(splitSections(BOOK));
    expect(isPartial(held)).toBe(false);
  });

  it('refuses a text that splits differently (changed meanwhile) and changes nothing', () => {
    const sections = sectionsFromStart(startAt(1, 2));
    const before = structuredClone(sections);
    expect(fillSections(sections, BOOK.replace('CHAPTER II\n', 'CHAPTER II, renamed\n'))).toBe(false);
    expect(fillSections(sections, BOOK.replace('## CHAPTER III', 'CHAPTER III'))).toBe(false);
    expect(sections).toEqual(before);
  });

  it('cuts the pending sections into pieces: after the first part first, then before it nearest first', () => {
    const sections = sectionsFromStart(startAt(2, 1));
    const lengths = sections.map((s) => s.pendingLength ?? 0);
    // Pieces never hold more than the limit, unless one section alone is longer.
    expect(pendingPieces(sections, 2, 1_000_000)).toEqual([
      [3, 5],
      [0, 2],
    ]);
    expect(pendingPieces(sections, 2, 1)).toEqual([
      [3, 4],
      [4, 5],
      [1, 2],
      [0, 1],
    ]);
    const justTwo = (lengths[3] ?? 0) + (lengths[4] ?? 0);
    expect(pendingPieces(sections, 2, justTwo)).toContainEqual([3, 5]);
    expect(pendingPieces(sections, 2, justTwo - 1)).toContainEqual([3, 4]);
    expect(pendingPieces(sectionsFromStart(startAt(0, 5)), 0, 100)).toEqual([]);
  });

  it('fills pieces in place until the sections are those of the whole text', () => {
    const sections = sectionsFromStart(startAt(2, 1));
    const whole = splitSections(BOOK);
    for (const [from, to] of pendingPieces(sections, 2, 60)) {
      const text = whole
        .slice(from, to)
        .map((s) => s.markdown)
        .join('');
      expect(fillPiece(sections, from, to, text)).toBe(true);
    }
    expect(sections).toEqual(whole);
    expect(isPartial(sections)).toBe(false);
  });

  it('refuses a piece of the wrong length or over sections already there, and changes nothing', () => {
    const sections = sectionsFromStart(startAt(2, 1));
    const before = structuredClone(sections);
    const piece = splitSections(BOOK)
      .slice(3, 5)
      .map((s) => s.markdown)
      .join('');
    expect(fillPiece(sections, 3, 5, `${piece}!`)).toBe(false);
    expect(fillPiece(sections, 3, 5, piece.slice(1))).toBe(false);
    expect(fillPiece(sections, 2, 4, piece)).toBe(false);
    expect(fillPiece(sections, 4, 9, piece)).toBe(false);
    expect(sections).toEqual(before);
  });
});

/** Asks that settle only when told to (before or after they are made), and a log of what was asked and handled. */
function asker() {
  const log: string[] = [];
  const deferred = new Map<string, { promise: Promise<string>; resolve: (answer: string) => void }>();
  const of = (item: string) => {
    let entry = deferred.get(item);
    if (!entry) {
      let resolve: (answer: string) => void = () => undefined;
      const promise = new Promise<string>((settle) => (resolve = settle));
      entry = { promise, resolve };
      deferred.set(item, entry);
    }
    return entry;
  };
  const ask = (item: string) => {
    log.push(`ask ${item}`);
    return of(item).promise;
  };
  const answer = (item: string) => of(item).resolve(item.toUpperCase());
  return { log, ask, answer };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('oneAhead', () => {
  it('asks for the next item while the one before is awaited, and yields each with its answer in order', async () => {
    const { log, ask, answer } = asker();
    const handled = (async () => {
      for await (const [item, value] of oneAhead(['a', 'b', 'c'], ask)) log.push(`handle ${item}=${value}`);
    })();
    // The answers arrive out of order: each is still handled in order, once it is there.
    await settle();
    expect(log).toEqual(['ask a', 'ask b']);
    answer('a');
    await settle();
    answer('c');
    answer('b');
    await handled;
    expect(log).toEqual(['ask a', 'ask b', 'handle a=A', 'ask c', 'handle b=B', 'handle c=C']);
  });

  it('asks for nothing more once the consumer stops, and nothing at all for no items', async () => {
    const { log, ask, answer } = asker();
    ['a', 'b', 'c', 'd'].forEach(answer);
    for await (const [item] of oneAhead(['a', 'b', 'c', 'd'], ask)) {
      log.push(`handle ${item}`);
      if (item === 'b') break;
    }
    expect(log).toEqual(['ask a', 'ask b', 'handle a', 'ask c', 'handle b']);
    for await (const pair of oneAhead([], ask)) log.push(`unexpected ${String(pair)}`);
    expect(log).toHaveLength(5);
  });
});
