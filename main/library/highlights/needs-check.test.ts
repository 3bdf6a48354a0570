/** "Check this" highlights in the core (stored, confirmed, migrated) and addHighlight's text-version check. */
import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DocumentSummary, Highlight, NewHighlight } from '../../../preload/api';
import type { Library } from '../library';
import { bytes, useTempLibrary } from '../test-support';
import { highlightArguments } from './schemas';

const temp = useTempLibrary();

const STORY = `# The Ferry

The ferry left at six. Nobody on the quay waved; the fog had eaten the far shore.

The ferry left at seven. Nobody on the quay waved; the rain had eaten the far shore.`;

async function importStory(lib: Library): Promise<DocumentSummary> {
  const [outcome] = (await lib.documents.importFiles([{ name: 'ferry.md', bytes: bytes(STORY) }])).outcomes;
  if (outcome?.status !== 'imported') throw new Error('import failed');
  return outcome.document;
}

function selectionOf(doc: DocumentSummary, exact: string, start: number): NewHighlight {
  return {
    color: 'blue',
    quote: { type: 'TextQuoteSelector', exact, prefix: 'The ferry left at ', suffix: '. Nobody' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    anchoredVersion: doc.textVersion,
  };
}

async function add(lib: Library, doc: DocumentSummary): Promise<Highlight> {
  const added = await lib.highlights.addHighlight(doc.id, selectionOf(doc, 'six', 28));
  if (!added.ok) throw new Error(added.message);
  return added.value;
}

const annotationsFile = (id: string) => path.join(temp.root, 'annotations', `${id}.json`);

describe('highlights to check', () => {
  it('refuses a highlight placed on an older text as stale, and accepts it on the current one', async () => {
    const lib = await temp.open();
    const doc = await importStory(lib);
    const edited = path.join(temp.root, 'ferry-edited.md');
    await fs.writeFile(edited, STORY.replace('at six', 'at half past six'));
    const updated = await lib.documents.updateDocumentFromPath(doc.id, edited);
    if (!updated.ok) throw new Error(updated.message);
    expect(updated.value.textVersion).not.toBe(doc.textVersion);

    const refused = await lib.highlights.addHighlight(doc.id, selectionOf(doc, 'six', 28));
    expect(refused).toMatchObject({ ok: false, code: 'stale' });
    expect((await lib.documents.openDocument(doc.id))?.highlights).toEqual([]);
    const accepted = await lib.highlights.addHighlight(
      doc.id,
      selectionOf(updated.value, 'half past six', 28),
    );
    expect(accepted).toMatchObject({ ok: true, value: { needsCheck: false, unplaced: false } });
    // An unknown document is still not-found, not stale.
    expect(await lib.highlights.addHighlight('0000000000000000', selectionOf(doc, 'six', 28))).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });

  it('stores needsCheck from re-anchoring, keeps it across reopen, and clears it on confirm', async () => {
    let lib = await temp.open();
    const doc = await importStory(lib);
    const highlight = await add(lib, doc);
    const best = { type: 'TextPositionSelector' as const, start: 110, end: 115 };
    const saved = await lib.highlights.saveAnchors(doc.id, [
      {
        id: highlight.id,
        quote: highlight.quote,
        position: best,
        anchoredVersion: doc.textVersion,
        unplaced: false,
        needsCheck: true,
      },
    ]);
    expect(saved.ok).toBe(true);
    lib = await temp.open();
    const [reopened] = (await lib.documents.openDocument(doc.id))?.highlights ?? [];
    // The original quote stays beside the new place, so the reader can compare them.
    expect(reopened).toMatchObject({ needsCheck: true, quote: highlight.quote, position: best });

    // Moving to another candidate keeps it to check when asked to.
    const other = { type: 'TextPositionSelector' as const, start: 28, end: 31 };
    const moved = await lib.highlights.updateHighlight(doc.id, highlight.id, {
      quote: highlight.quote,
      position: other,
      anchoredVersion: doc.textVersion,
      needsCheck: true,
    });
    expect(moved).toMatchObject({ ok: true, value: { needsCheck: true, position: other } });
    const confirmed = await lib.highlights.updateHighlight(doc.id, highlight.id, { needsCheck: false });
    expect(confirmed).toMatchObject({
      ok: true,
      value: { needsCheck: false, position: other, color: 'blue' },
    });
    lib = await temp.open();
    expect((await lib.documents.openDocument(doc.id))?.highlights[0]?.needsCheck).toBe(false);
  });

  it('clears needsCheck when new selectors re-attach the highlight, unless told otherwise', async () => {
    const lib = await temp.open();
    const doc = await importStory(lib);
    const highlight = await add(lib, doc);
    await lib.highlights.saveAnchors(doc.id, [
      {
        id: highlight.id,
        quote: highlight.quote,
        position: highlight.position,
        anchoredVersion: doc.textVersion,
        unplaced: false,
        needsCheck: true,
      },
    ]);
    const recolored = await lib.highlights.updateHighlight(doc.id, highlight.id, { color: 'pink' });
    expect(recolored).toMatchObject({ ok: true, value: { needsCheck: true } });
    const { quote, position } = selectionOf(doc, 'seven', 106);
    const reattached = await lib.highlights.updateHighlight(doc.id, highlight.id, {
      quote,
      position,
      anchoredVersion: doc.textVersion,
    });
    expect(reattached).toMatchObject({ ok: true, value: { needsCheck: false, quote, position } });
  });

  it('reads a version 1 annotations file (no needsCheck) as nothing to check', async () => {
    let lib = await temp.open();
    const doc = await importStory(lib);
    const highlight = await add(lib, doc);
    await lib.close();
    const { needsCheck: _dropped, ...oldHighlight } = highlight;
    await fs.writeFile(
      annotationsFile(doc.id),
      JSON.stringify({ schemaVersion: 1, position: null, highlights: [oldHighlight] }),
    );
    lib = await temp.open();
    expect((await lib.documents.openDocument(doc.id))?.highlights).toEqual([
      { ...highlight, needsCheck: false },
    ]);
    const { notices } = await lib.app.getLibraryInfo();
    expect(notices).toEqual([]);
  });

  it('refuses needsCheck of the wrong type, or missing from an anchor update, at the boundary', async () => {
    const lib = await temp.open();
    const doc = await importStory(lib);
    const highlight = await add(lib, doc);
    const parsed = highlightArguments.updateHighlight.safeParse([doc.id, highlight.id, { needsCheck: 'no' }]);
    expect(parsed.success).toBe(false);
    const update = {
      id: highlight.id,
      quote: highlight.quote,
      position: highlight.position,
      anchoredVersion: doc.textVersion,
      unplaced: false,
    };
    expect(highlightArguments.saveAnchors.safeParse([doc.id, [update]]).success).toBe(false);
    expect(
      highlightArguments.saveAnchors.safeParse([doc.id, [{ ...update, needsCheck: true }]]).success,
    ).toBe(true);
  });
});
