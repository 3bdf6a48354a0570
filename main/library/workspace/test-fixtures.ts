/** Test helpers of the workspace: documents of real prose, highlights on passages of them. */
import type { DocumentSummary, Highlight, HighlightColor } from '../../../preload/api';
import type { Library } from '../library';
import { bytes } from '../test-support';

export const PRIDE = `# Pride and Prejudice

It is a truth universally acknowledged, that a single man in possession of a good fortune, must be in
want of a wife. However little known the feelings or views of such a man may be on his first entering a
neighbourhood, this truth is so well fixed in the minds of the surrounding families, that he is
considered the rightful property of some one or other of their daughters.`;

export const FRANKENSTEIN = `# Frankenstein

You will rejoice to hear that no disaster has accompanied the commencement of an enterprise which you
have regarded with such evil forebodings. I arrived here yesterday, and my first task is to assure my
dear sister of my welfare and increasing confidence in the success of my undertaking. Élan vital, [sic]
(and $5 a *week*) — the cost of a café in Genève.`;

export async function importText(lib: Library, name: string, text: string): Promise<DocumentSummary> {
  const outcome = (await lib.documents.importFiles([{ name, bytes: bytes(text) }])).outcomes[0];
  if (outcome?.status !== 'imported') throw new Error(`setup: ${JSON.stringify(outcome)}`);
  return outcome.document;
}

/** Highlights the first occurrence of `exact` in `text`. */
export async function highlight(
  lib: Library,
  doc: DocumentSummary,
  text: string,
  exact: string,
  color: HighlightColor = 'yellow',
): Promise<Highlight> {
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`setup: “${exact}” is not in the text`);
  const added = await lib.highlights.addHighlight(doc.id, {
    color,
    quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    anchoredVersion: doc.textVersion,
  });
  if (!added.ok) throw new Error(`setup: ${added.message}`);
  return added.value;
}

export async function tagged(lib: Library, h: Highlight, tags: string[]): Promise<Highlight> {
  const done = await lib.tags.service.setHighlightTags(h.documentId, h.id, tags);
  if (!done.ok) throw new Error(`setup: ${done.message}`);
  return done.value;
}
