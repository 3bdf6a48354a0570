/**
 * Cuts a section's markdown into render chunks of bounded size, so a huge section (a long
 * document without headings) is parsed and laid out piece by piece. Pure.
 */

/** Chunks of about this many characters parse in ~1 ms and lay out in a few ms. */
export const CHUNK_CHARS = 6_000;
/** ...or this many blocks: a contents list of 400 one-line paragraphs is costly at any size. */
export const CHUNK_BLOCKS = 60;

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * True when a block boundary before `nextLine` is safe to cut at: the next block starts at
 * the margin and is not a list item (cutting between loose list items would restart the list)
 * or a lazy continuation.
 */
function isSafeCut(nextLine: string): boolean {
  if (nextLine === '' || /^[ \t>]/.test(nextLine)) return false;
  return !LIST_ITEM.test(nextLine);
}

/**
 * Splits `markdown` at blank lines outside fenced code into pieces of roughly `maxChars`
 * (a piece grows past it only when no safe cut exists). Joining the pieces gives the input back.
 */
export function splitIntoChunks(
  markdown: string,
  maxChars: number = CHUNK_CHARS,
  maxBlocks: number = CHUNK_BLOCKS,
): string[] {
  if (markdown.length <= maxChars && countBlocks(markdown) <= maxBlocks) return [markdown];
  const chunks: string[] = [];
  let chunkStart = 0;
  let fence: string | null = null;
  let previousBlank = false;
  let blocks = 0;
  let lineStart = 0;
  while (lineStart < markdown.length) {
    const newline = markdown.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? markdown.length : newline;
    const line = markdown.slice(lineStart, lineEnd).replace(/\r$/, '');
    const fenceRun = FENCE.exec(line)?.[1];
    if (previousBlank && line.trim() !== '') blocks++;
    const full = lineStart - chunkStart >= maxChars || blocks > maxBlocks;
    if (fence === null && previousBlank && full && isSafeCut(line)) {
      chunks.push(markdown.slice(chunkStart, lineStart));
      chunkStart = lineStart;
      blocks = 1;
    }
    if (fenceRun !== undefined) {
      if (fence === null) fence = fenceRun;
      else if (fenceRun[0] === fence[0] && fenceRun.length >= fence.length) fence = null;
    }
    previousBlank = line.trim() === '';
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  chunks.push(markdown.slice(chunkStart));
  return chunks;
}

/**
 * A rough rendered height in px for `chars` characters of prose, used as the placeholder and
 * `contain-intrinsic-size` of unrendered chunks so the scrollbar is about right from the start.
 */
export function estimateHeight(
  chars: number,
  blocks: number,
  typography: { fontSize: number; lineWidth: number; lineHeight: number },
): number {
  // A `ch` is the width of "0"; average prose runs about 1.1 characters per ch.
  const charsPerLine = typography.lineWidth * 1.1;
  const linePx = typography.fontSize * typography.lineHeight;
  // Each block ends in a part-filled line and a paragraph gap: about one more line.
  const lines = chars / charsPerLine + blocks;
  return Math.max(linePx, Math.round(lines * linePx));
}

/** Counts markdown blocks (about the number of blank-line gaps) for the height estimate. */
export function countBlocks(markdown: string): number {
  let blocks = 1;
  // indexOf beats a regex here: this runs over the whole document before the first paint.
  for (let at = markdown.indexOf('\n\n'); at !== -1; at = markdown.indexOf('\n\n', at + 2)) {
    blocks++;
    while (markdown.charCodeAt(at + 2) === 10) at++;
  }
  return markdown.endsWith('\n\n') ? blocks - 1 : blocks;
}
