import fs from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AnchorUpdate, DocumentSummary, NewHighlight } from '../../../preload/api';
import type { Library } from '../library';
import { bytes, useTempLibrary } from '../test-support';
import { annotationFiles, storedAnnotations } from './test-annotations';

const temp = useTempLibrary();
const MISSING = '0000000000000000';

const open = (): Promise<Library> => temp.open();

async function importOne(
  lib: Library,
  text = '# Story\n\nOnce upon a time there was a reader.',
): Promise<DocumentSummary> {
  const [outcome] = (await lib.documents.importFiles([{ name: 'story.md', bytes: bytes(text) }])).outcomes;
  if (outcome?.status !== 'imported') throw new Error('import failed');
  return outcome.document;
}

function newHighlight(doc: DocumentSummary, start = 5, exact = 'upon'): NewHighlight {
  return {
    color: 'green',
    quote: { type: 'TextQuoteSelector', exact, prefix: 'Once ', suffix: ' a time' },
    position: { type: 'TextPositionSelector', start, end: start + exact.length },
    anchoredVersion: doc.textVersion,
  };
}

async function added(lib: Library, doc: DocumentSummary, start = 5) {
  const result = await lib.highlights.addHighlight(doc.id, newHighlight(doc, start));
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

const annotationsFile = (id: string) => path.join(temp.root, 'annotations', `${id}.json`);

describe('highlights', () => {
  it('adds a highlight, keeps it across reopen and counts it in the summary', async () => {
    let lib = await open();
    const doc = await importOne(lib);
    expect(doc.textVersion).toMatch(/^[0-9a-f]{64}$/);
    const highlight = await added(lib, doc);
    expect(highlight).toMatchObject({
      documentId: doc.id,
      color: 'green',
      unplaced: false,
      tags: [],
      note: null,
      anchoredVersion: doc.textVersion,
    });
    expect(highlight.id).toMatch(/^[0-9a-f]{16}$/);
    expect(highlight.createdAt).toBe(highlight.updatedAt);
    // Durable at once: the annotations file holds it before any close.
    expect((await storedAnnotations(temp.root, doc.id)).highlights).toEqual([highlight]);
    expect((await lib.documents.listDocuments())[0]?.highlightCount).toBe(1);
    lib = await open();
    expect((await lib.documents.listDocuments())[0]?.highlightCount).toBe(1);
    expect((await lib.documents.openDocument(doc.id))?.highlights).toEqual([highlight]);
    expect(await lib.highlights.addHighlight(MISSING, newHighlight(doc))).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });

  it('keeps every highlight of concurrent adds and position saves', async () => {
    let lib = await open();
    const doc = await importOne(lib);
    const position = { section: 0, offset: 1, quote: 'nce', progress: 0.1 };
    await Promise.all([
      ...Array.from({ length: 20 }, (_, i) => added(lib, doc, i)),
      lib.documents.saveReadingPosition(doc.id, position),
    ]);
    lib = await open();
    const opened = await lib.documents.openDocument(doc.id);
    expect(opened?.highlights).toHaveLength(20);
    expect(new Set(opened?.highlights.map((h) => h.id)).size).toBe(20);
    expect(opened?.position).toEqual(position);
    expect(opened?.summary.highlightCount).toBe(20);
  });

  it('updates colour and selectors; new selectors clear unplaced unless given', async () => {
    const lib = await open();
    const doc = await importOne(lib);
    const highlight = await added(lib, doc);
    const recolored = await lib.highlights.updateHighlight(doc.id, highlight.id, { color: 'pink' });
    expect(recolored).toMatchObject({
      ok: true,
      value: { id: highlight.id, color: 'pink', quote: highlight.quote },
    });
    if (!recolored.ok) throw new Error('unreachable');
    expect(recolored.value.updatedAt > highlight.updatedAt).toBe(true);
    expect(recolored.value.createdAt).toBe(highlight.createdAt);
    await lib.highlights.updateHighlight(doc.id, highlight.id, { unplaced: true });
    const moved = { ...newHighlight(doc, 10, 'a time'), anchoredVersion: 'b'.repeat(64) };
    const reattached = await lib.highlights.updateHighlight(doc.id, highlight.id, {
      quote: moved.quote,
      position: moved.position,
      anchoredVersion: moved.anchoredVersion,
    });
    expect(reattached).toMatchObject({
      ok: true,
      value: {
        quote: moved.quote,
        position: moved.position,
        anchoredVersion: 'b'.repeat(64),
        unplaced: false,
        color: 'pink',
      },
    });
    expect(await lib.highlights.updateHighlight(doc.id, MISSING, { color: 'blue' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect(await lib.highlights.updateHighlight(MISSING, highlight.id, { color: 'blue' })).toMatchObject({
      ok: false,
      code: 'not-found',
    });
  });

  it('deletes a highlight and restores it exactly; refuses duplicates and foreign highlights', async () => {
    let lib = await open();
    const doc = await importOne(lib);
    const other = await importOne(lib, 'another text entirely');
    const highlight = await added(lib, doc);
    const deleted = await lib.highlights.deleteHighlight(doc.id, highlight.id);
    expect(deleted).toEqual({ ok: true, value: highlight });
    expect((await lib.documents.listDocuments()).find((d) => d.id === doc.id)?.highlightCount).toBe(0);
    expect(await lib.highlights.deleteHighlight(doc.id, highlight.id)).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    expect(await lib.highlights.restoreHighlight(other.id, highlight)).toMatchObject({
      ok: false,
      code: 'invalid-argument',
    });
    expect(await lib.highlights.restoreHighlight(doc.id, highlight)).toEqual({ ok: true, value: highlight });
    expect(await lib.highlights.restoreHighlight(doc.id, highlight)).toMatchObject({
      ok: false,
      code: 'duplicate',
    });
    expect(
      await lib.highlights.restoreHighlight(MISSING, { ...highlight, documentId: MISSING }),
    ).toMatchObject({
      ok: false,
      code: 'not-found',
    });
    lib = await open();
    expect((await lib.documents.openDocument(doc.id))?.highlights).toEqual([highlight]);
    expect((await lib.documents.listDocuments()).find((d) => d.id === doc.id)?.highlightCount).toBe(1);
  });

  it('saves many anchors in one write, or none when an id is unknown', async () => {
    let lib = await open();
    const doc = await importOne(lib);
    const [a, b] = [await added(lib, doc, 1), await added(lib, doc, 2)];
    if (a === undefined || b === undefined) throw new Error('unreachable');
    const version = 'c'.repeat(64);
    const update = (id: string, unplaced: boolean, needsCheck = false): AnchorUpdate => ({
      id,
      ...newHighlight(doc, 20, 'reader'),
      anchoredVersion: version,
      unplaced,
      needsCheck,
    });
    const before = await annotationFiles(temp.root, doc.id);
    const refused = await lib.highlights.saveAnchors(doc.id, [
      update(a.id, false),
      update('ffffffffffffffff', false),
    ]);
    expect(refused).toMatchObject({ ok: false, code: 'not-found' });
    if (refused.ok) throw new Error('unreachable');
    expect(refused.message).toContain('ffffffffffffffff');
    expect(await annotationFiles(temp.root, doc.id)).toEqual(before);
    expect(await lib.highlights.saveAnchors(doc.id, [update(a.id, false), update(b.id, true)])).toEqual({
      ok: true,
      value: null,
    });
    expect(await lib.highlights.saveAnchors(MISSING, [])).toMatchObject({ ok: false, code: 'not-found' });
    lib = await open();
    const highlights = (await lib.documents.openDocument(doc.id))?.highlights ?? [];
    expect(highlights.map((h) => [h.id, h.anchoredVersion, h.unplaced, h.position.start])).toEqual([
      [a.id, version, false, 20],
      [b.id, version, true, 20],
    ]);
  });

  it('keeps highlights through the trash and back', async () => {
    let lib = await open();
    const doc = await importOne(lib);
    const highlight = await added(lib, doc);
    expect(await lib.documents.deleteDocument(doc.id)).toEqual({ ok: true, value: null });
    lib = await open();
    expect(await lib.documents.restoreDocument(doc.id)).toMatchObject({
      ok: true,
      value: { highlightCount: 1 },
    });
    expect((await lib.documents.openDocument(doc.id))?.highlights).toEqual([highlight]);
  });

  it('moves a corrupt annotations file with highlights aside, keeps what its log holds, with a notice', async () => {
    let lib = await open();
    const doc = await importOne(lib);
    await added(lib, doc);
    lib = await open();
    const stored = await storedAnnotations(temp.root, doc.id);
    Object.assign(stored.highlights[0] ?? {}, { color: 'ultraviolet' });
    await fs.writeFile(annotationsFile(doc.id), JSON.stringify(stored));
    const opened = await lib.documents.openDocument(doc.id);
    // The highlight was added in the log, which holds it valid: replayed, not lost with the file.
    expect(opened?.highlights.map((h) => h.color)).toEqual(['green']);
    const { notices } = await lib.app.getLibraryInfo();
    expect(notices).toMatchObject([{ level: 'warning' }]);
    expect(notices[0]?.message).toContain(doc.id);
    const files = await fs.readdir(path.join(temp.root, 'annotations'));
    expect(files.some((name) => name.startsWith(`${doc.id}.json.corrupt-`))).toBe(true);
  });
});
