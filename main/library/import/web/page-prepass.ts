/**
 * Changes made to a whole page before Readability reads it: what it would drop anyway is cut
 * from the source before parsing; what it would drop but we keep (MathJax formulas as their
 * MathML, task-list checkboxes as marks) is made safe from it.
 */
import type { DomDocument, DomElement } from './dom';
import { withTag } from './tag-walk';

/**
 * Scripts (but JSON-LD, which Readability reads for metadata), styles, comments and inline SVG
 * (icons: hundreds of path nodes each, never article text): one alternation, so one scan.
 */
const INERT_MARKUP = new RegExp(
  [
    /<script(?=[\s>/])(?![^>]*ld\+json)[^>]*>[^]*?<\/script\s*>/.source,
    /<style(?=[\s>/])[^>]*>[^]*?<\/style\s*>/.source,
    /<!--[^]*?-->/.source,
    /<svg(?=[\s>/])[^]*?<\/svg\s*>/.source,
  ].join('|'),
  'gi',
);

/**
 * The source without scripts, styles, comments and inline SVG: all dropped later anyway, and on
 * news pages a third of the bytes. One pass over the source, not one per kind.
 */
export function withoutInertMarkup(html: string): string {
  return html.replace(INERT_MARKUP, '');
}

/** Marks a task-list box: `x` when ticked, '' when not. */
export const TASK_ATTRIBUTE = 'data-lectern-task';

/**
 * A page saved after MathJax ran holds each formula twice: glyph soup for the eye and MathML
 * for screen readers. Keep the MathML; it is the text (and Readability drops the glyphs'
 * container, whose menu class looks like navigation).
 */
export function keepMathJaxMath(document: DomDocument, elements?: readonly DomElement[]): void {
  for (const container of withTag(document, 'mjx-container', elements)) {
    const math = container.querySelector('math');
    if (math !== null) container.replaceWith(math);
  }
}

/**
 * Readability removes every input; a list item's checkbox is content, so it becomes a mark.
 * `elements`: the page's elements found by a walk that looked for `input` among others (those
 * since taken out of the page are passed over).
 */
export function markTaskBoxes(document: DomDocument, elements?: readonly DomElement[]): void {
  // `li input[type="checkbox" i]`, found without a selector engine.
  const boxes = withTag(document, 'input', elements).filter(
    (input) =>
      input.getAttribute('type')?.toLowerCase() === 'checkbox' &&
      input.isConnected &&
      input.closest('li') !== null,
  );
  for (const box of boxes) {
    const mark = document.createElement('span');
    const ticked = box.hasAttribute('checked');
    mark.setAttribute(TASK_ATTRIBUTE, ticked ? 'x' : '');
    // Not blank, or turndown would drop it before its rule sees it.
    mark.textContent = ticked ? '[x]' : '[ ]';
    box.replaceWith(mark);
  }
}
