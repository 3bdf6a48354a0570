/**
 * The pass of `anchorAll` that tries a doubtful highlight where the next confident neighbour's
 * drift puts it (next-drift.ts): on War and Peace's table of contents, where every book's list of
 * chapters reads like the others, and against a copy of an edited paragraph.
 */
import { describe, expect, it } from 'vitest';
import { anchorAll } from './anchor-many';
import { describeRange } from './describe';
import { BOOK } from './test-fixtures';

/** The opening of the book as the reader renders it: one line per paragraph, no indentation. */
const OPENING = BOOK.slice(0, 30_000)
  .replace(/\n[ \t]*(?:\n[ \t]*)+/g, '\n')
  .replace(/^[ \t]+/gm, '');
const NOTE = 'A note from the editors of this edition, inserted before the text begins in earnest.\n'.repeat(
  12,
);

/** `text` with `insert` put in at `at`. */
const inserted = (text: string, at: number, insert: string) => text.slice(0, at) + insert + text.slice(at);

describe('settleFromNext', () => {
  it('places highlights over the contents where the neighbours after an insertion put them, not on another book', () => {
    const at = OPENING.indexOf('BOOK TWO');
    const title = OPENING.indexOf('The Project Gutenberg EBook');
    const prose = OPENING.indexOf('Well, Prince, so Genoa');
    // The title before the note, 100 characters across each later book's heading, the first line after.
    const spans = [
      { start: title, end: title + 40 },
      ...[...OPENING.matchAll(/BOOK [A-Z]+: /g)]
        .map((heading) => heading.index)
        .filter((heading) => heading > at)
        .map((heading) => ({ start: heading - 40, end: heading + 60 })),
      { start: prose, end: OPENING.indexOf('Buonapartes', prose) + 'Buonapartes'.length },
    ];
    const items = spans.map(({ start, end }, id) => ({ id, ...describeRange(OPENING, start, end) }));
    const anchors = anchorAll(inserted(OPENING, at, NOTE), items);
    const misplaced = items.filter(({ id, position }) => {
      const shift = position.start >= at ? NOTE.length : 0;
      return anchors.get(id)?.start !== position.start + shift;
    });
    expect(items.length).toBeGreaterThan(10);
    expect(misplaced.map(({ quote }) => quote.exact)).toEqual([]);
  });

  // Three paragraphs of the first chapter; in the edited text the middle one is followed by an
  // intact copy of itself, so the neighbours after it put the highlight on the copy.
  const [opening = '', passage = '', closing = ''] = BOOK.slice(BOOK.indexOf('Well, Prince, so Genoa'))
    .split('\n\n')
    .slice(0, 3);
  const ORIGINAL = [opening, passage, closing].join('\n\n');
  const PREFACE = 'A note on this edition. The text was checked against the first printing.';

  /**
   * The anchor of `quoted` (in the middle paragraph) after `from` in that paragraph became `to`
   * and the paragraph was copied intact after itself, with the preface inserted before it when
   * `prefaced`; highlights on the first paragraph and two on the last one around it. Also where
   * the edited paragraph starts.
   */
  function placeBesideCopy(quoted: string, [from, to]: [string, string], prefaced: boolean) {
    const revised = passage.replace(from, to);
    const first = prefaced ? `${opening.slice(0, 100)}\n\n${PREFACE}\n\n${opening.slice(100)}` : opening;
    const text = [first, revised, passage, closing].join('\n\n');
    const at = ORIGINAL.indexOf(quoted);
    const closingAt = ORIGINAL.indexOf(closing);
    const spans = [
      { start: 0, end: 60 },
      { start: at, end: at + quoted.length },
      { start: closingAt, end: closingAt + 60 },
      { start: closingAt + 80, end: closingAt + 140 },
    ];
    const items = spans.map(({ start, end }, id) => ({ id, ...describeRange(ORIGINAL, start, end) }));
    const edited = text.indexOf(revised);
    return { anchor: anchorAll(text, items).get(1), at: (part: string) => edited + revised.indexOf(part) };
  }

  it('leaves an edited word where the neighbours before it put it, though its copy is intact', () => {
    const { anchor, at } = placeBesideCopy('honor', ['maid of honor', 'maid of hodor'], false);
    expect(anchor).toMatchObject({ start: at('hodor'), status: 'check' });
  });

  it('leaves an unchanged word whose context was edited, though its copy lies where the neighbours after it put it', () => {
    const { anchor, at } = placeBesideCopy(
      'honor',
      [
        'Schérer, maid of honor and favorite of the Empress',
        'Schérer, a lady in honor, confidante to the Empress',
      ],
      true,
    );
    expect(anchor).toMatchObject({ start: at('honor'), status: 'check' });
  });

  it('leaves an edited passage that scores about as well as its copy where the neighbours after it put it', () => {
    const quoted = 'maid of honor and favorite of the Empress';
    const { anchor, at } = placeBesideCopy(quoted, ['favorite', 'favourite'], true);
    expect(anchor).toMatchObject({ start: at('maid of honor'), status: 'check' });
  });
});
