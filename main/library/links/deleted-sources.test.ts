/**
 * A highlight that has a note is deleted, or a document with notes goes to the trash: the
 * links written in those notes leave "Linked from" (the backlink index follows the notes'
 * changes), and come back when the highlight or document is restored.
 */
import { describe, expect, it } from 'vitest';
import type { Backlink, Result } from '../../../preload/api';
import type { Library } from '../library';
import { bytes, useTempLibrary } from '../test-support';

const library = useTempLibrary();

const SOIREE = `# The Soirée

It was in July, 1805, and the speaker was the well-known Anna Pávlovna Schérer, maid of honour.`;

const value = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
};

/** A document, a standalone note, and a highlight whose note links to that standalone note. */
async function linkedWorld() {
  const lib = await library.open();
  const report = await lib.documents.importFiles([{ name: 'soiree.md', bytes: bytes(SOIREE) }]);
  const outcome = report.outcomes[0];
  if (outcome?.status !== 'imported') throw new Error('setup');
  const doc = outcome.document;
  const target = value(await lib.notes.createNote({ title: 'Hostesses', body: 'Salons of 1805.' }));
  const exact = 'Anna Pávlovna Schérer';
  const start = SOIREE.indexOf(exact);
  const highlight = value(
    await lib.highlights.addHighlight(doc.id, {
      color: 'yellow',
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
      anchoredVersion: doc.textVersion,
    }),
  );
  const text = `She receives: see [[lectern:note/${target.id}|Hostesses]], and [[ unfinished.`;
  value(await lib.annotationNotes.setHighlightNote(doc.id, highlight.id, text));
  return { lib, doc, highlightId: highlight.id, targetKey: `note/${target.id}` };
}

async function linkedFrom(lib: Library, targetKey: string): Promise<Backlink[]> {
  await lib.links.settled();
  return value(await lib.links.getBacklinks(targetKey));
}

describe('links written in the notes of deleted things', () => {
  it('leave Linked from when their highlight is deleted, and come back when it is restored', async () => {
    const { lib, doc, highlightId, targetKey } = await linkedWorld();
    expect((await linkedFrom(lib, targetKey)).map((link) => link.sourceKey)).toEqual([
      `highlight-note/${doc.id}/${highlightId}`,
    ]);
    const deleted = value(await lib.highlights.deleteHighlight(doc.id, highlightId));
    expect(await linkedFrom(lib, targetKey)).toEqual([]);
    value(await lib.highlights.restoreHighlight(doc.id, deleted));
    expect((await linkedFrom(lib, targetKey)).map((link) => link.sourceKey)).toEqual([
      `highlight-note/${doc.id}/${highlightId}`,
    ]);
  });

  it('leave Linked from while their document is in the trash, and come back on restore', async () => {
    const { lib, doc, targetKey } = await linkedWorld();
    value(await lib.documents.deleteDocument(doc.id));
    expect(await linkedFrom(lib, targetKey)).toEqual([]);
    value(await lib.documents.restoreDocument(doc.id));
    expect(await linkedFrom(lib, targetKey)).toHaveLength(1);
  });
});
