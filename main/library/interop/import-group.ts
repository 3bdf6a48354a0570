/**
 * Turns one group's placed annotations into stored highlights for a document, leaving out what
 * the document already holds: the same Lectern id, or the same quote at an overlapping place
 * (an unplaced one: the same quote, also unplaced). Runs inside the annotations file's turn.
 */
import { randomBytes } from 'node:crypto';
import { MAX_NOTE_LENGTH } from '../../../preload/api';
import { highlightSchema } from '../highlights/schemas';
import type { StoredHighlight } from '../highlights/service';
import type { PlannedHighlight } from './place-annotations';

/** Tag ids and names for an annotation's tags, resolved before the write. */
export type StoredTagsOf = (tags: readonly string[]) => { tagIds: string[]; tags: string[] };

export interface GroupCounts {
  placed: number;
  check: number;
  unplaced: number;
  alreadyThere: number;
  /** Annotations that would not make a valid stored highlight (reported, the file stays sound). */
  refused: string[];
}

const fold = (text: string) => text.replace(/\s+/gu, ' ').trim().toLowerCase();

/** Indexes highlights by folded quote, so each new one is compared with few. */
class HighlightIndex {
  private readonly byQuote = new Map<string, StoredHighlight[]>();
  readonly ids = new Set<string>();

  constructor(existing: readonly StoredHighlight[]) {
    for (const highlight of existing) this.add(highlight);
  }

  add(highlight: StoredHighlight): void {
    this.ids.add(highlight.id);
    const key = fold(highlight.quote.exact);
    this.byQuote.set(key, [...(this.byQuote.get(key) ?? []), highlight]);
  }

  /** True when a highlight with this quote already lies there (or is unplaced with it, too). */
  holds(plan: PlannedHighlight): boolean {
    if (plan.annotation.lecternId !== null && this.ids.has(plan.annotation.lecternId)) return true;
    const unplaced = plan.outcome === 'unplaced';
    const twins = [plan.quote.exact, plan.annotation.quote].flatMap(
      (quote) => this.byQuote.get(fold(quote)) ?? [],
    );
    return twins.some((twin) =>
      unplaced || twin.unplaced
        ? twin.unplaced === unplaced
        : twin.position.start < plan.position.end && plan.position.start < twin.position.end,
    );
  }

  newId(preferred: string | null): string {
    if (preferred !== null && !this.ids.has(preferred)) return preferred;
    for (;;) {
      const id = randomBytes(8).toString('hex');
      if (!this.ids.has(id)) return id;
    }
  }
}

/** The highlights to add (and the counts for the report), given the document's current ones. */
export function highlightsToAdd(
  plans: readonly PlannedHighlight[],
  existing: readonly StoredHighlight[],
  context: { documentId: string; textVersion: string; now: string; storedTags: StoredTagsOf },
): { added: StoredHighlight[]; counts: GroupCounts } {
  const index = new HighlightIndex(existing);
  const counts: GroupCounts = { placed: 0, check: 0, unplaced: 0, alreadyThere: 0, refused: [] };
  const added: StoredHighlight[] = [];
  for (const plan of plans) {
    if (index.holds(plan)) {
      counts.alreadyThere++;
      continue;
    }
    const { annotation } = plan;
    const tags = context.storedTags(annotation.tags);
    const created = annotation.createdAt ?? context.now;
    const highlight: StoredHighlight = {
      id: index.newId(annotation.lecternId),
      documentId: context.documentId,
      color: plan.color,
      quote: plan.quote,
      position: plan.position,
      anchoredVersion: context.textVersion,
      unplaced: plan.outcome === 'unplaced',
      needsCheck: plan.outcome === 'check',
      tags: tags.tags,
      ...(tags.tagIds.length === 0 ? {} : { tagIds: tags.tagIds }),
      note: annotation.note === null ? null : annotation.note.slice(0, MAX_NOTE_LENGTH),
      createdAt: created,
      updatedAt: context.now,
    };
    // The annotations file must always parse: what would break it is refused here, by its quote.
    const checked = highlightSchema.safeParse(highlight);
    if (!checked.success) {
      counts.refused.push(
        `“${annotation.quote.slice(0, 60)}”: ${checked.error.issues[0]?.message ?? 'invalid'}`,
      );
      continue;
    }
    index.add(highlight);
    added.push(highlight);
    counts[plan.outcome]++;
  }
  return { added, counts };
}
