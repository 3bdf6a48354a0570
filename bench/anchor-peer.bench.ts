/**
 * anchor.peerRatio: our anchoring time over dom-anchor-text-quote's (the quote anchoring the
 * Hypothesis approach grew from, diff-match-patch underneath) on the same edited 1 MB text and
 * the same 1,000 highlights. Both are pure string code, run here in Node's V8; the peer is
 * given its own position hint, as Hypothesis does. Lower is better.
 */
import { readFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import { toTextPosition } from 'dom-anchor-text-quote';
import { test } from '@playwright/test';
import { anchorAll } from '../common/anchoring/anchor-many';
import { describeRange } from '../common/anchoring/describe';
import { recordMetric } from './results';
import { warAndPeacePath } from './support';

const COUNT = 1000;

test('anchor.peerRatio: ours against dom-anchor-text-quote on an edited text', async () => {
  const raw = await readFile(warAndPeacePath, 'utf8');
  const text = raw
    .replace(/^\uFEFF/, '')
    .replace(/\r\n/g, '\n')
    .slice(0, 1 << 20);
  // 1,000 highlights of ~40-200 characters, evenly spread, starting at word boundaries.
  const step = Math.floor((text.length - 4000) / COUNT);
  const items = Array.from({ length: COUNT }, (_, id) => {
    const start = text.indexOf(' ', 2000 + id * step) + 1;
    return { id, ...describeRange(text, start, start + 40 + (id % 5) * 40) };
  });
  // The edit: a preface inserted near the start, one letter changed inside every tenth quote.
  const inserted = 'A new preface by the translators, added in this edition.\n\n'.repeat(25);
  let edited = text;
  for (const item of items.toReversed()) {
    if (item.id % 10 !== 0 || item.position === undefined) continue;
    const at = Math.floor((item.position.start + item.position.end) / 2);
    edited = `${edited.slice(0, at)}q${edited.slice(at + 1)}`;
  }
  edited = `${edited.slice(0, 1000)}${inserted}${edited.slice(1000)}`;
  const expectedStart = (id: number) => (items[id]?.position?.start ?? 0) + inserted.length;

  let started = performance.now();
  const ours = anchorAll(edited, items);
  const oursMs = performance.now() - started;
  const root = { textContent: edited };
  started = performance.now();
  const theirs = items.map((item) => toTextPosition(root, item.quote, { hint: item.position?.start }));
  const theirsMs = performance.now() - started;

  const oursCorrect = items.filter((item) => ours.get(item.id)?.start === expectedStart(item.id)).length;
  const theirsCorrect = items.filter((item) => theirs[item.id]?.start === expectedStart(item.id)).length;
  console.log(
    `anchoring 1,000 on the edited 1 MB text: ours ${oursMs.toFixed(1)} ms (${oursCorrect} correct),`,
    `dom-anchor-text-quote ${theirsMs.toFixed(0)} ms (${theirsCorrect} correct)`,
  );
  recordMetric('anchor.peerRatio', oursMs / theirsMs, 1, 'x');
});
