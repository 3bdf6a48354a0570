import { readFile, rm, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { splitSections } from '../../../common/sections';
import { useTempLibrary } from '../test-support';
import { FIRST_PART_CHARS, firstPartOf } from './open-parts';
import { buildOutline } from './outline';

/** Headings and prose in several scripts: multi-byte UTF-8 everywhere, so bytes ≠ characters. */
function multilingualBook(): string {
  const parts = ['# Предисловие\n\nЕщё одно слово о войне и мире. '.repeat(40)];
  for (let i = 1; i <= 60; i++) {
    parts.push(
      `## Chapter ${i}: Ἀρχή — 章 ${i}\n\n`,
      `Émile wrote “${'naïve café'.repeat(i % 7)}” 😀 and 日本語の文 ${i}. `.repeat(300),
      '\n\n```\n# not a heading inside code 🚫\n```\n\n',
    );
  }
  return parts.join('');
}

describe('outlines with byte offsets', () => {
  it('gives each section the bytes that hold exactly its text', () => {
    const markdown = multilingualBook();
    const buffer = Buffer.from(markdown);
    const outline = buildOutline(markdown, 'hash');
    const sections = splitSections(markdown);
    expect(outline.lengths).toHaveLength(sections.length);
    expect(outline.totalLength).toBe(markdown.length);
    let byteStart = 0;
    for (const [i, byteLength] of outline.byteLengths.entries()) {
      const text = buffer.subarray(byteStart, byteStart + byteLength).toString('utf8');
      expect(text).toBe(sections[i]?.markdown);
      expect(outline.lengths[i]).toBe(text.length);
      expect([outline.levels[i], outline.titles[i]]).toEqual([
        sections[i]?.heading?.level ?? 0,
        sections[i]?.heading?.text ?? '',
      ]);
      byteStart += byteLength;
    }
    expect(byteStart).toBe(buffer.length);
  });
});

// Imports a book and reopens the library several times: more than the default 5 s on a busy machine.
describe('opening with the cached outline', { timeout: 30_000 }, () => {
  const temp = useTempLibrary();

  async function importBook() {
    const lib = await temp.open();
    const markdown = multilingualBook();
    const report = await lib.documents.importFiles([{ name: 'book.md', bytes: new TextEncoder().encode(markdown) }]);
    const outcome = report.outcomes[0];
    if (outcome?.status !== 'imported') throw new Error('the book did not import');
    return { lib, id: outcome.document.id, version: outcome.document.textVersion };
  }

  it('answers what splitting the whole text answers, for every saved section', async () => {
    const { lib, id, version } = await importBook();
    const whole = await lib.opener.readDocumentText(id, version);
    if (!whole.ok) throw new Error(whole.message);
    const sections = splitSections(whole.value);
    for (const section of [0, 1, 17, sections.length - 1, sections.length + 5]) {
      await lib.documents.saveReadingPosition(id, { section, offset: 0, quote: '', progress: 0.5 });
      const start = await lib.opener.openDocumentStart(id);
      if (start === null) throw new Error('no first part');
      const expected = firstPartOf(sections, section);
      expect(start.firstSection).toBe(expected.first);
      expect(start.firstText).toBe(expected.text);
      expect(start.totalLength).toBe(whole.value.length);
      expect(start.outline).toEqual({
        lengths: sections.map((s) => s.markdown.length),
        levels: sections.map((s) => s.heading?.level ?? 0),
        titles: sections.map((s) => s.heading?.text ?? ''),
      });
      expect(start.firstText.length).toBeGreaterThanOrEqual(Math.min(FIRST_PART_CHARS, expected.text.length));
    }
    // Written at import (by the converter), so the first open already had it.
    expect(await lib.opener.outlines.read(id, version)).not.toBeNull();
  });

  it('rebuilds an outline that is missing, corrupt, stale, of the old format or disagrees with the body', async () => {
    const { lib: first, id, version } = await importBook();
    const outlineFile = first.paths.outlineFile(id);
    const reference = await first.opener.openDocumentStart(id);
    for (const spoil of [
      () => writeFile(outlineFile, '{"version":2,'),
      () => writeFile(outlineFile, 'not json at all'),
      async () => {
        const outline = JSON.parse(await readFile(outlineFile, 'utf8'));
        await writeFile(outlineFile, JSON.stringify({ ...outline, version: 1 }));
      },
      async () => {
        const outline = JSON.parse(await readFile(outlineFile, 'utf8'));
        await writeFile(outlineFile, JSON.stringify({ ...outline, titles: outline.titles.slice(1) }));
      },
      async () => {
        const outline = JSON.parse(await readFile(outlineFile, 'utf8'));
        outline.contentHash = 'f'.repeat(64);
        await writeFile(outlineFile, JSON.stringify(outline));
      },
      async () => {
        const outline = JSON.parse(await readFile(outlineFile, 'utf8'));
        outline.byteLengths[0] += 3;
        await writeFile(outlineFile, JSON.stringify(outline));
      },
      () => rm(outlineFile, { force: true }),
    ]) {
      await spoil();
      // Opened afresh: the outline kept in memory for the document opened last is gone.
      const lib = await temp.open();
      const start = await lib.opener.openDocumentStart(id);
      expect(start?.firstText).toBe(reference?.firstText);
      expect(start?.outline).toEqual(reference?.outline);
      // The slow path cached a good outline again.
      await expect.poll(() => lib.opener.outlines.read(id, version)).not.toBeNull();
    }
  });
});
