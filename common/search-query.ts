/**
 * The search palette's query syntax, parsed by pure code: words, "quoted phrases", `-word`, and the
 * operators `tag:`, `color:`, `in:` and `is:note`. Any string parses (hostile input included).
 */

/** What a query asks for, once parsed. */
export interface SearchQuery {
  /** Words to find (prefix and typo tolerant), in order. */
  words: string[];
  /** Phrases that must appear as written (case and accents aside). */
  phrases: string[];
  /** Words a result must not contain. */
  excluded: string[];
  /** `tag:` values: a result carries this tag or one nested in it. */
  tags: string[];
  /** `color:` values: highlights of these colours only. */
  colors: string[];
  /** `in:` values: results in documents whose title contains this. */
  within: string[];
  /** `is:note`: notes only (standalone, highlight and document notes). */
  notesOnly: boolean;
}

/** Longer queries are cut: nobody types more, and each word costs an index lookup. */
export const MAX_QUERY_CHARS = 1000;
/** More words than this are dropped (the index is asked once per word). */
export const MAX_QUERY_PARTS = 24;

const OPERATORS = ['tag', 'color', 'colour', 'in', 'is'] as const;

/** One raw piece of the query: a bare or quoted run, with its sign and operator if any. */
interface Piece {
  negated: boolean;
  operator: string | null;
  value: string;
  quoted: boolean;
}

/** Splits the query into pieces; an unbalanced quote runs to the end of the query. */
function pieces(query: string): Piece[] {
  const found: Piece[] = [];
  const pattern = /(-?)(?:([a-z]+):)?(?:"([^"]*)"?|(\S+))/giy;
  let at = 0;
  while (at < query.length && found.length < MAX_QUERY_PARTS * 2) {
    while (at < query.length && /\s/.test(query.charAt(at))) at++;
    if (at >= query.length) break;
    pattern.lastIndex = at;
    const match = pattern.exec(query);
    if (match === null) break;
    at = pattern.lastIndex;
    const operator = match[2]?.toLowerCase() ?? null;
    const known = operator !== null && (OPERATORS as readonly string[]).includes(operator);
    const quoted = match[3] !== undefined;
    const value = quoted ? (match[3] ?? '') : (match[4] ?? '');
    found.push({
      negated: match[1] === '-',
      operator: known ? operator : null,
      // An unknown `word:` is a word, colon and all.
      value: known || operator === null ? value : `${match[2] ?? ''}:${value}`,
      quoted,
    });
  }
  return found;
}

const isBareOperator = (value: string): boolean =>
  value.endsWith(':') && (OPERATORS as readonly string[]).includes(value.slice(0, -1).toLowerCase());

/** Parses a query; never throws, and caps its size (MAX_QUERY_CHARS, MAX_QUERY_PARTS). */
export function parseSearchQuery(raw: string): SearchQuery {
  const query: SearchQuery = {
    words: [],
    phrases: [],
    excluded: [],
    tags: [],
    colors: [],
    within: [],
    notesOnly: false,
  };
  for (const piece of pieces(raw.slice(0, MAX_QUERY_CHARS))) {
    const value = piece.value.trim();
    // A lone `tag:` (still being typed) asks for nothing yet.
    if (value === '' || value === '-' || isBareOperator(value)) continue;
    if (piece.operator === 'tag') query.tags.push(value);
    else if (piece.operator === 'color' || piece.operator === 'colour')
      query.colors.push(value.toLowerCase());
    else if (piece.operator === 'in') query.within.push(value);
    else if (piece.operator === 'is') query.notesOnly ||= value.toLowerCase() === 'note';
    else if (piece.negated) query.excluded.push(value);
    else if (piece.quoted) query.phrases.push(value);
    else query.words.push(value);
  }
  query.words = query.words.slice(0, MAX_QUERY_PARTS);
  query.phrases = query.phrases.slice(0, MAX_QUERY_PARTS);
  query.excluded = query.excluded.slice(0, MAX_QUERY_PARTS);
  return query;
}

/** Whether the query asks for anything (a query of only spaces or stray quotes does not). */
export function isEmptyQuery(query: SearchQuery): boolean {
  return (
    query.words.length + query.phrases.length + query.tags.length + query.colors.length === 0 &&
    query.within.length === 0 &&
    !query.notesOnly
  );
}

/** One line per operator, for the palette's help. */
export const QUERY_HELP: readonly { example: string; meaning: string }[] = [
  { example: '"exact phrase"', meaning: 'these words, in this order' },
  { example: '-word', meaning: 'leave out results with this word' },
  { example: 'tag:history', meaning: 'tagged history (or history/…)' },
  { example: 'color:yellow', meaning: 'highlights of this colour' },
  { example: 'in:tolstoy', meaning: 'in documents whose title has this' },
  { example: 'is:note', meaning: 'notes only' },
];
