/**
 * The names Lectern's W3C Web Annotation files use: the context (the W3C one plus Lectern's
 * extension prefix) and the URNs that carry Lectern ids, so a re-import finds its document.
 */

export const W3C_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** Lectern's extension properties (`lectern:color` ...) expand under this IRI. */
export const LECTERN_VOCAB = 'urn:lectern:vocab#';
export const JSONLD_CONTEXT = [W3C_CONTEXT, { lectern: LECTERN_VOCAB }] as const;
/** The media type of the files written (what a `.jsonld` file holds). */
export const JSONLD_MEDIA_TYPE = 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"';

const DOCUMENT_URN = 'urn:lectern:document:';
const HIGHLIGHT_URN = 'urn:lectern:highlight:';
const HEX16 = /^[0-9a-f]{16}$/u;

export const documentUrn = (documentId: string) => `${DOCUMENT_URN}${documentId}`;
export const highlightUrn = (documentId: string, highlightId: string) =>
  `${HIGHLIGHT_URN}${documentId}/${highlightId}`;

/** The document id of a Lectern document URN, or null for any other IRI. */
export function documentIdOfUrn(iri: string): string | null {
  if (!iri.startsWith(DOCUMENT_URN)) return null;
  const id = iri.slice(DOCUMENT_URN.length);
  return HEX16.test(id) ? id : null;
}

/** The highlight id of a Lectern highlight URN, or null for any other IRI. */
export function highlightIdOfUrn(iri: string): string | null {
  if (!iri.startsWith(HIGHLIGHT_URN)) return null;
  const id = iri.slice(HIGHLIGHT_URN.length).split('/').at(-1) ?? '';
  return HEX16.test(id) ? id : null;
}
