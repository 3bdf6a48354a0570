/**
 * The anchoring evaluation in full (common/anchoring/eval): 1,000 random highlights per
 * document (War and Peace, the web-page fixtures, a markdown text, a near-duplicate-chapter
 * document) under every edit, classified against the truth the markers carry. Pure string
 * code, run here in Node. Records anchor.eval.wrong / .correct / .check, per-edit figures and
 * anchor.eval.nearDuplicate (ms to place 1,000 highlights on the near-duplicate text, edited).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { test } from '@playwright/test';
import { EDIT_KINDS } from '../common/anchoring/eval/edits';
import { evaluate, sumTallies, type EvalDocument, type Tally } from '../common/anchoring/eval/evaluate';
import {
  bookText,
  htmlToText,
  markdownDocument,
  nearDuplicateDocument,
} from '../common/anchoring/eval/texts';
import { median, recordMetric } from './results';
import { warAndPeacePath } from './support';

const COUNT = 1000;
const pagesDir = join(import.meta.dirname, '..', 'e2e', 'fixtures', 'web-pages');

async function documents(): Promise<EvalDocument[]> {
  const book = bookText(await readFile(warAndPeacePath, 'utf8'));
  const names = (await readdir(pagesDir)).toSorted();
  const pages = await Promise.all(
    names.map(async (name) => ({
      name,
      text: htmlToText(await readFile(join(pagesDir, name, 'expected.html'), 'utf8')),
    })),
  );
  const prose = book.slice(300_000, 700_000);
  return [
    { name: 'war-and-peace', text: book },
    ...pages,
    { name: 'markdown', text: markdownDocument(prose, 60) },
    { name: 'near-duplicate', text: nearDuplicateDocument(prose, 12) },
  ];
}

const fraction = (tallies: readonly Tally[], pick: (c: Tally['counts']) => number) => {
  const { total, counts } = sumTallies(tallies);
  return total === 0 ? 0 : pick(counts) / total;
};
const checks = (c: Tally['counts']) => c.checkRight + c.checkAlternative + c.checkWrong;

test('anchor.eval: wrong, correct and "check this" fractions over every document and edit', async () => {
  const tallies: Tally[] = [];
  for (const document of await documents()) {
    for (const edit of EDIT_KINDS) {
      const tally = evaluate(document, edit, {
        count: COUNT,
        seed: 7 + edit.length,
        clock: performance.now.bind(performance),
      });
      tallies.push(tally);
      console.log(
        document.name.padEnd(16),
        edit.padEnd(24),
        JSON.stringify(tally.counts),
        JSON.stringify(tally.checkReasons),
        tally.wrongExamples[0] ?? '',
      );
    }
  }
  recordMetric(
    'anchor.eval.wrong',
    fraction(tallies, (c) => c.wrong),
    0.0005,
    'fraction',
  );
  recordMetric(
    'anchor.eval.correct',
    fraction(tallies, (c) => c.correct + c.correctlyUnplaced),
    0.98,
    'ratio',
  );
  recordMetric('anchor.eval.check', fraction(tallies, checks), 0.02, 'fraction');
  for (const edit of EDIT_KINDS) {
    const ofEdit = tallies.filter((t) => t.edit === edit);
    recordMetric(
      `anchor.eval.${edit}.wrong`,
      fraction(ofEdit, (c) => c.wrong),
      0.0005,
      'fraction',
    );
    recordMetric(`anchor.eval.${edit}.check`, fraction(ofEdit, checks), 0.02, 'fraction');
  }
  const nearDuplicate = (await documents()).find((d) => d.name === 'near-duplicate');
  if (nearDuplicate === undefined) throw new Error('no near-duplicate document');
  const runs = [1, 2, 3, 4, 5].map(
    (seed) =>
      evaluate(nearDuplicate, 'duplicateChapterOneChar', {
        count: COUNT,
        seed,
        clock: performance.now.bind(performance),
      }).anchorMs,
  );
  recordMetric('anchor.eval.nearDuplicate', median(runs), 150);
});
