/**
 * A document's highlights as a W3C Web Annotation AnnotationCollection (one embedded page):
 * TextQuoteSelector + TextPositionSelector targets, tags as `tagging` bodies, the note as a
 * `commenting` body, colour and placement state as `lectern:` extension properties. Everything a
 * Lectern highlight holds is written, so importing the file gives the same highlights back.
 */
import type { Highlight } from '../../preload/api';
import { documentUrn, highlightUrn, JSONLD_CONTEXT } from './w3c-vocab';

/** What the collection says about the document. */
export interface JsonLdDocument {
  id: string;
  title: string;
  author: string | null;
  /** Where it came from (a URL or file name), when known. */
  source: string | null;
}

/** The JSON-LD object to write (JSON.stringify it). */
export function highlightsToJsonLd(
  doc: JsonLdDocument,
  highlights: readonly Highlight[],
): Record<string, unknown> {
  const items = highlights.map((highlight) => annotationOf(doc, highlight));
  return {
    '@context': JSONLD_CONTEXT,
    id: `${documentUrn(doc.id)}/annotations`,
    type: 'AnnotationCollection',
    label: doc.title,
    'lectern:documentId': doc.id,
    ...(doc.author === null ? {} : { 'lectern:author': doc.author }),
    ...(doc.source === null ? {} : { 'lectern:source': doc.source }),
    total: items.length,
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
}

function annotationOf(doc: JsonLdDocument, highlight: Highlight): Record<string, unknown> {
  const body = [
    ...(highlight.note === null
      ? []
      : [{ type: 'TextualBody', purpose: 'commenting', value: highlight.note, format: 'text/markdown' }]),
    ...highlight.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag })),
  ];
  return {
    id: highlightUrn(doc.id, highlight.id),
    type: 'Annotation',
    motivation: 'highlighting',
    created: highlight.createdAt,
    modified: highlight.updatedAt,
    ...(body.length === 0 ? {} : { body }),
    target: {
      source: documentUrn(doc.id),
      selector: [{ ...highlight.quote }, { ...highlight.position }],
    },
    'lectern:color': highlight.color,
    'lectern:anchoredVersion': highlight.anchoredVersion,
    'lectern:unplaced': highlight.unplaced,
    'lectern:needsCheck': highlight.needsCheck,
  };
}
