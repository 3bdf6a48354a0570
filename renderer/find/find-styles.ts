/**
 * The ::highlight() rules of find matches, for <reader-view>'s stylesheet (the one holding the
 * text). Solid marks, unlike the translucent highlight washes, and at 3:1 or more against every
 * reading page; the current match stands out again (dark on light pages, bright on the dark one).
 * The colours are exported for find-colors.test.ts, which checks those ratios on app.css's pages.
 */
import { css, unsafeCSS } from 'lit';
import { FIND_CURRENT_NAME, FIND_NAME } from './find-marks';

export const FIND_COLORS = {
  /** Every match, on all three pages, under black text. */
  match: { background: '#338f8b', text: '#000000' },
  /** The current match on the light and sepia pages (color-scheme: light). */
  currentLight: { background: '#0b5c58', text: '#ffffff' },
  /** The current match on the dark page. */
  currentDark: { background: '#7fe0d6', text: '#000000' },
} as const;

const { match, currentLight, currentDark } = FIND_COLORS;

export const findPaintStyles = css`
  ::highlight(${unsafeCSS(FIND_NAME)}) {
    background-color: ${unsafeCSS(match.background)};
    color: ${unsafeCSS(match.text)};
  }
  ::highlight(${unsafeCSS(FIND_CURRENT_NAME)}) {
    background-color: light-dark(${unsafeCSS(currentLight.background)}, ${unsafeCSS(currentDark.background)});
    color: light-dark(${unsafeCSS(currentLight.text)}, ${unsafeCSS(currentDark.text)});
  }
`;
