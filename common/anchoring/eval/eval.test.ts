/**
 * The anchoring evaluation in small (see evaluate.ts): every document and edit, a few hundred
 * seeded highlights each. Fails on any highlight placed on the wrong passage.
 */
import { describe, expect, it } from 'vitest';
import { BOOK, PAGES } from '../test-fixtures';
import { EDIT_KINDS } from './edits';
import { evaluate, sumTallies, type EvalDocument, type Tally } from './evaluate';
import { markdownDocument, nearDuplicateDocument } from './texts';

const PROSE = BOOK.slice(200_000, 400_000);
const DOCUMENTS: EvalDocument[] = [
  { name: 'war-and-peace', text: BOOK.slice(0, 300_000) },
  ...PAGES.slice(0, 3),
  { name: 'markdown', text: markdownDocument(PROSE, 30) },
  { name: 'near-duplicate', text: nearDuplicateDocument(PROSE, 10) },
];
const COUNT = 120;

describe.each(DOCUMENTS)('anchoring evaluation on $name', (document) => {
  const tallies: Tally[] = [];

  it.each(EDIT_KINDS)('places no highlight on the wrong passage after "%s"', (edit) => {
    const tally = evaluate(document, edit, { count: COUNT, seed: document.text.length + edit.length });
    tallies.push(tally);
    console.log(document.name, edit, JSON.stringify(tally.counts));
    expect(tally.wrongExamples, tally.wrongExamples.join('\n')).toEqual([]);
    expect(tally.counts.wrong).toBe(0);
  });

  it('places (or rightly leaves unplaced) nearly all of them', () => {
    const { total, counts } = sumTallies(tallies);
    expect(total).toBe(COUNT * EDIT_KINDS.length);
    expect((counts.correct + counts.correctlyUnplaced) / total).toBeGreaterThanOrEqual(0.95);
  });
});
