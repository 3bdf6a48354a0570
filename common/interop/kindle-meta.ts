/**
 * Reads the second line of a Kindle clipping ("- Your Highlight on page 12 | Location 123-125 |
 * Added on Sunday, 3 March 2019 10:00:00") in the locales Kindles write: what kind of clipping it
 * is, its location range, page and date. Keywords per locale come from real clippings files.
 */
import { parseKindleDate } from './kindle-dates';

export type ClippingKind = 'highlight' | 'note' | 'bookmark';

export interface ClippingMeta {
  kind: ClippingKind;
  /** Kindle location range (start = end for a note or bookmark); null when the line has none. */
  location: { start: number; end: number } | null;
  page: string | null;
  /** ISO 8601, or null when the date could not be read. */
  createdAt: string | null;
  /** The place as written, for the report ("page 12 | Location 123-125"). */
  where: string | null;
}

// Bookmark first: no locale's bookmark word contains a highlight or note word, the reverse is not true.
const KINDS: readonly [ClippingKind, RegExp][] = [
  [
    'bookmark',
    /bookmark|lesezeichen|signet|marque-page|marcador|segnalibro|ブックマーク|书签|書籤|bladwijzer|закладка|zakładka|yer imi/u,
  ],
  [
    'highlight',
    /highlight|markierung|surlignement|subrayado|evidenziazione|destaque|ハイライト|标注|標註|markering|выделение|zakreślenie|vurgu/u,
  ],
  ['note', /note|notiz|nota|メモ|笔记|筆記|notitie|заметка|notatka/u],
];

// "Location 123-125", "Loc. 123-25", "Position 12", "posición", "posizione", "posição", "emplacement",
// "Locatie", "位置No. 123", "位置 #123", "позиция" (the old "Loc. 1234-56" abbreviates the end).
// Matched against the lower-cased line: `i` with `u` makes every test several times slower.
const LOCATION =
  /(?:location|loc\.|position|posición|posicion|posizione|posição|posicao|emplacement|locatie|lokalizacja|konum|позиция|位置(?:\s*no\.)?)\s*#?\s*(\d+)(?:\s*[-–]\s*(\d+))?/u;
const PAGE_BEFORE =
  /(?:page|seite|página|pagina|pág\.|pag\.|страница|strona|sayfa)\s*([\divxlc]+(?:\s*[-–]\s*[\divxlc]+)?)/u;
const PAGE_AFTER = /(?:第\s*)?(\d+(?:\s*[-–]\s*\d+)?)\s*(?:ページ|页|頁)/u;

/** Reads a meta line; null when it names no kind of clipping (the entry is malformed). */
export function parseClippingMeta(line: string): ClippingMeta | null {
  const written = line.replace(/^\s*-\s*/u, '').trim();
  const text = written.toLowerCase();
  const head = text.split('|')[0] ?? '';
  const kind = kindOf(head) ?? kindOf(text);
  if (kind === null) return null;
  const location = locationOf(text);
  const page = (PAGE_BEFORE.exec(text) ?? PAGE_AFTER.exec(text))?.[1]?.replace(/\s+/gu, '') ?? null;
  const parts = written.split('|').map((part) => part.trim());
  const where = [page === null ? '' : `page ${page}`, location === null ? '' : locationLabel(location)]
    .filter((part) => part !== '')
    .join(', ');
  return {
    kind,
    location,
    page,
    createdAt: parseKindleDate(parts.at(-1) ?? ''),
    where: where === '' ? null : where,
  };
}

function kindOf(text: string): ClippingKind | null {
  for (const [kind, pattern] of KINDS) if (pattern.test(text)) return kind;
  return null;
}

function locationOf(text: string): { start: number; end: number } | null {
  const match = LOCATION.exec(text);
  if (match === null) return null;
  const start = Number(match[1]);
  const written = match[2];
  if (written === undefined) return { start, end: start };
  let end = Number(written);
  // "Loc. 1234-56": the end keeps only the digits that changed.
  if (end < start && written.length < String(start).length) {
    end = Number(String(start).slice(0, String(start).length - written.length) + written);
  }
  return { start, end: Math.max(start, end) };
}

const locationLabel = ({ start, end }: { start: number; end: number }) =>
  start === end ? `location ${start}` : `location ${start}-${end}`;
