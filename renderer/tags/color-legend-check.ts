/** What the colour legend accepts: a meaning (label) and, optionally, the tag the colour adds. */
import { normalizeTag } from '../../common/tags';

/** The longest meaning of a colour (as main's settings schema allows). */
export const MAX_COLOR_LABEL_LENGTH = 40;

export type LegendCheck<T> = { ok: true; value: T } | { ok: false; message: string };

/** A colour's meaning: trimmed, not empty, at most 40 characters. */
export function checkColorLabel(raw: string): LegendCheck<string> {
  const label = raw.trim();
  if (label === '') return { ok: false, message: 'A colour’s meaning cannot be empty.' };
  if ([...label].length > MAX_COLOR_LABEL_LENGTH)
    return {
      ok: false,
      message: `A colour’s meaning can be at most ${MAX_COLOR_LABEL_LENGTH} characters long.`,
    };
  return { ok: true, value: label };
}

/** A colour's tag: empty for none, else a valid tag (normalised). */
export function checkColorTag(raw: string): LegendCheck<string | null> {
  if (raw.trim() === '') return { ok: true, value: null };
  const checked = normalizeTag(raw);
  return checked.ok ? { ok: true, value: checked.tag } : { ok: false, message: checked.message };
}
