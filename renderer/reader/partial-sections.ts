/**
 * A document's sections while only part of its text has arrived (opening in two steps): every
 * section exists from the outline, those not loaded yet hold '' and their pending length.
 */
import type { OpenedDocumentStart } from '../../preload/api';
import { splitSections, type Section } from './sections';

/** The sections of step one: the first part's text cut at the outline's boundaries, the rest pending. */
export function sectionsFromStart(start: OpenedDocumentStart): Section[] {
  const firstStart = start.sections[start.firstSection]?.start ?? 0;
  const loadedEnd = firstStart + start.firstText.length;
  return start.sections.map((outline) => {
    const { index, heading, start: at, length } = outline;
    const loaded = length === 0 || (at >= firstStart && at + length <= loadedEnd);
    if (loaded)
      return {
        index,
        heading,
        start: at,
        markdown: start.firstText.slice(at - firstStart, at - firstStart + length),
      };
    return { index, heading, start: at, markdown: '', pendingLength: length };
  });
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
