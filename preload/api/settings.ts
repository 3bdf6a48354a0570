/** The settings domain of the contract: reading and library preferences. */
import type { Result } from './common';
import type { ExportPreset } from './export';
import type { HighlightColor } from './highlights';

export type ThemeSetting = 'system' | 'light' | 'dark' | 'sepia';
export type FontSetting = 'serif' | 'sans';
export type LibrarySort = 'recent' | 'added' | 'title';

/** The ages (in days) after which the trash and earlier versions may be pruned; null keeps them. */
export const PRUNE_AFTER_DAYS = [7, 30, 90, 365] as const;
export type PruneAfterDays = (typeof PRUNE_AFTER_DAYS)[number] | null;

export interface Settings {
  theme: ThemeSetting;
  font: FontSetting;
  /** CSS pixels, 14..28. */
  fontSize: number;
  /** Measure of the reading column in `ch`, 45..90. */
  lineWidth: number;
  /** Unitless line height, 1.3..2.0. */
  lineHeight: number;
  librarySort: LibrarySort;
  /** What each highlight colour means to this reader ("Key idea", "Question", ...). */
  highlightLabels: Record<HighlightColor, string>;
  /** The tag each colour adds to a highlight made in it (`null`: none). */
  colorTags: Record<HighlightColor, string | null>;
  /** The colour H applies. */
  lastHighlightColor: HighlightColor;
  /**
   * Documents in the trash longer than this many days, and earlier versions kept by "Update from
   * file" older than this, are deleted for good when the library opens; null keeps them.
   */
  pruneAfterDays: PruneAfterDays;
  /** How exported files are laid out (absent: Obsidian). */
  exportPreset?: ExportPreset;
  /** The user's own Mustache export template (absent: the plain preset's, to edit). */
  exportTemplate?: string;
  /** Say (to a screen reader) the highlight the reading position scrolls into (absent: on). */
  announceHighlights?: boolean;
}

export const SETTINGS_LIMITS = {
  fontSize: { min: 14, max: 28 },
  lineWidth: { min: 45, max: 90 },
  lineHeight: { min: 1.3, max: 2.0 },
} as const;

export interface SettingsApi {
  getSettings(): Promise<Result<Settings>>;
  /** Applies the given fields; the answer is the settings as stored. */
  updateSettings(patch: Partial<Settings>): Promise<Result<Settings>>;
}

export const SETTINGS_METHODS = [
  'getSettings',
  'updateSettings',
] as const satisfies readonly (keyof SettingsApi)[];
