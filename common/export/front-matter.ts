/**
 * A tiny YAML front matter emitter for export: every string is a double-quoted scalar with every
 * character YAML could read differently escaped, so any title (`:`, `"`, `#`, newlines) round-trips.
 */

/** A front matter value: what export writes (no nested maps). */
export type FrontMatterValue = string | number | boolean | null | readonly string[];

/** Characters a YAML double-quoted scalar may not hold raw: C0/C1 controls, DEL, BOM, non-characters. */
const UNPRINTABLE = /[\p{Cc}\u2028\u2029\ufeff\ufffe\uffff]/gu;
/** A surrogate without its pair cannot be written as UTF-8 at all. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** A YAML double-quoted scalar holding exactly `text` (lone surrogates become U+FFFD). */
export function yamlString(text: string): string {
  const escaped = text
    .replace(LONE_SURROGATE, '\ufffd')
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${escaped}"`;
}

function yamlValue(value: FrontMatterValue): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return yamlString(value);
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return `[${value.map(yamlString).join(', ')}]`;
}

/** Keys are ours (fixed, plain ASCII); anything else is refused loudly, it is a bug. */
const PLAIN_KEY = /^[a-z][a-z0-9-]*$/;

/** The front matter block, `---` lines included, each key on one line, in the order given. */
export function formatFrontMatter(fields: readonly (readonly [string, FrontMatterValue])[]): string {
  const lines = fields.map(([key, value]) => {
    if (!PLAIN_KEY.test(key)) throw new Error(`Front matter key "${key}" is not a plain key.`);
    return `${key}: ${yamlValue(value)}`;
  });
  return `---\n${lines.join('\n')}\n---\n`;
}
