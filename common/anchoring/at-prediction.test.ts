/**
 * A passage edited in several letters, found at the offset the neighbours predict
 * (at-prediction.ts): placed when both sides of its context agree, never on the strength of the
 * prediction alone.
 */
import { describe, expect, it } from 'vitest';
import { anchorQuote } from './anchor';
import { describeRange } from './describe';

const PARAGRAPH =
  'Prince Vasili always spoke languidly, like an actor repeating a stale part. Anna Pavlovna ' +
  'Scherer on the contrary, despite her forty years, overflowed with animation and impulsiveness.';
const LATER =
  'The anteroom was filled with guests. Pierre, who had been sent for, came in with a look of ' +
  'bewilderment, and the old countess, who had known him as a child, held out her hand to him. ' +
  'He kissed it and sat down by the window, where the light fell on his spectacles.';
const ORIGINAL = `Well, Prince, so Genoa and Lucca are now just family estates.\n\n${PARAGRAPH}\n\n${LATER}`;
const QUOTE = 'like an actor';
const start = ORIGINAL.indexOf(QUOTE);
const { quote, position } = describeRange(ORIGINAL, start, start + QUOTE.length);
const SHIFT = 'A preface. '.length;
// Three of the quote's thirteen letters changed (more than a placed match may lose) and three on
// each side of it: the reader's neighbouring highlights were edited too.
const edited = `A preface. ${ORIGINAL.replace('like an actor', 'lika an ectar')
  .replace('always spoke languidly', 'alwayz spoko langxidly')
  .replace('repeating a stale part', 'repeatimg a stble parf')}`;

describe('a passage edited in several letters at the predicted offset', () => {
  it('is placed when the context agrees on both sides', () => {
    const anchor = anchorQuote(edited, quote, position, { hint: position.start + SHIFT });
    expect(anchor).toMatchObject({
      start: start + SHIFT,
      end: start + SHIFT + QUOTE.length,
      status: 'placed',
    });
  });

  it('is only a check when the prediction points elsewhere', () => {
    const anchor = anchorQuote(edited, quote, position, { hint: position.start + SHIFT + 300 });
    expect(anchor?.status ?? 'unplaced').not.toBe('placed');
  });

  it('is only a check when an unedited copy elsewhere agrees better', () => {
    const text = `${edited}\n\n${PARAGRAPH}`;
    const anchor = anchorQuote(text, quote, position, { hint: position.start + SHIFT });
    expect(anchor?.status ?? 'unplaced').not.toBe('placed');
  });

  it('is not placed when the text beside it changed: another passage moved in', () => {
    const text = edited.replace('always spoke languidlx, ', 'was heard to say, ');
    const moved = text.indexOf('lika an ector');
    const anchor = anchorQuote(text, quote, position, { hint: moved });
    expect(anchor?.status ?? 'unplaced').not.toBe('placed');
  });
});
