/**
 * One book's Kindle clippings into annotations: re-highlights collapsed (a Kindle keeps the old
 * clipping when a highlight is extended or shortened: same place, one quote inside the other, the
 * latest wins) and each note joined to the highlight it was written on (Kindle puts a note at the
 * location where its highlight ends).
 */
import type { ImportedAnnotation, ParseProblem } from '../../preload/api/interop';
import type { ClippingMeta } from './kindle-meta';
import { excerpt } from './limits';

/** One readable entry of the file. */
export interface KindleClipping {
  entry: number;
  line: number;
  title: string;
  author: string | null;
  meta: ClippingMeta;
  body: string;
}

interface Kept {
  clipping: KindleClipping;
  annotation: ImportedAnnotation;
  folded: string;
}

/** Locations are bucketed so finding overlapping highlights does not compare every pair. */
const BUCKET = 64;

const fold = (text: string) => text.replace(/\s+/gu, ' ').trim().toLowerCase();

/** The book's annotations in file order, with how many duplicates were collapsed and notes left over. */
export function collapseRehighlights(book: readonly KindleClipping[]): {
  annotations: ImportedAnnotation[];
  collapsed: number;
  problems: ParseProblem[];
} {
  const problems: ParseProblem[] = [];
  const kept: (Kept | null)[] = [];
  const buckets = new Map<string, number[]>();
  let collapsed = 0;
  for (const clipping of book) {
    if (clipping.meta.kind !== 'highlight') continue;
    if (clipping.body === '') {
      problems.push(problemOf(clipping, 'The highlight has no text (the Kindle wrote only its place).'));
      continue;
    }
    const item: Kept = { clipping, annotation: annotationOf(clipping), folded: fold(clipping.body) };
    const earlier = bucketKeys(clipping.meta)
      .flatMap((key) => buckets.get(key) ?? [])
      .find((index) => isRehighlight(kept[index] ?? null, item));
    if (earlier !== undefined) {
      kept[earlier] = null;
      collapsed++;
    }
    for (const key of bucketKeys(clipping.meta)) {
      const bucket = buckets.get(key);
      if (bucket === undefined) buckets.set(key, [kept.length]);
      else bucket.push(kept.length);
    }
    kept.push(item);
  }
  const live = kept.filter((item): item is Kept => item !== null);
  for (const clipping of book) {
    if (clipping.meta.kind !== 'note' || clipping.body === '') continue;
    const target = noteTarget(live, clipping.meta);
    if (target === null) {
      problems.push(
        problemOf(
          clipping,
          `The note “${excerpt(clipping.body)}” is on no highlight, so it has no passage to go with.`,
        ),
      );
    } else {
      target.annotation.note = joinNotes(target.annotation.note, clipping.body);
    }
  }
  return { annotations: live.map((item) => item.annotation), collapsed, problems };
}

function annotationOf(clipping: KindleClipping): ImportedAnnotation {
  return {
    quote: clipping.body,
    prefix: '',
    suffix: '',
    position: null,
    note: null,
    tags: [],
    color: null,
    createdAt: clipping.meta.createdAt,
    where: clipping.meta.where,
    order: clipping.meta.location?.start ?? null,
    lecternId: null,
  };
}

function bucketKeys(meta: ClippingMeta): string[] {
  if (meta.location === null) return [meta.page === null ? 'none' : `page:${meta.page}`];
  const keys: string[] = [];
  const last = Math.floor(meta.location.end / BUCKET);
  // Capped: a (bogus) huge range must not make thousands of keys.
  for (let bucket = Math.floor(meta.location.start / BUCKET); bucket <= last && keys.length < 8; bucket++) {
    keys.push(`loc:${bucket}`);
  }
  return keys;
}

/** Same place (overlapping locations, or the same page) and one quote inside the other. */
function isRehighlight(earlier: Kept | null, later: Kept): boolean {
  if (earlier === null) return false;
  const a = earlier.clipping.meta;
  const b = later.clipping.meta;
  const samePlace =
    a.location !== null && b.location !== null
      ? a.location.start <= b.location.end && b.location.start <= a.location.end
      : a.location === null && b.location === null && a.page === b.page;
  return samePlace && (earlier.folded.includes(later.folded) || later.folded.includes(earlier.folded));
}

/** The highlight a note belongs to: the latest ending at its location, else one spanning it. */
function noteTarget(live: readonly Kept[], meta: ClippingMeta): Kept | null {
  const at = meta.location?.start;
  if (at === undefined) return null;
  const endingThere = live.findLast((item) => item.clipping.meta.location?.end === at);
  if (endingThere !== undefined) return endingThere;
  return (
    live.findLast((item) => {
      const range = item.clipping.meta.location;
      return range !== null && range.start <= at && at <= range.end;
    }) ?? null
  );
}

/** A note edited on the Kindle comes back as a second note: keep the latest when one holds the other. */
function joinNotes(current: string | null, next: string): string {
  if (current === null) return next;
  if (fold(next).includes(fold(current)) || fold(current).includes(fold(next))) return next;
  return `${current}\n\n${next}`;
}

function problemOf(clipping: KindleClipping, message: string): ParseProblem {
  return { entry: clipping.entry, line: clipping.line, message: `${clipping.title}: ${message}` };
}
