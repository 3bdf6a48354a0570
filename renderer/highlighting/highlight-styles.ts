/**
 * The ::highlight() rules. They must live in the stylesheet of the shadow root that holds the
 * text (<reader-view>'s), so the reader adds these to its styles. Colours are theme tokens
 * (--hl-<colour>, renderer/styles/app.css) resolved on the text's element.
 */
import { css, unsafeCSS } from 'lit';
import { HIGHLIGHT_COLORS } from '../../preload/api';
import { FLASH_NAME, SELECTED_NAME, checkHighlightName, highlightName } from './painter';

const colourRules = HIGHLIGHT_COLORS.map(
  (color) =>
    `::highlight(${highlightName(color)}) { background-color: var(--hl-${color}); color: var(--reader-fg, var(--fg)); }`,
).join('\n');

// Text on a highlight takes the reading colour: muted text and links (which keep their underline)
// fell to 2.8:1 on dark highlights; the reading colour keeps 4.5:1 on every wash (palette.test.ts).
// A highlight to check: half the wash and a dashed underline in the colour, made opaque and
// pulled toward the text colour so it reads on every theme (dark text on light, light on dark).
const toCheckRules = HIGHLIGHT_COLORS.map(
  (color) => `::highlight(${checkHighlightName(color)}) {
    background-color: color-mix(in srgb, var(--hl-${color}) 50%, transparent);
    color: var(--reader-fg, var(--fg));
    text-decoration: underline dashed 2px color-mix(in srgb, rgb(from var(--hl-${color}) r g b) 65%, var(--fg, #222));
    text-underline-offset: 0.22em;
  }`,
).join('\n');

export const highlightPaintStyles = css`
  ${unsafeCSS(colourRules)}
  ${unsafeCSS(toCheckRules)}
  /* Selected: a thick double underline in the text's own colour, which no highlight colour uses
     (an accent underline read as one more colour, amber like "To do"). */
  ::highlight(${unsafeCSS(SELECTED_NAME)}) {
    text-decoration: underline double 2px var(--reader-fg, var(--fg, #1f1f1f));
    text-underline-offset: 0.24em;
  }
  /* The jump flash: a neutral wash of the text colour, so text on it keeps its contrast (the orange was 3.9:1). */
  ::highlight(${unsafeCSS(FLASH_NAME)}) {
    background-color: color-mix(in srgb, var(--reader-fg, var(--fg, #1f1f1f)) 16%, transparent);
    color: var(--reader-fg, var(--fg));
  }
`;

/** A colour dot, for buttons, the legend and the panel. */
export const swatchStyles = css`
  .swatch {
    flex: none;
    display: inline-block;
    width: 14px;
    height: 14px;
    border-radius: 50%;
    background: var(--surface, #fff);
    box-shadow: inset 0 0 0 1px color-mix(in srgb, var(--fg, #000) 22%, transparent);
  }
  ${unsafeCSS(
    HIGHLIGHT_COLORS.map(
      (color) =>
        `.swatch.${color} { background-image: linear-gradient(var(--hl-${color}), var(--hl-${color})), linear-gradient(var(--hl-${color}), var(--hl-${color})); }`,
    ).join('\n'),
  )}
`;
