/**
 * The anchoring evaluation in small (see evaluate.ts): every document and edit, a few hundred
 * seeded highlights each. Fails on any highlight placed on the wrong passage in the main
 * documents, and on more than the tolerated share over every web-page fixture.
 */
import { describe, expect, it } from 'vitest';
import { ALL_PAGES, BOOK, PAGES } from '../test-fixtures';
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
/** Highlights per web page in the all-pages run (35 pages, so the run stays short). */
const PAGE_COUNT = 60;
/**
 * Wrong placements tolerated over all pages: the tiny pages made of repeated lorem-ipsum
 * paragraphs, edited in a tenth of their highlights, still fool it now and then. The goal
 * (issue 7) is 0.0005; this guards the level reached.
 */
const PAGES_WRONG = 0.001;
/** A whole edit over every page takes seconds; on a machine shared by several runs, many more. */
const SLOW = 60_000;

describe.each(DOCUMENTS)('anchoring evaluation on $name', (document) => {
  const tallies: Tally[] = [];

  it.each(EDIT_KINDS)(
    'places no highlight on the wrong passage after "%s"',
    (edit) => {
      const tally = evaluate(document, edit, { count: COUNT, seed: document.text.length + edit.length });
      tallies.push(tally);
      console.log(document.name, edit, JSON.stringify(tally.counts));
      expect(tally.wrongExamples, tally.wrongExamples.join('\n')).toEqual([]);
      expect(tally.counts.wrong).toBe(0);
    },
    SLOW,
  );

  it('places (or rightly leaves unplaced) nearly all of them', () => {
    const { total, counts } = sumTallies(tallies);
    expect(total).toBe(COUNT * EDIT_KINDS.length);
    expect((counts.correct + counts.correctlyUnplaced) / total).toBeGreaterThanOrEqual(0.95);
  });
});

describe('anchoring evaluation over every web-page fixture', () => {
  const tallies: Tally[] = [];

  it.each(EDIT_KINDS)(
    'places nearly every highlight after "%s"',
    (edit) => {
      const ofEdit = ALL_PAGES.map((page) =>
        evaluate(page, edit, { count: PAGE_COUNT, seed: page.text.length + edit.length }),
      );
      tallies.push(...ofEdit);
      const { total, counts } = sumTallies(ofEdit);
      console.log('all pages', edit, JSON.stringify(counts));
      expect((counts.correct + counts.correctlyUnplaced) / total).toBeGreaterThanOrEqual(0.9);
    },
    SLOW,
  );

  it('places almost no highlight on the wrong passage, over all edits', () => {
    const { total, counts } = sumTallies(tallies);
    const examples = tallies.flatMap((t) => t.wrongExamples.map((e) => `${t.document} ${t.edit}: ${e}`));
    expect(total).toBe(PAGE_COUNT * ALL_PAGES.length * EDIT_KINDS.length);
    expect(counts.wrong / total, examples.join('\n')).toBeLessThanOrEqual(PAGES_WRONG);
    expect((counts.correct + counts.correctlyUnplaced) / total).toBeGreaterThanOrEqual(0.95);
  });
});
