/**
 * The review strip's queue (pure but for the storage it is handed): this day's anniversaries first,
 * then the day's draw, without the passages skipped today. Skips are kept per day in localStorage.
 */
import type { ReviewSet, WorkspaceItem } from '../../preload/api';
import { itemKey } from './selection';

export interface ReviewCard {
  item: WorkspaceItem;
  /** "On this day, 2 years ago" or "From your library". */
  why: string;
}

const storageKey = (day: string) => `lectern.review.skipped.${day}`;

/** The keys skipped on `day` (an unreadable entry counts as none). */
export function skippedToday(storage: Pick<Storage, 'getItem'>, day: string): Set<string> {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(storageKey(day)) ?? '[]');
    return new Set(Array.isArray(parsed) ? parsed.filter((key) => typeof key === 'string') : []);
  } catch {
    return new Set();
  }
}

export function skipToday(storage: Pick<Storage, 'getItem' | 'setItem'>, day: string, item: WorkspaceItem) {
  const skipped = skippedToday(storage, day).add(itemKey(item));
  try {
    storage.setItem(storageKey(day), JSON.stringify([...skipped]));
  } catch {
    // A full storage only means the passage may come back today: nothing is lost.
  }
}

export function reviewQueue(set: ReviewSet, day: string, skipped: ReadonlySet<string>): ReviewCard[] {
  const year = Number(day.slice(0, 4));
  const years = (item: WorkspaceItem) => year - Number(item.createdAt.slice(0, 4));
  const cards = [
    ...set.onThisDay.map((item) => ({
      item,
      why: `On this day, ${years(item)} year${years(item) === 1 ? '' : 's'} ago`,
    })),
    ...set.random.map((item) => ({ item, why: 'From your library' })),
  ];
  return cards.filter((card) => !skipped.has(itemKey(card.item)));
}
