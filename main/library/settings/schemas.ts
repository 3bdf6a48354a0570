/** zod schemas of the settings domain: the stored settings and a patch of them. */
import { z } from 'zod';
import { HIGHLIGHT_COLORS, SETTINGS_LIMITS } from '../../../preload/api';
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

const limited = (limits: { min: number; max: number }) => z.number().min(limits.min).max(limits.max);

export const settingsSchema = z.strictObject({
  theme: z.enum(['system', 'light', 'dark', 'sepia']),
  font: z.enum(['serif', 'sans']),
  fontSize: limited(SETTINGS_LIMITS.fontSize),
  lineWidth: limited(SETTINGS_LIMITS.lineWidth),
  lineHeight: limited(SETTINGS_LIMITS.lineHeight),
  librarySort: z.enum(['recent', 'added', 'title']),
  highlightLabels: highlightLabelsSchema,
  lastHighlightColor: highlightColorSchema,
});

export const settingsPatchSchema = settingsSchema.partial();

export const settingsArguments = {
  getSettings: z.tuple([]),
  updateSettings: z.tuple([settingsPatchSchema]),
} as const;
