/**
 * Changes made to a whole page before Readability reads it: what it would drop anyway is cut
 * from the source before parsing; what it would drop but we keep (MathJax formulas as their
 * MathML, task-list checkboxes as marks) is made safe from it.
 */
import type { DomDocument } from './dom';

const SCRIPTS = /<script(?=[\s>/])(?![^>]*ld\+json)[^>]*>[^]*?<\/script\s*>/gi;
const STYLES = /<style(?=[\s>/])[^>]*>[^]*?<\/style\s*>/gi;
const COMMENTS = /<!--[^]*?-->/g;
// Inline icons: hundreds of path nodes each, never article text, and dropped as executable later.
const SVGS = /<svg(?=[\s>/])[^]*?<\/svg\s*>/gi;

/**
 * The source without scripts (but JSON-LD, which Readability reads for metadata), styles,
 * comments and inline SVG: all dropped later anyway, and on news pages a third of the bytes.
 */
export function withoutInertMarkup(html: string): string {
  return html.replace(SCRIPTS, '').replace(STYLES, '').replace(COMMENTS, '').replace(SVGS, '');
}

/** Marks a task-list box: `x` when ticked, '' when not. */
export const TASK_ATTRIBUTE = 'data-lectern-task';

/**
 * A page saved after MathJax ran holds each formula twice: glyph soup for the eye and MathML
 * for screen readers. Keep the MathML; it is the text (and Readability drops the glyphs'
 * container, whose menu class looks like navigation).
 */
export function keepMathJaxMath(document: DomDocument): void {
  for (const container of document.querySelectorAll('mjx-container')) {
    const math = container.querySelector('math');
    if (math !== null) container.replaceWith(math);
  }
}

/** Readability removes every input; a list item's checkbox is content, so it becomes a mark. */
export function markTaskBoxes(document: DomDocument): void {
  for (const box of document.querySelectorAll('li input[type="checkbox" i]')) {
    const mark = document.createElement('span');
    const ticked = box.hasAttribute('checked');
    mark.setAttribute(TASK_ATTRIBUTE, ticked ? 'x' : '');
    // Not blank, or turndown would drop it before its rule sees it.
    mark.textContent = ticked ? '[x]' : '[ ]';
    box.replaceWith(mark);
  }
}
