/**
 * What a reader key does once the document is ready (or, for the font size, at any time):
 * Esc closes the innermost layer, the font keys change the size within its limits, the rest
 * scroll, the end key rendering the last section first so the end is really there.
 */
import { SETTINGS_LIMITS, type Settings } from '../../preload/api';
import { scrollForKey, type ReaderKeyAction } from './keys';

export interface KeyActionParts {
  escape(): void;
  settings(): Settings;
  changeFontSize(fontSize: number): void;
  renderLastSection(): void;
  scroller(): HTMLElement;
}

export function performKeyAction(action: ReaderKeyAction, parts: KeyActionParts): void {
  if (action.kind === 'escape') return parts.escape();
  const settings = parts.settings();
  if (action.kind === 'font') {
    const { min, max } = SETTINGS_LIMITS.fontSize;
    const fontSize = Math.min(max, Math.max(min, settings.fontSize + action.step));
    if (fontSize !== settings.fontSize) parts.changeFontSize(fontSize);
  } else if (action.kind === 'edge' && action.to === 'end') parts.renderLastSection();
  scrollForKey(parts.scroller(), action, settings.fontSize * settings.lineHeight);
}
