/**
 * Which blocks of a plain-text book are chapter headings: `CHAPTER 1. Loomings.`, `Chapter I`,
 * `CHAPTER ONE`, `BOOK II. CHAPTER III`, `PART 1`, `LETTER 4`, `STAVE ONE`, bare roman numerals,
 * a title on the next line. A heading is a short block of its own at the margin, never a sentence.
 */

/** Markdown heading level: BOOK, PART and VOLUME above CHAPTER and its kin. */
export type HeadingLevel = 2 | 3;

export interface ChapterHeading {
  level: HeadingLevel;
  /** The heading's text: its lines joined by single spaces. */
  text: string;
  /** True when the block after this one (an all-capital title line) belongs to the heading. */
  takesNextBlock: boolean;
}

/** What a whole book says about its headings, decided before its blocks are read one by one. */
export interface BookStyle {
  /** Bare roman numerals (`I.`, `II. A SCANDAL IN BOHEMIA`) are chapters in this book. */
  romanChapters: boolean;
}

const UPPER_KEYWORDS = new Map<string, HeadingLevel>([
  ['book', 2],
  ['part', 2],
  ['volume', 2],
  ['chapter', 3],
  ['letter', 3],
  ['stave', 3],
  ['canto', 3],
]);
/** Headings without a number; only in capitals, where they cannot be a word in a sentence. */
const UNNUMBERED =
  /^(?:(?:FIRST |SECOND )?(EPILOGUE)|PROLOGUE|PREFACE|INTRODUCTION|APPENDIX|AFTERWORD|FOREWORD|CONCLUSION)\b[^a-z]*$/;
const NUMBER_WORDS =
  'one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const ORDINAL_WORDS =
  'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|last';
const NUMBER = `(?:\\d{1,4}|[ivxlcdm]+|(?:${NUMBER_WORDS})(?:[- ](?:${NUMBER_WORDS}))?|(?:the )?(?:${ORDINAL_WORDS}))`;
/**
 * Keyword, number, then the end of the line or a separator and a title: "Chapter one of my
 * life…" has no separator after its number, so it stays a sentence.
 */
const NUMBERED = new RegExp(`^([A-Za-z]+) (${NUMBER})(?:[.:]?$|(?: ?[.:]| ?[-–—]{1,2}) ?(\\S.*)$)`, 'i');
const BARE_ROMAN = /^([IVXLC]+)(?:\.?$|\. (\S.*)$)/;
const VALID_ROMAN = /^(?=[ivxlcdm])m{0,3}(?:cm|cd|d?c{0,3})(?:xc|xl|l?x{0,3})(?:ix|iv|v?i{0,3})$/i;
const MAX_HEADING_CHARS = 80;
const MAX_TITLE_LINE_CHARS = 60;

/** The heading a block of lines (trimmed at the end, none blank) is, or null for prose. */
export function chapterHeading(
  block: readonly string[],
  nextBlock: readonly string[] | undefined,
  style: BookStyle,
): ChapterHeading | null {
  const [first, second] = block;
  if (first === undefined || block.length > 2 || /^\s/.test(first) || first.length > MAX_HEADING_CHARS) {
    return null;
  }
  const line = headingLine(first, style);
  if (line === null) return null;
  if (second !== undefined) {
    if (!isTitleLine(second)) return null;
    return { level: line.level, text: `${first} ${second.trim()}`, takesNextBlock: false };
  }
  const title = nextBlock?.length === 1 ? nextBlock[0] : undefined;
  if (!line.titled && title !== undefined && isCapitalTitle(title)) {
    return { level: line.level, text: `${first} ${title.trim()}`, takesNextBlock: true };
  }
  return { level: line.level, text: first, takesNextBlock: false };
}

/** Decides the book-wide style from its one-line blocks. */
export function bookStyle(oneLineBlocks: Iterable<string>): BookStyle {
  let romans = 0;
  let sawFirst = false;
  let keywordChapters = 0;
  for (const line of oneLineBlocks) {
    const roman = BARE_ROMAN.exec(line);
    if (roman !== null && VALID_ROMAN.test(roman[1] ?? '')) {
      romans++;
      if (roman[1] === 'I') sawFirst = true;
    } else if (numberedHeading(line)?.level === 3) keywordChapters++;
  }
  // Numerals beside real CHAPTER lines are sub-parts or numbered stanzas, not chapters.
  return { romanChapters: sawFirst && romans >= 2 && keywordChapters < 2 };
}

function headingLine(line: string, style: BookStyle): { level: HeadingLevel; titled: boolean } | null {
  const unnumbered = UNNUMBERED.exec(line);
  if (unnumbered !== null) return { level: unnumbered[1] === undefined ? 3 : 2, titled: true };
  const numbered = numberedHeading(line);
  if (numbered !== null) return numbered;
  if (!style.romanChapters) return null;
  const roman = BARE_ROMAN.exec(line);
  if (roman === null || !VALID_ROMAN.test(roman[1] ?? '') || !isTitle(roman[2])) return null;
  return { level: 3, titled: roman[2] !== undefined };
}

function numberedHeading(line: string): { level: HeadingLevel; titled: boolean } | null {
  const match = NUMBERED.exec(line);
  const keyword = match?.[1] ?? '';
  const level = UPPER_KEYWORDS.get(keyword.toLowerCase());
  // "Chapter" or "CHAPTER", never "chapter" (a word inside a sentence).
  if (match === null || level === undefined || !/^[A-Z]/.test(keyword)) return null;
  const number = (match[2] ?? '').toLowerCase();
  if (/^[ivxlcdm]+$/.test(number) && !VALID_ROMAN.test(number)) return null;
  const rest = match[3];
  if (!isTitle(rest)) return null;
  // "BOOK II. CHAPTER III" opens a chapter.
  const inner = rest === undefined ? null : numberedHeading(rest);
  return { level: inner?.level ?? level, titled: rest !== undefined };
}

/** A title after a heading's number: short, and not the start of a sentence that runs on. */
function isTitle(rest: string | undefined): boolean {
  return rest === undefined || (rest.length <= MAX_HEADING_CHARS && !/[,;]$/.test(rest));
}

/** A chapter's title on the line under its number, in the same block. */
function isTitleLine(line: string): boolean {
  const text = line.trim();
  return text.length <= MAX_TITLE_LINE_CHARS && /^[\p{Lu}\p{N}"“'‘(]/u.test(text) && !/[,;:]$/.test(text);
}

/** A title in a block of its own under a bare heading: capitals only, so never a first sentence. */
function isCapitalTitle(line: string): boolean {
  const text = line.trim();
  return (
    text.length <= MAX_TITLE_LINE_CHARS &&
    !/^\s/.test(line) &&
    /\p{Lu}/u.test(text) &&
    !/\p{Ll}/u.test(text) &&
    headingLine(text, { romanChapters: true }) === null
  );
}
