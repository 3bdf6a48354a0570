/**
 * Where the reader's Back goes: the view the document was opened from, as it was left (its route,
 * its scroll, and for the highlights workspace its filters and focused row), so opening a passage
 * from a filtered list and coming back does not lose the reader's place in that list.
 */
import { type Route, VIEW_ANNOUNCEMENTS } from './routes';

/** What the workspace puts back when the reader returns to it. */
export interface WorkspaceResume {
  /** The filter bar as it was (the workspace's own FilterState, opaque here). */
  readonly filter: unknown;
  /** The selection and the focused row. */
  readonly selection: unknown;
}

export interface ReturnPlace {
  readonly route: Route;
  readonly scrollY: number;
  /** Set when the place is the workspace. */
  readonly workspace: WorkspaceResume | null;
}

const LIBRARY: ReturnPlace = { route: { view: 'library' }, scrollY: 0, workspace: null };

/** The label of Back for a place ("Back to highlights"): the view's name, the library's for a document. */
export const BACK_LABELS: Record<Route['view'], string> = { ...VIEW_ANNOUNCEMENTS, reader: 'Library' };

/**
 * The return place after moving from `from` to `to`: entering the reader from a view remembers that
 * view (`capture` describes it as it is now); moving from one document to another keeps the place
 * the first was opened from; any other move forgets it (the views' own Back go to the library).
 */
export function nextReturnPlace(
  from: Route,
  to: Route,
  current: ReturnPlace | null,
  capture: () => ReturnPlace,
): ReturnPlace | null {
  if (to.view !== 'reader') return null;
  if (from.view === 'reader') return current ?? LIBRARY;
  return capture();
}

/** Where Back goes now: the remembered place, or the library when there is none. */
export const backPlace = (current: ReturnPlace | null): ReturnPlace => current ?? LIBRARY;
