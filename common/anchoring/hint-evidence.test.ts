/**
 * The predicted place as evidence (hint-evidence.ts) on real prose: a passage found near where
 * its neighbours put it against a revised copy of it far off.
 */
import { describe, expect, it } from 'vitest';
import { anchorQuote, MIN_SCORE } from './anchor';
import type { Found } from './decide';
import { describeRange } from './describe';
import { NEAR_DISTANCE, nearPreferred } from './hint-evidence';
import { scoreCandidate } from './score';
import { BOOK } from './test-fixtures';

const CHAPTER = BOOK.slice(200_000, 230_000);
/** A sentence in the middle of the chapter, and the offset of the passage copied around it. */
const QUOTE_AT = CHAPTER.indexOf(' ', 10_000) + 1;
const QUOTE_LENGTH = 60;
const COPIED = { from: QUOTE_AT - 1_000, to: QUOTE_AT + 1_000 };
/** What a paragraph deleted upstream shifts the passage by: past the settling distance, within reach. */
const DELETED = 1_000;

/** `passage` with the first letter of `words` words after its quote changed: a revised copy. */
function revised(passage: string, quoteEnd: number, words = 1): string {
  let result = passage;
  let at = quoteEnd;
  for (let word = 0; word < words; word++) {
    at = result.indexOf(' ', at + 1) + 1;
    const letter = result.charAt(at) === 'e' ? 'a' : 'e';
    result = result.slice(0, at) + letter + result.slice(at + 1);
  }
  return result;
}

describe('a passage near the prediction against a far, revised copy', () => {
  const { quote, position } = describeRange(CHAPTER, QUOTE_AT, QUOTE_AT + QUOTE_LENGTH);
  const copy = revised(CHAPTER.slice(COPIED.from, COPIED.to), QUOTE_AT + QUOTE_LENGTH - COPIED.from);
  // A paragraph's worth deleted before the passage, the revised copy put 15,000 characters after it.
  const text =
    CHAPTER.slice(0, 5_000) +
    CHAPTER.slice(5_000 + DELETED, 25_000) +
    '\n\n' +
    copy +
    '\n\n' +
    CHAPTER.slice(25_000);
  const now = QUOTE_AT - DELETED;

  it('is placed where every stored character agrees, nearer the prediction', () => {
    expect(text.slice(now, now + QUOTE_LENGTH)).toBe(quote.exact);
    // Without the rule the copy, a letter off and 15,000 characters away, makes it "check this".
    const anchor = anchorQuote(text, quote, position);
    expect(anchor).toMatchObject({ start: now, end: now + QUOTE_LENGTH, status: 'placed' });
  });

  it('is "check this" when the copy far off agrees as well (an unrevised copy)', () => {
    const intact = text.replace(copy, CHAPTER.slice(COPIED.from, COPIED.to));
    const anchor = anchorQuote(intact, quote, position);
    expect(anchor).toMatchObject({ start: now, status: 'check', reason: 'farFromPrediction' });
  });

  it('is "check this" when the copy agreeing less lies near the prediction too', () => {
    // Eight words of the copy's suffix revised: it scores clearly lower, yet position cannot tell.
    const near = revised(CHAPTER.slice(COPIED.from, COPIED.to), QUOTE_AT + QUOTE_LENGTH - COPIED.from, 8);
    const shifted = CHAPTER.slice(0, 5_000) + CHAPTER.slice(5_000 + DELETED);
    const at = COPIED.to - DELETED;
    const close = `${shifted.slice(0, at)}\n\n${near}\n\n${shifted.slice(at)}`;
    const copyAt = close.indexOf(quote.exact, now + 1);
    const found = (start: number): Found => ({
      ...scoreCandidate(close, quote, { start, end: start + QUOTE_LENGTH, errors: 0 }, position.start),
      method: 'near',
    });
    expect(copyAt - position.start).toBeLessThan(NEAR_DISTANCE);
    const anchor = nearPreferred([found(now), found(copyAt)], position.start, QUOTE_LENGTH, MIN_SCORE);
    expect(anchor).toMatchObject({ start: now, status: 'check', reason: 'farFromPrediction' });
  });
});
