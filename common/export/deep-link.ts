/**
 * The deep link an exported note carries to open Lectern at a passage: `lectern://open?doc=…`
 * (and `&highlight=…`). Distinct from `lectern://app/…`, which serves the app's own pages; parsed
 * strictly, since any program can hand such a link to the app.
 */
import { isLinkId } from '../links';

export interface DeepLink {
  documentId: string;
  highlightId: string | null;
}

const ID = /^[0-9a-f]{16}$/;
const LINK = /^lectern:\/\/open\?doc=([0-9a-f]{16})(?:&highlight=([0-9a-f]{16}))?$/;

/** The deep link to a document, or to one of its highlights. */
export function deepLink(documentId: string, highlightId?: string): string {
  if (!ID.test(documentId) || (highlightId !== undefined && !ID.test(highlightId)))
    throw new Error('A deep link needs 16-hex-digit ids.');
  return `lectern://open?doc=${documentId}${highlightId === undefined ? '' : `&highlight=${highlightId}`}`;
}

/** `lectern://open?doc=…&highlight=`: a highlight's deep link is this and its (checked) id. */
export const highlightLinkPrefix = (documentId: string): string => `${deepLink(documentId)}&highlight=`;

/** The id as a deep link may carry it; throws like deepLink for anything else. */
export function checkedLinkId(highlightId: string): string {
  if (!isLinkId(highlightId)) throw new Error('A deep link needs 16-hex-digit ids.');
  return highlightId;
}

/** Deep links to one document's highlights: the document's part checked and built once, not per link. */
export function highlightLinks(documentId: string): (highlightId: string) => string {
  const prefix = highlightLinkPrefix(documentId);
  return (highlightId) => prefix + checkedLinkId(highlightId);
}

/** Reads a deep link; null for anything that is not exactly one (extra parameters, other hosts, case). */
export function parseDeepLink(url: string): DeepLink | null {
  if (url.length > 80) return null;
  const match = LINK.exec(url);
  if (match === null || match[1] === undefined) return null;
  return { documentId: match[1], highlightId: match[2] ?? null };
}
