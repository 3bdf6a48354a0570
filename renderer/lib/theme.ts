/** Which palette a theme setting means right now, and the order the quick toggle cycles through. */
import type { ThemeSetting } from '../../preload/api';

export type AppliedTheme = 'light' | 'dark' | 'sepia';

export function resolveTheme(setting: ThemeSetting, prefersDark: boolean): AppliedTheme {
  if (setting === 'system') return prefersDark ? 'dark' : 'light';
  return setting;
}

const CYCLE: readonly ThemeSetting[] = ['system', 'light', 'sepia', 'dark'];

export function nextTheme(setting: ThemeSetting): ThemeSetting {
  const at = CYCLE.indexOf(setting);
  return CYCLE[(at + 1) % CYCLE.length] ?? 'system';
}

export const THEME_LABELS: Record<ThemeSetting, string> = {
  system: 'System',
  light: 'Light',
  sepia: 'Sepia',
  dark: 'Dark',
};
