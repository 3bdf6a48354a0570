/**
 * The edits of the evaluation, applied to a text carrying highlight markers (markers.ts): the
 * kinds of change issue 7 lists, each after a preface inserted near the start so that no
 * highlight keeps its stored offsets and every one goes through the search.
 */
import { isMarker, markerOf, stripMarkers } from './markers';
import { pick, randomInt, type Random } from './random';

/** What happens to the document between making the highlights and placing them again. */
export const EDIT_KINDS = [
  'unchanged',
  'inserted',
  'oneChar',
  'deletedParagraphs',
  'movedParagraphs',
  'duplicateChapter',
  'duplicateChapterOneChar',
  'duplicateChapterDeleted',
  'typography',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

const PREFACE =
  'A note on this edition. The text was checked against the first printing, and a few ' +
  'passages were restored.\n\nThe editors thank the readers who sent corrections.';
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const SEPARATOR = '\n\n';

function hasLetter(char: string): boolean {
  return /\p{L}/u.test(char);
}

/** `char` replaced by a different lowercase letter. */
function otherLetter(char: string, random: Random): string {
  const letter = pick(random, [...LETTERS]);
  return letter === char.toLowerCase() ? (letter === 'e' ? 'a' : 'e') : letter;
}

/** The preface inserted at a paragraph break in the first 2 % of the text. */
function insertNearStart(marked: string, random: Random): string {
  const paragraphs = marked.split(SEPARATOR);
  const at = randomInt(random, 1, Math.max(2, Math.floor(paragraphs.length / 50)));
  paragraphs.splice(at, 0, PREFACE);
  return paragraphs.join(SEPARATOR);
}

/** One letter changed inside each of `fraction` of the `count` highlights. */
function changeOneChar(marked: string, count: number, fraction: number, random: Random): string {
  const chars = [...marked];
  const index = new Map<string, number>();
  chars.forEach((char, at) => index.set(char, at));
  for (let highlight = 0; highlight < count; highlight++) {
    if (random() >= fraction) continue;
    const from = index.get(markerOf(highlight, false)) ?? -1;
    const to = index.get(markerOf(highlight, true)) ?? -1;
    const letters = [];
    for (let at = from + 1; at < to; at++) if (hasLetter(chars[at] ?? '')) letters.push(at);
    if (letters.length === 0) continue;
    const at = pick(random, letters);
    chars[at] = otherLetter(chars[at] ?? '', random);
  }
  return chars.join('');
}

/** About `fraction` of the paragraphs deleted. */
function deleteParagraphs(marked: string, fraction: number, random: Random): string {
  return marked
    .split(SEPARATOR)
    .filter(() => random() >= fraction)
    .join(SEPARATOR);
}

/** True when every highlight marked in `paragraph` starts and ends in it. */
function selfContained(paragraph: string): boolean {
  const open = new Set<number>();
  for (let i = 0; i < paragraph.length; i++) {
    const code = paragraph.charCodeAt(i);
    if (!isMarker(code)) continue;
    if (code % 2 === 0) open.add(code);
    else if (!open.delete(code - 1)) return false;
  }
  return open.size === 0;
}

/** `moves` paragraphs each moved at least a quarter of the text away. */
function moveParagraphs(marked: string, moves: number, random: Random): string {
  const paragraphs = marked.split(SEPARATOR);
  const quarter = Math.floor(paragraphs.length / 4);
  for (let move = 0, tries = 0; move < moves && tries < 100; tries++) {
    const from = randomInt(random, 0, paragraphs.length);
    const paragraph = paragraphs[from] ?? '';
    if (paragraph.trim().length < 40 || !selfContained(paragraph)) continue;
    paragraphs.splice(from, 1);
    const far = from < paragraphs.length / 2;
    const to = far
      ? randomInt(random, from + quarter, paragraphs.length)
      : randomInt(random, 0, from - quarter);
    paragraphs.splice(Math.max(0, to), 0, paragraph);
    move++;
  }
  return paragraphs.join(SEPARATOR);
}

/** A word here and there changed: a revised copy. */
function revise(paragraph: string, random: Random): string {
  return paragraph.replace(/\p{L}{4,}/gu, (word) =>
    random() < 0.03 ? word.slice(0, -1) + otherLetter(word.slice(-1), random) : word,
  );
}

/**
 * A run of about a tenth of the paragraphs (a chapter) copied, lightly revised and without
 * markers (the copy holds no highlight), to a random paragraph break after the original.
 */
export function duplicateChapter(marked: string, random: Random): string {
  const paragraphs = marked.split(SEPARATOR);
  const length = Math.max(3, Math.floor(paragraphs.length / 10));
  const from = randomInt(random, 0, Math.max(1, paragraphs.length - length));
  const copy = paragraphs.slice(from, from + length).map((p) => revise(stripMarkers(p), random));
  const to = randomInt(random, from + length, paragraphs.length + 1);
  paragraphs.splice(to, 0, ...copy);
  return paragraphs.join(SEPARATOR);
}

/** Straight quotes to curly ones, `--` to an em dash, two spaces after a sentence. */
function typography(marked: string): string {
  return marked
    .replace(/(^|[\s([])"/gu, '$1\u201c')
    .replaceAll('"', '\u201d')
    .replace(/(^|[\s([])'/gu, '$1\u2018')
    .replaceAll("'", '\u2019')
    .replaceAll('--', '\u2014')
    .replace(/([.!?]) (\p{Lu})/gu, '$1  $2');
}

/** `marked` (with the markers of `count` highlights) after an edit of `kind`. */
export function applyEdit(marked: string, kind: EditKind, count: number, random: Random): string {
  if (kind === 'unchanged') return marked;
  const shifted = insertNearStart(marked, random);
  switch (kind) {
    case 'inserted':
      return shifted;
    case 'oneChar':
      return changeOneChar(shifted, count, 0.1, random);
    case 'deletedParagraphs':
      return deleteParagraphs(shifted, 0.05, random);
    case 'movedParagraphs':
      return moveParagraphs(shifted, 4, random);
    case 'duplicateChapter':
      return duplicateChapter(shifted, random);
    case 'duplicateChapterOneChar':
      return changeOneChar(duplicateChapter(shifted, random), count, 0.1, random);
    case 'duplicateChapterDeleted':
      return deleteParagraphs(duplicateChapter(shifted, random), 0.05, random);
    case 'typography':
      return typography(shifted);
  }
}
