/**
 * A document's sections while only part of its text has arrived (opening in two steps): every
 * section exists from the outline, those not loaded yet hold '' and their pending length.
 */
import type { OpenedDocumentStart } from '../../preload/api';
import { splitSections, type Section } from './sections';

/**
 * The sections of step one, from the compact outline: the first part's text cut at the outline's
 * boundaries, the rest pending. One small object a section (no text copied for pending ones).
 */
export function sectionsFromStart(start: OpenedDocumentStart): Section[] {
  const { lengths, levels, titles } = start.outline;
  const sections: Section[] = [];
  let firstStart = 0;
  for (let i = 0; i < start.firstSection && i < lengths.length; i++) firstStart += lengths[i] ?? 0;
  const loadedEnd = firstStart + start.firstText.length;
  let at = 0;
  for (const [index, length] of lengths.entries()) {
    const level = levels[index] ?? 0;
    const heading = level === 0 ? null : { level, text: titles[index] ?? '' };
    const loaded = length === 0 || (at >= firstStart && at + length <= loadedEnd);
    sections.push(
      loaded
        ? {
            index,
            heading,
            start: at,
            markdown: start.firstText.slice(at - firstStart, at - firstStart + length),
          }
        : { index, heading, start: at, markdown: '', pendingLength: length },
    );
    at += length;
  }
  return sections;
}

/** True while some section's text has not arrived. */
export const isPartial = (sections: readonly Section[]): boolean =>
  sections.some((section) => section.pendingLength !== undefined);

/**
 * Fills the pending sections, in place (whoever holds the array sees the text), from the whole
 * markdown. False, and nothing changed, when that text does not split into the same sections.
 */
export function fillSections(sections: Section[], markdown: string): boolean {
  const whole = splitSections(markdown);
  const same =
    whole.length === sections.length &&
    whole.every((section, i) => {
      const known = sections[i];
      if (!known || known.start !== section.start) return false;
      return known.pendingLength === undefined
        ? known.markdown === section.markdown
        : known.pendingLength === section.markdown.length;
    });
  if (!same) return false;
  whole.forEach((section, i) => (sections[i] = section));
  return true;
}

/**
 * The pending sections as pieces to ask for, each [from, to) of consecutive pending sections
 * holding at most `maxChars` (at least one section): those after `around` first (reading goes
 * forward), then those before it, nearest first.
 */
export function pendingPieces(
  sections: readonly Section[],
  around: number,
  maxChars: number,
): [number, number][] {
  const after: [number, number][] = [];
  const before: [number, number][] = [];
  let from = -1;
  let chars = 0;
  const close = (to: number): void => {
    if (from !== -1) (from >= around ? after : before).push([from, to]);
    from = -1;
    chars = 0;
  };
  sections.forEach((section, index) => {
    const pending = section.pendingLength;
    if (pending === undefined || (from !== -1 && chars + pending > maxChars) || index === around)
      close(index);
    if (pending === undefined) return;
    if (from === -1) from = index;
    chars += pending;
  });
  close(sections.length);
  return [...after, ...before.toReversed()];
}

/**
 * `ask` for each item in turn, one ahead: while an answer is awaited or handled, the next item's
 * is already on its way (two asked at most). Yields each item with its answer, in order; once
 * the consumer stops, nothing more is asked.
 */
export async function* oneAhead<T, R>(
  items: readonly T[],
  ask: (item: T) => Promise<R>,
): AsyncGenerator<[T, R]> {
  let next = items.length > 0 ? ask(items[0] as T) : null;
  for (let at = 0; next !== null; at++) {
    const following = at + 1 < items.length ? ask(items[at + 1] as T) : null;
    const answer = await next;
    next = following;
    yield [items[at] as T, answer];
  }
}

/**
 * Fills pending sections [from, to), in place, from their text joined. False, and nothing
 * changed, when a section there is not pending or the text is not as long as they will be.
 */
export function fillPiece(sections: Section[], from: number, to: number, text: string): boolean {
  const range = sections.slice(from, to);
  if (range.length !== to - from || range.some((section) => section.pendingLength === undefined))
    return false;
  const total = range.reduce((sum, section) => sum + (section.pendingLength ?? 0), 0);
  if (total !== text.length) return false;
  let at = 0;
  range.forEach((section, i) => {
    const length = section.pendingLength ?? 0;
    const { index, heading, start } = section;
    sections[from + i] = { index, heading, start, markdown: text.slice(at, at + length) };
    at += length;
  });
  return true;
}
