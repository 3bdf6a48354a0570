/**
 * A candidate at the predicted place with a near-duplicate close by (near-twin.ts), and an exact
 * quote that keeps one side of its context (decide.ts): real prose, edited the unkind way.
 */
import { describe, expect, it } from 'vitest';
import { anchorQuote } from './anchor';
import { describeRange } from './describe';
import { nearTwin, resemblingTwin, twinMargin } from './near-twin';
import { scoreCandidate } from './score';

const PARAGRAPH =
  'Prince Vasili always spoke languidly, like an actor repeating a stale part. Anna Pavlovna ' +
  'Scherer on the contrary, despite her forty years, overflowed with animation and impulsiveness.';
const ORIGINAL = `Well, Prince, so Genoa and Lucca are now just family estates.\n\n${PARAGRAPH}\n\nThe end.`;
const QUOTE = 'despite her forty years';

function stored() {
  const start = ORIGINAL.indexOf(QUOTE);
  return describeRange(ORIGINAL, start, start + QUOTE.length);
}

describe('a near-duplicate close to the predicted place', () => {
  const edited = PARAGRAPH.replace('forty', 'fprty');

  it('makes the choice between an edited original and a revised copy close by "check this"', () => {
    // The copy keeps the quote but lost a letter of its context: each place differs by one letter.
    const revised = PARAGRAPH.replace('overflowed', 'overflowes');
    const text = `Well, Prince, so Genoa and Lucca are now just family estates.\n\n${edited}\n\n${revised}\n\nThe end.`;
    const { quote, position } = stored();
    const anchor = anchorQuote(text, quote, position);
    const places = [anchor?.start, ...(anchor?.alternatives ?? []).map((a) => a.start)];
    expect(anchor?.status).toBe('check');
    expect(places).toContain(position.start);
    expect(places).toContain(text.lastIndexOf(QUOTE));
  });

  it('leaves the edited match placed when no copy is close by', () => {
    const text = ORIGINAL.replace(PARAGRAPH, edited);
    const { quote, position } = stored();
    const anchor = anchorQuote(text, quote, position);
    expect(anchor).toMatchObject({ start: position.start, status: 'placed' });
  });

  it('finds the twin on either side, and none that agrees clearly worse', () => {
    const text = `${PARAGRAPH}\n\n${edited}`;
    const { quote } = stored();
    const start = text.lastIndexOf('despite her fprty years');
    const chosen = scoreCandidate(text, quote, { start, end: start + QUOTE.length, errors: 1 }, start);
    expect(nearTwin(text, quote, chosen)?.start).toBe(text.indexOf(QUOTE));
    const unrelated = `${'Natasha laughed and ran out of the room. '.repeat(8)}\n\n${edited}`;
    const at = unrelated.indexOf('despite her fprty years');
    const alone = scoreCandidate(unrelated, quote, { start: at, end: at + QUOTE.length, errors: 1 }, at);
    expect(nearTwin(unrelated, quote, alone)).toBeNull();
    expect(twinMargin(3)).toBe(2);
    expect(twinMargin(300)).toBe(30);
  });
});

describe('a copy of the passage off the predicted offset', () => {
  // The highlighted paragraph edited in many places, an intact copy of it inserted before it.
  const mangled = PARAGRAPH.replace('languidly', 'langvidly')
    .replace('repeating', 'repeatinq')
    .replace('forty', 'fprty')
    .replace('animation', 'animatiom')
    .replace('impulsiveness', 'impulsivenest');
  const intro = 'Well, Prince, so Genoa and Lucca are now just family estates.';
  const text = `${intro} A line was added here.\n\n${PARAGRAPH}\n\n${mangled}\n\nThe end.`;
  const { quote, position } = stored();
  const copyAt = text.indexOf(QUOTE);

  it('is "check this" with the edited original as the alternative when the prediction lies elsewhere', () => {
    const anchor = anchorQuote(text, quote, position, { hint: position.start + 80 });
    expect(anchor).toMatchObject({ start: copyAt, status: 'check' });
    const original = text.indexOf('despite her fprty years');
    expect(anchor?.alternatives.some((a) => Math.abs(a.start - original) <= 2)).toBe(true);
  });

  it('is placed when it lies at the very offset the neighbours predict', () => {
    const anchor = anchorQuote(text, quote, position, { hint: copyAt });
    expect(anchor).toMatchObject({ start: copyAt, status: 'placed' });
  });

  it('finds no resembling twin in unrelated prose nor in the passage itself', () => {
    const chosen = { start: copyAt, end: copyAt + QUOTE.length, errors: 0 };
    expect(
      resemblingTwin(ORIGINAL, quote, { ...chosen, start: position.start, end: position.end }),
    ).toBeNull();
    const unrelated = `${'Natasha laughed and ran out of the room. '.repeat(8)}\n\n${PARAGRAPH}`;
    const at = unrelated.indexOf(QUOTE);
    expect(resemblingTwin(unrelated, quote, { start: at, end: at + QUOTE.length, errors: 0 })).toBeNull();
    expect(resemblingTwin(text, quote, chosen)?.start).toBe(text.indexOf('despite her fprty years'));
  });
});

describe('an exact short quote with one side of its context intact', () => {
  const before = 'The old prince came out of his study and looked at them sternly.';
  const after = 'Pierre said nothing, but went to the window and stood there.';
  const original = `${before}\n\nMoscow\n\n${after}\n\nHe had left Moscow in the spring, with his regiment.`;
  const start = original.indexOf('Moscow');
  const { quote, position } = describeRange(original, start, start + 'Moscow'.length);

  it('is placed when the paragraph after it was replaced and no other Moscow reads like it', () => {
    const replaced = 'A new paragraph stands here, written by the editors of this edition.';
    const text = `A note.\n\n${original.replace(after, replaced)}`;
    const anchor = anchorQuote(text, quote, position);
    expect(anchor).toMatchObject({ start: start + 'A note.\n\n'.length, status: 'placed' });
  });

  it('is not placed with confidence when neither side agrees', () => {
    const text = `Far away from here. Moscow burned, and nobody knew who set the fire in it.`;
    const anchor = anchorQuote(text, quote, position);
    expect(anchor?.status ?? 'unplaced').not.toBe('placed');
  });
});
