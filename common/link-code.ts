/**
 * Where a markdown text holds code (fenced blocks and inline code spans, as CommonMark pairs
 * them), found in one linear pass, so that `[[lectern:…]]` written inside code stays text.
 */

/** A `[start, end)` range of UTF-16 offsets. */
export interface TextRange {
  start: number;
  end: number;
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Every code range of the text, in order and not overlapping. */
export function codeRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let paragraphStart = 0;
  let fence: { char: string; length: number; start: number } | null = null;
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd);
    const marker = FENCE.exec(line)?.[1] ?? null;
    if (fence !== null) {
      const closes = marker !== null && marker[0] === fence.char && marker.length >= fence.length;
      if (closes && line.trim() === marker) {
        ranges.push({ start: fence.start, end: lineEnd });
        fence = null;
        paragraphStart = lineEnd;
      }
    } else if (
      marker !== null &&
      !(marker.startsWith('`') && line.trim().slice(marker.length).includes('`'))
    ) {
      // A backtick fence's info string may not hold a backtick (then the line is a code span).
      spansIn(text, paragraphStart, lineStart, ranges);
      fence = { char: marker.charAt(0), length: marker.length, start: lineStart };
    } else if (line.trim() === '') {
      spansIn(text, paragraphStart, lineEnd, ranges);
      paragraphStart = lineEnd;
    }
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  // An unclosed fence runs to the end of the text (CommonMark).
  if (fence !== null) ranges.push({ start: fence.start, end: text.length });
  else spansIn(text, paragraphStart, text.length, ranges);
  return ranges;
}

/** Pairs backtick runs of equal length within `[from, to)` into code spans (a paragraph). */
function spansIn(text: string, from: number, to: number, ranges: TextRange[]): void {
  const runs = backtickRuns(text, from, to);
  if (runs.length < 2) return;
  const byLength = new Map<number, number[]>();
  runs.forEach((run, index) => {
    const list = byLength.get(run.length) ?? [];
    list.push(index);
    byLength.set(run.length, list);
  });
  // Per length, how far its list has been passed; the scan only moves forward, so this is linear.
  const passed = new Map<number, number>();
  let index = 0;
  for (let opener = runs[0]; opener !== undefined; opener = runs[index]) {
    const list = byLength.get(opener.length) ?? [];
    let cursor = passed.get(opener.length) ?? 0;
    while (cursor < list.length && (list[cursor] ?? 0) <= index) cursor++;
    passed.set(opener.length, cursor);
    if (cursor >= list.length) {
      index++;
      continue;
    }
    const closerIndex = list[cursor] ?? runs.length;
    const closer = runs[closerIndex] ?? opener;
    ranges.push({ start: opener.start, end: closer.start + closer.length });
    index = closerIndex + 1;
  }
}

function backtickRuns(text: string, from: number, to: number): { start: number; length: number }[] {
  const runs: { start: number; length: number }[] = [];
  let at = text.indexOf('`', from);
  while (at >= 0 && at < to) {
    // A backslash-escaped backtick opens nothing (it may still close: CommonMark, kept simple).
    let end = at;
    while (end < to && text[end] === '`') end++;
    if (!(at > 0 && text[at - 1] === '\\')) runs.push({ start: at, length: end - at });
    at = text.indexOf('`', end);
  }
  return runs;
}
