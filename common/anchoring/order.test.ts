/**
 * The order pass on real prose: a paragraph deleted from a chapter whose revised copy lies far
 * off. Its highlights must not be placed in the copy as if the paragraph had moved there.
 */
import { describe, expect, it } from 'vitest';
import { anchorAll } from './anchor-many';
import { describeRange } from './describe';
import { BOOK } from './test-fixtures';

const PARAGRAPHS = BOOK.slice(150_000, 200_000).split('\n\n');
/** A long paragraph in the middle, the one deleted. */
const DELETED = PARAGRAPHS.findIndex((p, i) => i > PARAGRAPHS.length / 2 && p.length > 600);

/** A revised copy: every third long word rewritten (here: in capitals), as an editor's pass would. */
function revised(paragraph: string): string {
  let count = 0;
  return paragraph.replace(/\p{L}{5,}/gu, (word) => (++count % 3 === 0 ? word.toUpperCase() : word));
}

/** Highlights of four words every 150 characters or so, in stored order. */
function highlights(text: string) {
  const items = [];
  for (let at = text.indexOf(' ', 2000) + 1; at < text.length - 200; at = text.indexOf(' ', at + 150) + 1) {
    let end = at;
    for (let word = 0; word < 4; word++) end = text.indexOf(' ', end + 1);
    items.push({ id: items.length, ...describeRange(text, at, end) });
  }
  return items;
}

describe('a paragraph deleted from a chapter with a revised copy far off', () => {
  it('leaves its highlights unplaced or to check, never placed in the copy', () => {
    const original = PARAGRAPHS.join('\n\n');
    const items = highlights(original);
    const from = PARAGRAPHS.slice(0, DELETED).join('\n\n').length + 2;
    const to = from + (PARAGRAPHS[DELETED] ?? '').length;
    // The editor's pass reworded the paragraphs around it more than the paragraph itself.
    const copy = [
      revised(PARAGRAPHS[DELETED - 1] ?? ''),
      PARAGRAPHS[DELETED],
      revised(PARAGRAPHS[DELETED + 1] ?? ''),
    ];
    const edited = [...PARAGRAPHS.slice(0, DELETED), ...PARAGRAPHS.slice(DELETED + 1), ...copy].join('\n\n');
    const anchors = anchorAll(edited, items);
    const inDeleted = items.filter(({ position }) => position.start >= from && position.end <= to);
    expect(inDeleted.length).toBeGreaterThan(2);
    for (const { id } of inDeleted) expect(anchors.get(id)?.status ?? 'unplaced').not.toBe('placed');
    // The rest still follow their text.
    const placed = items.filter(({ id }) => anchors.get(id)?.status === 'placed');
    expect(placed.length).toBeGreaterThan(items.length * 0.9);
  });
});
