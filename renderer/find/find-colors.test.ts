/**
 * Find marks on every reading page: the mark at 3:1 against the page (WCAG 1.4.11, so it is seen),
 * the text on it at 4.5:1, the current match told from the others, and neither one a highlight wash.
 */
import { describe, expect, it } from 'vitest';
import appCss from '../styles/app.css?raw';
import { contrast, over, parseColor, type Rgba } from '../lib/contrast';
import { HIGHLIGHT_COLORS } from '../../preload/api';
import { FIND_COLORS } from './find-styles';

/** A theme's token, read from app.css. */
function token(theme: string, name: string): Rgba {
  const block = new RegExp(String.raw`:root\[data-theme='${theme}'\]\s*\{([^}]*)\}`, 'g');
  let value: string | undefined;
  for (const match of appCss.matchAll(block)) {
    const found = new RegExp(String.raw`${name}:\s*([^;]+);`).exec(match[1] ?? '');
    if (found) value = found[1];
  }
  const parsed = parseColor(value ?? '');
  if (!parsed) throw new Error(`no ${name} in the ${theme} theme`);
  return parsed;
}

const hex = (color: string): Rgba => parseColor(color) as Rgba;
const THEMES = [
  ['light', FIND_COLORS.currentLight],
  ['sepia', FIND_COLORS.currentLight],
  ['dark', FIND_COLORS.currentDark],
] as const;

describe.each(THEMES)('find marks on the %s page', (theme, current) => {
  const page = token(theme, '--reader-bg');
  const match = hex(FIND_COLORS.match.background);
  const currentBg = hex(current.background);

  it('stand out from the page at 3:1, with text on them at 4.5:1', () => {
    expect(contrast(match, page)).toBeGreaterThanOrEqual(3);
    expect(contrast(currentBg, page)).toBeGreaterThanOrEqual(3);
    expect(contrast(hex(FIND_COLORS.match.text), match)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(hex(current.text), currentBg)).toBeGreaterThanOrEqual(4.5);
  });

  it('tell the current match from the others', () => {
    expect(contrast(currentBg, match)).toBeGreaterThanOrEqual(1.8);
  });

  it('are not mistaken for any highlight colour', () => {
    for (const color of HIGHLIGHT_COLORS) {
      const wash = over(token(theme, `--hl-${color}`), page);
      expect(contrast(match, wash), color).toBeGreaterThanOrEqual(2);
      expect(contrast(currentBg, wash), color).toBeGreaterThanOrEqual(2);
    }
  });
});
