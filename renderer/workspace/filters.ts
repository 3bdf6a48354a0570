/**
 * The workspace's filter as the bar holds it (what the controls show) and as the core wants it:
 * dates typed as local days become the instants that bound them.
 */
import type { HighlightColor, WorkspaceFilter, WorkspaceGrouping } from '../../preload/api';

export interface FilterState {
  text: string;
  /** One tag (its children included), or '' for every tag. */
  tag: string;
  colors: readonly HighlightColor[];
  /** One document, or '' for every document. */
  documentId: string;
  /** Local days, YYYY-MM-DD, or ''. */
  from: string;
  to: string;
  grouping: WorkspaceGrouping;
}

export const NO_FILTER: FilterState = {
  text: '',
  tag: '',
  colors: [],
  documentId: '',
  from: '',
  to: '',
  grouping: 'document',
};

/** The start of a local day as an ISO instant, or undefined for '' or a day that does not exist. */
function startOfDay(day: string, plusDays = 0): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(day);
  if (match === null) return undefined;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + plusDays);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The core's filter for what the bar shows (empty parts left out). */
export function toWorkspaceFilter(state: FilterState): WorkspaceFilter {
  const filter: WorkspaceFilter = {};
  if (state.text.trim() !== '') filter.text = state.text.trim().slice(0, 1000);
  if (state.tag !== '') filter.tags = [state.tag];
  if (state.colors.length > 0) filter.colors = [...state.colors];
  if (state.documentId !== '') filter.documentIds = [state.documentId];
  const from = startOfDay(state.from);
  // "To" is inclusive: everything before the next day's start.
  const before = startOfDay(state.to, 1);
  if (from !== undefined) filter.createdFrom = from;
  if (before !== undefined) filter.createdBefore = before;
  return filter;
}

export function isFiltered(state: FilterState): boolean {
  return (
    state.text.trim() !== '' ||
    state.tag !== '' ||
    state.colors.length > 0 ||
    state.documentId !== '' ||
    state.from !== '' ||
    state.to !== ''
  );
}

const pad = (value: number) => String(value).padStart(2, '0');

/** Today as a local YYYY-MM-DD (the review's seed). */
export function localDay(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
