/**
 * anchorAll at book scale: 1,000 highlights of 20-300 characters on the first 1 MB of
 * War and Peace, unchanged and after an edit session (text inserted near the start, 10% of
 * the quotes changed slightly, a few passages deleted). Timings and the comparison with
 * dom-anchor-text-quote belong to the bench (bench/anchor-peer.bench.ts).
 */
import { describe, expect, it } from 'vitest';
import { anchorQuote } from './anchor';
import { anchorAll, type AnchorItem } from './anchor-many';
import { describeRange } from './describe';
import { BOOK, randomRange, seededRandom } from './test-fixtures';

interface Edit {
  at: number;
  deleteCount: number;
  insert: string;
}

const COUNT = 1000;
const INSERTED = 'Preface to this edition. The translators revised the opening chapters.\n\n'.repeat(20);

/** 1,000 non-overlapping random highlights, sorted by position. */
function makeHighlights(): { start: number; end: number }[] {
  const random = seededRandom(20240601);
  const ranges: { start: number; end: number }[] = [];
  const taken = new Uint8Array(BOOK.length);
  while (ranges.length < COUNT) {
    const range = randomRange(BOOK, random);
    if (taken.subarray(range.start, range.end).includes(1) || range.start < 2000) continue;
    taken.fill(1, range.start, range.end);
    ranges.push(range);
  }
  return ranges.toSorted((a, b) => a.start - b.start);
}

/** Applies non-overlapping edits in one pass. */
function applyEdits(text: string, edits: Edit[]): string {
  const parts: string[] = [];
  let at = 0;
  for (const edit of edits.toSorted((a, b) => a.at - b.at)) {
    parts.push(text.slice(at, edit.at), edit.insert);
    at = edit.at + edit.deleteCount;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** A small change in the middle third of a quote: one substituted letter, a word added or cut. */
function slightEdit(start: number, end: number, kind: number): Edit {
  const at = start + Math.floor((end - start) / 2);
  if (kind === 0) return { at, deleteCount: 1, insert: 'q' };
  if (kind === 1) return { at, deleteCount: 0, insert: 'very ' };
  return { at, deleteCount: 3, insert: '' };
}

const ranges = makeHighlights();
const items: AnchorItem<number>[] = ranges.map((range, id) => ({
  id,
  ...describeRange(BOOK, range.start, range.end),
}));

/** The edit session: what changed, the edited text and where each highlight should land. */
function editSession() {
  const random = seededRandom(7);
  const edits: Edit[] = [{ at: 1000, deleteCount: 0, insert: INSERTED }];
  const deleted = new Set<number>();
  const changed = new Set<number>();
  while (deleted.size < 5) deleted.add(Math.floor(random() * COUNT));
  while (changed.size < COUNT / 10) {
    const id = Math.floor(random() * COUNT);
    if (!deleted.has(id)) changed.add(id);
  }
  ranges.forEach((range, id) => {
    if (deleted.has(id)) edits.push({ at: range.start, deleteCount: range.end - range.start, insert: '' });
    if (changed.has(id)) edits.push(slightEdit(range.start, range.end, id % 3));
  });
  const delta = (edit: Edit) => edit.insert.length - edit.deleteCount;
  const expected = ranges.map((range, id) => {
    if (deleted.has(id)) return null;
    const shift = edits.filter((e) => e.at < range.start).reduce((sum, e) => sum + delta(e), 0);
    const inside = edits
      .filter((e) => e.at > range.start && e.at < range.end)
      .reduce((s, e) => s + delta(e), 0);
    return { start: range.start + shift, end: range.end + shift + inside };
  });
  return { text: applyEdits(BOOK, edits), expected, deleted, changed };
}

describe('anchorAll on 1,000 highlights in 1 MB', () => {
  it('places every highlight of an unchanged text at its stored offsets', () => {
    const anchors = anchorAll(BOOK, items);
    for (const { id, position } of items) {
      expect(anchors.get(id)).toMatchObject({
        start: position?.start,
        end: position?.end,
        method: 'position',
      });
    }
  });

  it('follows an edited text: >= 99% on the shifted offsets (the rest checked), none wrong, deleted passages orphaned', () => {
    const session = editSession();
    const anchors = anchorAll(session.text, items);
    let correct = 0;
    let wrong = 0;
    const methods: Record<string, number> = {};
    let lowestFuzzy = 1;
    for (const { id } of items) {
      const anchor = anchors.get(id) ?? null;
      const want = session.expected[id];
      if (anchor !== null) methods[anchor.method] = (methods[anchor.method] ?? 0) + 1;
      if (anchor?.method === 'fuzzy') lowestFuzzy = Math.min(lowestFuzzy, anchor.score);
      const right =
        want === null ? anchor === null : anchor?.start === want?.start && anchor?.end === want?.end;
      if (right && anchor?.status !== 'check') correct++;
      if (!right && anchor !== null && anchor.status === 'placed') wrong++;
    }
    for (const id of session.deleted) expect(anchors.get(id)).toBeNull();
    // What the deleted ones would have scored without a threshold: the margin below MIN_SCORE.
    const orphanScores = [...session.deleted].map((id) => {
      const item = items[id];
      return item === undefined
        ? 0
        : (anchorQuote(session.text, item.quote, item.position, { minScore: 0 })?.score ?? 0);
    });
    const accuracy = correct / COUNT;
    console.log(
      `edited: accuracy ${accuracy},`,
      `methods ${JSON.stringify(methods)}, lowest fuzzy score ${lowestFuzzy.toFixed(3)},`,
      `deleted would score ${orphanScores.map((s) => s.toFixed(3)).join(' ')}`,
    );
    expect(wrong).toBe(0);
    expect(accuracy).toBeGreaterThanOrEqual(0.99);
  });
});

describe('a run of look-alike lines, a note inserted in its middle', () => {
  // The book's table of contents: hundreds of "CHAPTER ..." lines whose context repeats in every
  // part. A highlight on every seventh line, and a note inserted at a break in the middle.
  const original = BOOK.slice(0, 12_000);
  const note = 'A note on this edition, inserted before the text.\n\n';
  const at = original.indexOf('\n\n', 3_000) + 2;
  const text = original.slice(0, at) + note + original.slice(at);
  const lines = [...original.matchAll(/ {4}(CHAPTER [IVXL]+)\n/g)]
    .filter((_, index) => index % 7 === 0)
    .map((match, id) => {
      const start = (match.index ?? 0) + 4;
      return { id, ...describeRange(original, start, start + (match[1] ?? '').length) };
    });

  it('places every line where its neighbours, placed in turn, pin it', () => {
    // Each exact placement of the bracket pass pins the next one: one round leaves half in doubt.
    const anchors = anchorAll(text, lines);
    expect(lines.length).toBeGreaterThan(50);
    for (const { id, position } of lines) {
      const start = position.start + (position.start >= at ? note.length : 0);
      expect(anchors.get(id)).toMatchObject({ start, status: 'placed' });
    }
  });
});
