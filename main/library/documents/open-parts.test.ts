import { readFile, rm, stat, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { splitSections } from '../../../common/sections';
import { WAR_AND_PEACE, useTempLibrary } from '../test-support';
import { FIRST_PART_CHARS, firstPartOf } from './open-parts';

// Each test imports War and Peace (3 MB): more than the default 5 s on a busy machine.
describe('opening in two steps', { timeout: 30_000 }, () => {
  const temp = useTempLibrary();

  async function importBook() {
    const lib = await temp.open();
    const report = await lib.documents.importPaths([WAR_AND_PEACE]);
    const outcome = report.outcomes[0];
    if (outcome?.status !== 'imported') throw new Error('War and Peace did not import');
    return { lib, id: outcome.document.id, version: outcome.document.textVersion };
  }

  it('sends the outline and the text from the saved section, about 64 KB, then the whole text', async () => {
    const { lib, id, version } = await importBook();
    const deep = 200;
    await lib.documents.saveReadingPosition(id, { section: deep, offset: 120, quote: '', progress: 0.5 });
    const start = await lib.opener.openDocumentStart(id);
    if (start === null) throw new Error('no first part');
    const whole = await lib.opener.readDocumentText(id, version);
    if (!whole.ok) throw new Error(whole.message);
    const sections = splitSections(whole.value);
    expect(start.outline.titles).toEqual(sections.map((s) => s.heading?.text ?? ''));
    expect(start.outline.lengths).toEqual(sections.map((s) => s.markdown.length));
    expect(start.totalLength).toBe(whole.value.length);
    expect(start.firstSection).toBe(deep);
    const from = sections[deep]?.start ?? -1;
    expect(whole.value.slice(from, from + start.firstText.length)).toBe(start.firstText);
    expect(start.firstText.length).toBeGreaterThanOrEqual(FIRST_PART_CHARS);
    expect(start.firstText.length).toBeLessThan(whole.value.length / 10);
    expect((await lib.documents.findDocument(id))?.openedAt).not.toBeNull();
  });

  it('sends the outline as columns: a few bytes a section besides the text', async () => {
    const { lib, id } = await importBook();
    const start = await lib.opener.openDocumentStart(id);
    if (start === null) throw new Error('no first part');
    const sections = start.outline.lengths.length;
    expect(sections).toBeGreaterThan(300);
    const { firstText, highlights, summary, ...rest } = start;
    const outlineBytes = JSON.stringify(rest.outline).length;
    // An object a section ({"index":…,"heading":{"level":…,"text":…},"start":…,"length":…}) took ~90.
    expect(outlineBytes / sections).toBeLessThan(40);
    expect(JSON.stringify(start).length).toBeLessThan(
      JSON.stringify({ firstText, highlights, summary }).length + outlineBytes + 500,
    );
  });

  it('reopens the document opened last from the outline in memory, with no cache file read', async () => {
    const { lib, id } = await importBook();
    const first = await lib.opener.openDocumentStart(id);
    await rm(lib.paths.outlineFile(id));
    const again = await lib.opener.openDocumentStart(id);
    expect(again?.outline).toEqual(first?.outline);
    expect(again?.firstText).toBe(first?.firstText);
    // Rebuilding (the slow path) would have written the cache file again.
    await expect(stat(lib.paths.outlineFile(id))).rejects.toThrow();
  });

  it('refuses step two for another text version, and for a document that is gone', async () => {
    const { lib, id } = await importBook();
    await lib.opener.openDocumentStart(id);
    expect(await lib.opener.readDocumentText(id, 'f'.repeat(64))).toMatchObject({ ok: false, code: 'not-found' });
    expect(await lib.opener.openDocumentStart('0123456789abcdef')).toBeNull();
    await lib.documents.deleteDocument(id);
    expect(await lib.opener.readDocumentText(id, 'f'.repeat(64))).toMatchObject({ ok: false, code: 'not-found' });
  });

  it('sends the rest in pieces of sections that join up to the whole text, with or without a cached outline', async () => {
    const { lib, id, version } = await importBook();
    const whole = await lib.opener.readDocumentText(id, version);
    if (!whole.ok) throw new Error(whole.message);
    const count = splitSections(whole.value).length;
    const cuts = [0, 1, 2, 57, 200, count - 1, count];
    for (const cold of [false, true]) {
      if (cold) await lib.opener.outlines.remove(id);
      const pieces: string[] = [];
      for (let i = 0; i + 1 < cuts.length; i++) {
        const piece = await lib.opener.readDocumentSections(id, version, cuts[i] ?? 0, cuts[i + 1] ?? 0);
        if (!piece.ok) throw new Error(piece.message);
        pieces.push(piece.value);
      }
      expect(pieces.join('')).toBe(whole.value);
    }
    expect(await lib.opener.readDocumentSections(id, version, 3, 3)).toMatchObject({ code: 'invalid-argument' });
    expect(await lib.opener.readDocumentSections(id, version, 0, count + 1)).toMatchObject({ code: 'invalid-argument' });
    expect(await lib.opener.readDocumentSections(id, 'f'.repeat(64), 0, 1)).toMatchObject({ code: 'not-found' });
  });

  it('refuses a piece when the file no longer matches its outline, and forgets the outline', async () => {
    const { lib, id, version } = await importBook();
    await lib.opener.openDocumentStart(id);
    const file = lib.paths.documentFile(id);
    const body = await readFile(file, 'utf8');
    // Edited outside the app: "é" is one more byte, so the outline's offsets no longer fit the file.
    await writeFile(file, body.replace('Petersburg', 'Pétersburg'));
    expect(await lib.opener.readDocumentSections(id, version, 0, 3)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await lib.opener.outlines.read(id, version)).toBeNull();
  });

  it('clamps a saved section past the end and always sends at least one section', () => {
    const sections = splitSections(`# One\n\n${'x'.repeat(FIRST_PART_CHARS * 2)}\n\n# Two\n\nshort\n`);
    expect(firstPartOf(sections, 99)).toEqual({ first: 2, text: '# Two\n\nshort\n' });
    expect(firstPartOf(sections, 1).text).toBe(sections[1]?.markdown);
    expect(firstPartOf(splitSections(''), 0)).toEqual({ first: 0, text: '' });
  });
});
