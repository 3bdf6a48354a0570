/**
 * Random highlights as a reader makes them: from one word to three paragraphs, starting and
 * ending on word boundaries, anywhere in the text (they may overlap).
 */
import type { Span } from './markers';
import { randomInt, type Random } from './random';

const WORD = /\S/;

/** Moves `offset` forward to the start of the next word (or the text's end). */
function wordStartFrom(text: string, offset: number): number {
  let i = offset;
  while (i > 0 && i < text.length && WORD.test(text.charAt(i - 1))) i++;
  while (i < text.length && !WORD.test(text.charAt(i))) i++;
  return i;
}

/** The end of the `words`-th word starting at `start`. */
function afterWords(text: string, start: number, words: number): number {
  let i = start;
  for (let word = 0; word < words && i < text.length; word++) {
    while (i < text.length && !WORD.test(text.charAt(i))) i++;
    while (i < text.length && WORD.test(text.charAt(i))) i++;
  }
  return i;
}

/** The end of the paragraph `start` is in, `count - 1` paragraphs further on, trailing space cut. */
function afterParagraphs(text: string, start: number, count: number): number {
  let i = start;
  for (let paragraph = 0; paragraph < count; paragraph++) {
    const next = text.indexOf('\n\n', i + 1);
    if (next === -1) return text.trimEnd().length;
    i = next;
  }
  return text.slice(0, i).trimEnd().length;
}

/** How long a random highlight is: mostly a few words, sometimes whole paragraphs. */
function randomEnd(text: string, start: number, random: Random): number {
  const kind = random();
  if (kind < 0.3) return afterWords(text, start, randomInt(random, 1, 3));
  if (kind < 0.7) return afterWords(text, start, randomInt(random, 3, 30));
  if (kind < 0.9) return afterWords(text, start, randomInt(random, 30, 120));
  return afterParagraphs(text, start, randomInt(random, 1, 4));
}

/** `count` random highlights on `text`, in no particular order. */
export function randomHighlights(text: string, count: number, random: Random): Span[] {
  const spans: Span[] = [];
  while (spans.length < count) {
    const start = wordStartFrom(text, randomInt(random, 0, text.length));
    const end = randomEnd(text, start, random);
    if (end > start) spans.push({ start, end });
  }
  return spans;
}
