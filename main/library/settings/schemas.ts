/** zod schemas of the settings domain: the stored settings and a patch of them. */
import { z } from 'zod';
import {
  EXPORT_PRESETS,
  HIGHLIGHT_COLORS,
  MAX_EXPORT_TEMPLATE_LENGTH,
  PRUNE_AFTER_DAYS,
  SETTINGS_LIMITS,
} from '../../../preload/api';
import { normalizeTag } from '../../../common/tags';
import { MAX_LABEL_LENGTH } from '../documents/schemas';
import { highlightColorSchema } from '../highlights/schemas';

const labelSchema = z
  .string()
  .max(MAX_LABEL_LENGTH * 4)
  .transform((label) => label.trim())
  .pipe(
    z
      .string()
      .min(1, 'a label is empty')
      .max(MAX_LABEL_LENGTH, `a label is at most ${MAX_LABEL_LENGTH} characters`),
  );

const highlightLabelsSchema = z.strictObject(
  Object.fromEntries(HIGHLIGHT_COLORS.map((color) => [color, labelSchema])) as Record<
    (typeof HIGHLIGHT_COLORS)[number],
    typeof labelSchema
  >,
);

/** A colour's tag is checked by normalizeTag (common/tags.ts) like any other tag. */
const colorTagSchema = z
  .string()
  .max(256)
  .nullable()
  .transform((raw, context) => {
    if (raw === null) return null;
    const checked = normalizeTag(raw);
    if (checked.ok) return checked.tag;
    context.addIssue({ code: 'custom', message: checked.message });
    return z.NEVER;
  });

const colorTagsSchema = z.strictObject(
  Object.fromEntries(HIGHLIGHT_COLORS.map((color) => [color, colorTagSchema])) as Record<
    (typeof HIGHLIGHT_COLORS)[number],
    typeof colorTagSchema
  >,
);

const NO_COLOR_TAGS = Object.fromEntries(HIGHLIGHT_COLORS.map((color) => [color, null])) as Record<
  (typeof HIGHLIGHT_COLORS)[number],
  null
>;

const limited = (limits: { min: number; max: number }) => z.number().min(limits.min).max(limits.max);

export const settingsSchema = z.strictObject({
  theme: z.enum(['system', 'light', 'dark', 'sepia']),
  font: z.enum(['serif', 'sans']),
  fontSize: limited(SETTINGS_LIMITS.fontSize),
  lineWidth: limited(SETTINGS_LIMITS.lineWidth),
  lineHeight: limited(SETTINGS_LIMITS.lineHeight),
  librarySort: z.enum(['recent', 'added', 'title']),
  highlightLabels: highlightLabelsSchema,
  // Added with issue 10: libraries written before it have none (the default, no migration).
  colorTags: colorTagsSchema.default(NO_COLOR_TAGS),
  lastHighlightColor: highlightColorSchema,
  // Added with the pruning rule: libraries written before it get the default (30 days).
  pruneAfterDays: z.union([...PRUNE_AFTER_DAYS.map((days) => z.literal(days)), z.null()]).default(30),
  // Added with issue 12 (export templates): optional, so older libraries need no migration.
  exportPreset: z.enum(EXPORT_PRESETS).optional(),
  exportTemplate: z.string().max(MAX_EXPORT_TEMPLATE_LENGTH).optional(),
  // Added with issue 14 (reading position announcements): optional, absent means on.
  announceHighlights: z.boolean().optional(),
});

export const settingsPatchSchema = settingsSchema.partial().extend({
  colorTags: colorTagsSchema.optional(),
  pruneAfterDays: settingsSchema.shape.pruneAfterDays.unwrap().optional(),
});

export const settingsArguments = {
  getSettings: z.tuple([]),
  updateSettings: z.tuple([settingsPatchSchema]),
} as const;
