/**
 * Which library document each imported group belongs to: the Lectern id the file names, else
 * the source URL (normalised), else the title and author. A title that is only alike (another
 * edition, a subtitle, a typo) is proposed for the user to confirm, never taken silently.
 */
import type { AnnotationGroup, DocumentId, PreviewGroup, ProposedMatch } from '../../../preload/api';

/** What matching reads of a document. */
export interface MatchableDocument {
  id: DocumentId;
  title: string;
  author: string | null;
  source: string | null;
  sourceUrl?: string;
}

/** Below this similarity a title is not proposed at all. */
export const MIN_TITLE_SIMILARITY = 0.6;

/** A URL's identity: scheme-less, `www.` and fragment dropped, tracking parameters and trailing `/` gone. */
export function normalizeUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  // Copied first: deleting while iterating the live keys would skip some.
  for (const key of Array.from(url.searchParams.keys())) {
    if (/^(utm_|fbclid$|gclid$|ref$)/u.test(key)) url.searchParams.delete(key);
  }
  const host = url.hostname.toLowerCase().replace(/^www\./u, '');
  const query = url.searchParams.toString();
  return `${host}${url.pathname.replace(/\/+$/u, '')}${query === '' ? '' : `?${query}`}`;
}

/** Lower case, accents and punctuation gone, articles and edition remarks dropped. */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(
      /\[[^\]]*\]|\((?:[^()]*\b(?:edition|ed\.|annotated|illustrated|unabridged|classics?)\b[^()]*)\)/gu,
      ' ',
    )
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .replace(/^(?:the|a|an|le|la|les|der|die|das|el|il) /u, '')
    .trim();
}

/** The letter pairs of a normalised string (Dice's coefficient works on them). */
function bigrams(text: string): Map<string, number> {
  const pairs = new Map<string, number>();
  const squeezed = text.replace(/ /gu, '');
  for (let at = 0; at < squeezed.length - 1; at++) {
    const pair = squeezed.slice(at, at + 2);
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return pairs;
}

function dice(a: Map<string, number>, b: Map<string, number>): number {
  let total = 0;
  let shared = 0;
  for (const count of a.values()) total += count;
  for (const [pair, count] of b) {
    total += count;
    shared += Math.min(count, a.get(pair) ?? 0);
  }
  return total === 0 ? 0 : (2 * shared) / total;
}

/** The words of a name, initials left out. */
const nameWords = (name: string) =>
  new Set(
    normalizeTitle(name)
      .split(' ')
      .filter((w) => w.length > 1),
  );

/** How alike two author names are: shared name words ("Tolstoy, Leo" and "Leo Tolstoy" are one). */
export function authorSimilarity(a: string, b: string): number {
  const left = nameWords(a);
  const right = nameWords(b);
  if (left.size === 0 || right.size === 0) return 0;
  const shared = [...left].filter((word) => right.has(word)).length;
  return shared / Math.min(left.size, right.size);
}

interface Candidate {
  doc: MatchableDocument;
  title: string;
  pairs: Map<string, number>;
  /** The title without its subtitle ("Title: Subtitle" → "Title"). */
  mainPairs: Map<string, number>;
  url: string | null;
}

/** A subtitle after ':' or a dash: one edition has it, another not. */
const mainTitle = (title: string) => normalizeTitle(title.split(/\s*[:;—–]\s+|\s+-\s+|:/u)[0] ?? title);
/** A match of main titles only is good evidence, not proof. */
const MAIN_TITLE_WEIGHT = 0.9;

/** Proposes a document for every group; `null` when none is alike enough. */
export function matchGroups(
  groups: readonly AnnotationGroup[],
  docs: readonly MatchableDocument[],
): PreviewGroup[] {
  const candidates: Candidate[] = docs.map((doc) => {
    const title = normalizeTitle(doc.title);
    return {
      doc,
      title,
      pairs: bigrams(title),
      mainPairs: bigrams(mainTitle(doc.title)),
      url: normalizeUrl(doc.sourceUrl ?? doc.source ?? ''),
    };
  });
  const byId = new Map(docs.map((doc) => [doc.id, doc]));
  const byUrl = new Map(candidates.filter((c) => c.url !== null).map((c) => [c.url, c.doc]));
  return groups.map((group) => ({ group, match: matchOne(group, byId, byUrl, candidates) }));
}

function matchOne(
  group: AnnotationGroup,
  byId: ReadonlyMap<string, MatchableDocument>,
  byUrl: ReadonlyMap<string | null, MatchableDocument>,
  candidates: readonly Candidate[],
): ProposedMatch | null {
  const sure = (doc: MatchableDocument, rule: 'id' | 'url'): ProposedMatch => ({
    documentId: doc.id,
    documentTitle: doc.title,
    rule,
    similarity: 1,
    needsConfirmation: false,
  });
  const named = group.documentId === null ? undefined : byId.get(group.documentId);
  if (named !== undefined) return sure(named, 'id');
  const url = group.url === null ? null : normalizeUrl(group.url);
  const atUrl = url === null ? undefined : byUrl.get(url);
  if (atUrl !== undefined) return sure(atUrl, 'url');
  return group.title === null ? null : bestTitle(group, candidates);
}

function bestTitle(group: AnnotationGroup, candidates: readonly Candidate[]): ProposedMatch | null {
  const title = normalizeTitle(group.title ?? '');
  if (title === '') return null;
  const pairs = bigrams(title);
  const mainPairs = bigrams(mainTitle(group.title ?? ''));
  let best: { candidate: Candidate; score: number; exact: boolean } | null = null;
  for (const candidate of candidates) {
    const exact = candidate.title === title;
    const titleScore = exact
      ? 1
      : Math.max(
          dice(pairs, candidate.pairs),
          MAIN_TITLE_WEIGHT * dice(mainPairs, candidate.mainPairs),
          MAIN_TITLE_WEIGHT * dice(pairs, candidate.mainPairs),
          MAIN_TITLE_WEIGHT * dice(mainPairs, candidate.pairs),
        );
    if (titleScore < MIN_TITLE_SIMILARITY - 0.2) continue;
    const authors = group.author !== null && candidate.doc.author !== null;
    const authorScore = authors ? authorSimilarity(group.author ?? '', candidate.doc.author ?? '') : null;
    // A known author who differs makes a same-titled book another book, or at least doubtful.
    const score = authorScore === null ? titleScore : 0.8 * titleScore + 0.2 * authorScore;
    if (best === null || score > best.score) best = { candidate, score, exact: exact && authorScore !== 0 };
  }
  if (best === null || best.score < MIN_TITLE_SIMILARITY) return null;
  return {
    documentId: best.candidate.doc.id,
    documentTitle: best.candidate.doc.title,
    rule: best.exact ? 'exact-title' : 'title',
    similarity: Math.round(best.score * 1000) / 1000,
    needsConfirmation: !best.exact,
  };
}
