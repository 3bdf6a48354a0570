/**
 * Every text/background pair of every theme passes WCAG AA, including the ones axe cannot see
 * (text on CSS highlights, overlapping highlights, the jump flash): the tokens are read from app.css.
 */
import { describe, expect, it } from 'vitest';
import appCss from './app.css?raw';
import { HIGHLIGHT_COLORS } from '../../preload/api';
import { contrast, over, parseColor, withAlpha, type Rgba } from '../lib/contrast';

const THEMES = ['light', 'dark', 'sepia'] as const;

/** The custom properties of one theme: every `:root[data-theme='x'] { ... }` block, in order. */
function tokensOf(theme: string): Map<string, string> {
  const tokens = new Map<string, string>();
  const block = new RegExp(String.raw`:root\[data-theme='${theme}'\]\s*\{([^}]*)\}`, 'g');
  for (const match of appCss.matchAll(block)) {
    for (const [, name, value] of (match[1] ?? '').matchAll(/(--[\w-]+):\s*([^;]+);/g))
      tokens.set(name ?? '', (value ?? '').trim());
  }
  return tokens;
}

function color(tokens: Map<string, string>, name: string): Rgba {
  const parsed = parseColor(tokens.get(name) ?? '');
  if (!parsed) throw new Error(`${name} is not a colour I can read: ${tokens.get(name)}`);
  return parsed;
}

/** Every pair below `min`, as "text on background: ratio". */
function failures(pairs: Array<[string, Rgba, string, Rgba]>, min: number): string[] {
  return pairs
    .map(([fgName, fg, bgName, bg]) => [`${fgName} on ${bgName}`, contrast(fg, bg)] as const)
    .filter(([, ratio]) => ratio < min)
    .map(([name, ratio]) => `${name}: ${ratio.toFixed(2)}`);
}

describe.each(THEMES)('the %s palette', (theme) => {
  const tokens = tokensOf(theme);
  const c = (name: string) => color(tokens, name);

  it('has text at 4.5:1 on every surface of the app', () => {
    const pairs: Array<[string, Rgba, string, Rgba]> = [];
    for (const text of ['--fg', '--fg-muted', '--accent', '--danger'])
      for (const bg of ['--bg', '--surface', '--surface-2', '--reader-bg'])
        pairs.push([text, c(text), bg, c(bg)]);
    pairs.push(['--accent-fg', c('--accent-fg'), '--accent', c('--accent')]);
    expect(failures(pairs, 4.5)).toEqual([]);
  });

  // Muted text and links on a highlight are drawn in the reading colour (highlight-styles.ts).
  it('has text at 4.5:1 on every highlight, every overlap of two, and the jump flash', () => {
    const page = c('--reader-bg');
    const washes: Array<[string, Rgba]> = HIGHLIGHT_COLORS.map((h) => [h, over(c(`--hl-${h}`), page)]);
    for (const [i, a] of HIGHLIGHT_COLORS.entries())
      for (const b of HIGHLIGHT_COLORS.slice(i + 1))
        washes.push([`${a}+${b}`, over(c(`--hl-${b}`), over(c(`--hl-${a}`), page))]);
    // The jump flash (highlight-styles.ts): 16% of the text colour over the page.
    washes.push(['flash', over(withAlpha(c('--reader-fg'), 0.16), page)]);
    const pairs: Array<[string, Rgba, string, Rgba]> = [];
    for (const [name, bg] of washes) pairs.push(['--reader-fg', c('--reader-fg'), name, bg]);
    expect(failures(pairs, 4.5)).toEqual([]);
  });

  it('has field borders (inputs, selects) at 3:1 on the surfaces they sit on', () => {
    const pairs: Array<[string, Rgba, string, Rgba]> = [];
    for (const bg of ['--bg', '--surface', '--surface-2'])
      pairs.push(['--border-field', c('--border-field'), bg, c(bg)]);
    expect(failures(pairs, 3)).toEqual([]);
  });
});

describe('contrast', () => {
  it('matches WCAG for known pairs', () => {
    const black = parseColor('#000') as Rgba;
    const white = parseColor('#ffffff') as Rgba;
    expect(contrast(black, white)).toBeCloseTo(21, 5);
    expect(contrast(parseColor('#777777') as Rgba, white)).toBeCloseTo(4.48, 2);
    expect(over(parseColor('rgb(0 0 0 / 0.5)') as Rgba, white).r).toBeCloseTo(127.5, 5);
    expect(parseColor('color-mix(in srgb, red, blue)')).toBeNull();
  });
});
