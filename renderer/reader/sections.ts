/**
 * Splits a markdown document into heading sections: the unit the reader renders, lazily
 * fills and indexes a ReadingPosition by. Pure and deterministic: the same markdown always
 * yields the same sections, so a saved `section` index stays meaningful.
 */

export interface SectionHeading {
  level: 1 | 2 | 3;
  /** The heading's text with inline markdown removed. */
  text: string;
}

export interface Section {
  index: number;
  /** `null` for section 0, the text before the first heading. */
  heading: SectionHeading | null;
  /** The section's markdown, its heading line included. */
  markdown: string;
  /** Character offset of the section in the whole markdown. */
  start: number;
}

const ATX_HEADING = /^ {0,3}(#{1,3})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*\r?$/;
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*?)\r?$/;

/** Returns the fence marker a line opens (``` or ~~~ run), or null. */
function fenceOpening(line: string): string | null {
  const match = FENCE_OPEN.exec(line);
  if (!match) return null;
  const marker = match[1] ?? '';
  // A backtick fence's info string may not contain backticks (CommonMark 4.5).
  if (marker.startsWith('`') && (match[2] ?? '').includes('`')) return null;
  return marker;
}

function closesFence(line: string, marker: string): boolean {
  const trimmed = line.replace(/\r$/, '');
  const match = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(trimmed);
  const run = match?.[1];
  return run !== undefined && run[0] === marker[0] && run.length >= marker.length;
}

/** Removes inline markdown (emphasis, code, links, images, tags, escapes) from heading text. */
export function stripInlineMarkdown(text: string): string {
  // Escaped punctuation is literal: park it in the private-use area so the emphasis rules skip it.
  const PARK = 0xe000;
  return text
    .replace(/\\([\\`*_{}[\]()#+\-.!~|<>])/g, (_, char: string) => String.fromCharCode(PARK + char.charCodeAt(0)))
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\[[^\]]*\]/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`+([^`]*)`+/g, '$1')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(\*|_)(.+?)\1/g, '$2')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/[\ue000-\ue07f]/g, (char) => String.fromCharCode(char.charCodeAt(0) - PARK))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Parses one line as an ATX heading of level 1–3, or returns null. */
export function parseAtxHeading(line: string): SectionHeading | null {
  const match = ATX_HEADING.exec(line);
  if (!match) return null;
  const level = (match[1] ?? '').length as 1 | 2 | 3;
  return { level, text: stripInlineMarkdown(match[2] ?? '') };
}

/**
 * Splits `markdown` at ATX headings of levels 1–3 outside fenced code blocks.
 * Section 0 always exists and holds whatever precedes the first heading (maybe nothing).
 */
export function splitSections(markdown: string): Section[] {
  const starts: { start: number; heading: SectionHeading }[] = [];
  let fence: string | null = null;
  // Only lines starting (after at most 3 spaces) with '#', '`' or '~' can open or close a fence
  // or be a heading: one regex finds them without splitting a 3 MB book into lines.
  const candidates = /^ {0,3}[#`~][^\n]*/gm;
  for (let match = candidates.exec(markdown); match; match = candidates.exec(markdown)) {
    const line = match[0];
    if (fence !== null) {
      if (closesFence(line, fence)) fence = null;
      continue;
    }
    const opened = fenceOpening(line);
    if (opened !== null) fence = opened;
    else {
      const heading = parseAtxHeading(line);
      if (heading) starts.push({ start: match.index, heading });
    }
  }

  const sections: Section[] = [];
  const firstStart = starts[0]?.start ?? markdown.length;
  sections.push({ index: 0, heading: null, markdown: markdown.slice(0, firstStart), start: 0 });
  starts.forEach((entry, i) => {
    const end = starts[i + 1]?.start ?? markdown.length;
    sections.push({
      index: i + 1,
      heading: entry.heading,
      markdown: markdown.slice(entry.start, end),
      start: entry.start,
    });
  });
  return sections;
}

/** A URL fragment for a heading, GitHub style: lower case, punctuation dropped, spaces to '-'. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .trim()
    .replace(/\s/g, '-');
}
