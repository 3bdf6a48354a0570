/**
 * The texts of the highlight benchmark: where its 1,000 highlights go, and the issue's edit
 * of the book (with each highlight's expected text afterwards). Pure string code.
 */

/** A small seeded generator, so every run places the same highlights. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32;
}

/** 1,000 word-bounded passages of 20–200 characters, spread over the text. */
export function passages(text: string, count: number): { start: number; end: number }[] {
  const random = seeded(42);
  const out: { start: number; end: number }[] = [];
  while (out.length < count) {
    let start = Math.floor(random() * (text.length - 400));
    while (start < text.length && !/\w/.test(text[start] ?? '')) start++;
    while (start > 0 && /\w/.test(text[start - 1] ?? '')) start--;
    let end = start + 20 + Math.floor(random() * 180);
    while (end < text.length && /\w/.test(text[end] ?? '')) end++;
    while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
    if (end - start >= 10) out.push({ start, end });
  }
  return out;
}

export interface Made {
  id: string;
  exact: string;
  /** Offset in the rendered text it was made on. */
  start: number;
}

/** A 12-letter run of `exact`, as near its middle as possible, that occurs once in `text`. */
function uniqueSnippet(text: string, exact: string): string | null {
  const middle = Math.floor(exact.length / 2) - 6;
  for (let shift = 0; shift < exact.length; shift++) {
    for (const at of [middle + shift, middle - shift]) {
      const snippet = exact.slice(at, at + 12);
      if (at >= 0 && /^[A-Za-z ]{12}$/.test(snippet) && text.indexOf(snippet) === text.lastIndexOf(snippet))
        return snippet;
    }
  }
  return null;
}

/**
 * The issue's edit: text inserted near the start, and every tenth highlighted passage changed
 * slightly (one letter in its middle). Edits the stored markdown, whose paragraphs are the
 * rendered text but for escapes: a change is made only where a 12-letter snippet of the quote
 * is unique in the file. Returns the edited markdown and each highlight's expected text.
 */
export function editForIssue(
  markdown: string,
  rendered: string,
  made: readonly Made[],
): { markdown: string; expected: Map<string, string> } {
  const expected = new Map(made.map((h) => [h.id, h.exact]));
  let edited = markdown;
  for (const [index, { exact }] of made.entries()) {
    if (index % 10 !== 0) continue;
    const snippet = uniqueSnippet(edited, exact);
    const at = snippet === null ? -1 : rendered.indexOf(snippet);
    if (snippet === null || at < 0 || at !== rendered.lastIndexOf(snippet)) continue;
    const letter = snippet[6] === 'q' ? 'z' : 'q';
    edited = edited.replace(snippet, `${snippet.slice(0, 6)}${letter}${snippet.slice(7)}`);
    // Every highlight covering the changed letter (overlapping ones too) changes with it.
    const changedAt = at + 6;
    for (const h of made) {
      const offset = changedAt - h.start;
      const text = expected.get(h.id) ?? '';
      if (offset >= 0 && offset < text.length)
        expected.set(h.id, `${text.slice(0, offset)}${letter}${text.slice(offset + 1)}`);
    }
  }
  const insertAt = edited.indexOf('\n\n', 2000) + 2;
  const inserted =
    'A note from the editors of this edition, inserted before the text begins in earnest.\n\n'.repeat(12);
  return { markdown: `${edited.slice(0, insertAt)}${inserted}${edited.slice(insertAt)}`, expected };
}

/**
 * The passages (quote, occurrence in the 1 MB book) highlighted one click each by the persist bench.
 * Fifteen, not five: each click lands at a random phase of the 16.7 ms frame clock, which alone
 * moves one click's figure by up to a frame; the median of five swung 8–16 ms.
 */
export const PERSIST_CLICKS = [
  ['Pierre', 40],
  ['the vicomte', 5],
  ['Princess Mary', 30],
  ['Pierre', 300],
  ['Princess Mary', 90],
  ['Natásha', 20],
  ['Prince Andrew', 100],
  ['Rostóv', 50],
  ['Dólokhov', 60],
  ['Anna Pávlovna', 10],
  ['Pierre', 150],
  ['Prince Andrew', 300],
  ['Natásha', 120],
  ['Rostóv', 400],
  ['Dólokhov', 150],
] as const;
