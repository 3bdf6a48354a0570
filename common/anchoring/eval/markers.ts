/**
 * Ground truth for the evaluation: every highlight's two ends are marked in a copy of the text
 * with Private Use Area characters of its own, the copy is edited, and where the markers end up
 * (once all markers are removed) is where the highlight truly lies now.
 */

const FIRST_MARKER = 0xe000;
/** Two markers per highlight in U+E000..U+F8FF. */
export const MAX_MARKED = 3200;

/** A range of offsets in a text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * Where a highlight truly is after the edit: both ends kept, both deleted (it should be
 * unplaced), or one end deleted with the passage partly kept (`at`: the surviving end).
 */
export type Truth =
  { kind: 'present'; start: number; end: number } | { kind: 'absent' } | { kind: 'partial'; at: number };

/** True when `code` is one of the evaluation's markers. */
export function isMarker(code: number): boolean {
  return code >= FIRST_MARKER && code < FIRST_MARKER + 2 * MAX_MARKED;
}

/** The marker of highlight `index`'s start (or end). */
export function markerOf(index: number, end: boolean): string {
  return String.fromCharCode(FIRST_MARKER + 2 * index + (end ? 1 : 0));
}

/** `text` with a start and an end marker for every span (spans may overlap). */
export function addMarkers(text: string, spans: readonly Span[]): string {
  if (spans.length > MAX_MARKED) throw new Error(`at most ${MAX_MARKED} highlights can be marked`);
  const events = spans.flatMap((span, index) => [
    { at: span.start, marker: markerOf(index, false) },
    { at: span.end, marker: markerOf(index, true) },
  ]);
  events.sort((a, b) => a.at - b.at);
  const parts: string[] = [];
  let at = 0;
  for (const event of events) {
    parts.push(text.slice(at, event.at), event.marker);
    at = event.at;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** `text` without any marker. */
export function stripMarkers(text: string): string {
  let plain = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isMarker(text.charCodeAt(i))) continue;
    plain += text.slice(from, i);
    from = i + 1;
  }
  return plain + text.slice(from);
}

/**
 * Reads back where each highlight lies in the marker-free edited text. A highlight whose
 * length more than doubled or halved (text inserted into it, a paragraph of it deleted) was
 * broken by the edit: it counts as partly kept.
 */
export function readTruths(marked: string, spans: readonly Span[]): Truth[] {
  const count = spans.length;
  const starts: (number | undefined)[] = Array.from({ length: count }, () => undefined);
  const ends: (number | undefined)[] = Array.from({ length: count }, () => undefined);
  let seen = 0;
  for (let i = 0; i < marked.length; i++) {
    const code = marked.charCodeAt(i);
    if (!isMarker(code)) continue;
    const index = (code - FIRST_MARKER) >> 1;
    // Copies of a marker (a duplicated chapter) keep the first: the copy carries no truth.
    const target = (code - FIRST_MARKER) & 1 ? ends : starts;
    if (index < count && target[index] === undefined) target[index] = i - seen;
    seen++;
  }
  return Array.from({ length: count }, (_, index): Truth => {
    const start = starts[index];
    const end = ends[index];
    const { start: before = 0, end: after = 0 } = spans[index] ?? {};
    const length = after - before;
    if (start !== undefined && end !== undefined && start <= end) {
      const kept = end - start;
      const broken = kept > 2 * length + 16 || kept < length / 2 - 16;
      return broken ? { kind: 'partial', at: start } : { kind: 'present', start, end };
    }
    if (start !== undefined && end !== undefined) return { kind: 'partial', at: start };
    if (start === undefined && end === undefined) return { kind: 'absent' };
    return { kind: 'partial', at: start ?? end ?? 0 };
  });
}
