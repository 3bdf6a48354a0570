/**
 * Tags as the reader types them and as every part of Lectern compares them: one normalisation
 * (trimmed, inner whitespace to `-`, no characters that break a markdown `#tag` or YAML), one
 * identity (case-insensitive), and nesting with `/` (`politics/armenia` is inside `politics`).
 */

/** The longest tag, in characters, after normalisation. */
export const MAX_TAG_LENGTH = 64;

/** The most tags one highlight, document or note may carry. */
export const MAX_TAGS_PER_ITEM = 100;

/**
 * Characters a tag may not contain: they end a markdown `#tag`, start a YAML flow or quote, or
 * make a heading, link or wikilink of it. Listed for the message a refused tag shows.
 */
const FORBIDDEN = /[#,[\]{}"'`<>|\\:;!?*&^%$@=+~()]/u;
/** Control and format characters (newlines, tabs, zero-width and bidi controls). */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

export type TagCheck = { ok: true; tag: string } | { ok: false; message: string };

/** Normalises what the reader typed into a tag, or says why it cannot be one. */
export function normalizeTag(raw: string): TagCheck {
  if (/[\n\r\u2028\u2029]/u.test(raw.trim()))
    return { ok: false, message: 'A tag cannot contain line breaks or invisible characters.' };
  const collapsed = raw
    .normalize('NFC')
    .trim()
    .replace(/[ \t\u00a0\u2000-\u200a\u3000]+/gu, '-');
  const tag = collapsed
    .split('/')
    .map((part) => part.replace(/^-+|-+$/gu, ''))
    .join('/');
  if (tag.length === 0) return { ok: false, message: 'A tag cannot be empty.' };
  if (INVISIBLE.test(tag))
    return { ok: false, message: 'A tag cannot contain line breaks or invisible characters.' };
  const bad = FORBIDDEN.exec(tag);
  if (bad !== null)
    return { ok: false, message: `A tag cannot contain “${bad[0]}” (it breaks #tags in markdown or YAML).` };
  if (tag.split('/').some((part) => part.length === 0))
    return { ok: false, message: 'A tag cannot start or end with “/” or have an empty level (“a//b”).' };
  if (/^[\d/]+$/u.test(tag))
    return { ok: false, message: 'A tag cannot be only digits (markdown would not read it as a #tag).' };
  if ([...tag].length > MAX_TAG_LENGTH)
    return { ok: false, message: `A tag can be at most ${MAX_TAG_LENGTH} characters long.` };
  return { ok: true, tag };
}

/** The identity of a tag: two tags with the same key are the same tag. */
export function tagKey(tag: string): string {
  return tag.normalize('NFC').toLocaleLowerCase('und');
}

/** True when `tag` is `parent` or nested inside it (`politics/armenia` within `politics`). */
export function isWithinTag(tag: string, parent: string): boolean {
  const key = tagKey(tag);
  const parentKey = tagKey(parent);
  return key === parentKey || key.startsWith(`${parentKey}/`);
}

/** `politics/armenia/yerevan` → [`politics`, `politics/armenia`, `politics/armenia/yerevan`]. */
export function tagAncestry(tag: string): string[] {
  const parts = tag.split('/');
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}

/**
 * The tag after renaming `from` to `to` (children follow their parent: renaming `politics` to
 * `world` makes `politics/armenia` `world/armenia`), or `null` when the rename does not touch it.
 */
export function renamedTag(tag: string, from: string, to: string): string | null {
  if (!isWithinTag(tag, from)) return null;
  return to + tag.slice(from.length);
}

/**
 * Adds tags to a list keeping the first spelling of each identity and the list's order;
 * used wherever tags are merged, so that `Politics` and `politics` never both appear.
 */
export function uniqueTags(tags: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of tags) {
    const key = tagKey(tag);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
  }
  return out;
}
