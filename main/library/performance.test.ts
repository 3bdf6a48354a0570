/** Prints the cost of the operations with budgets (no timing asserts: machines differ). */
import fs from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Library, openLibrary } from './library';
import { SCHEMA_VERSION, type DocumentRecord, DEFAULT_SETTINGS } from './catalog/records';
import { WAR_AND_PEACE, makeTempDir, removeDir } from './test-support';

let root: string;
beforeAll(async () => {
  root = await makeTempDir();
});
afterAll(async () => {
  await removeDir(root);
});

const ms = (start: number) => `${(performance.now() - start).toFixed(1)} ms`;

describe('performance', () => {
  it('imports War and Peace (3.4 MB) from disk', async () => {
    // The first import runs cold (no JIT); the second, into another library, shows steady state.
    const warm = await openLibrary({ root: path.join(root, 'cold') });
    let start = performance.now();
    await warm.documents.importPaths([WAR_AND_PEACE]);
    console.log(`import of war-and-peace.txt, cold: ${ms(start)}`);
    await warm.close();
    const library: Library = await openLibrary({ root: path.join(root, 'book') });
    try {
      start = performance.now();
      const report = await library.documents.importPaths([WAR_AND_PEACE]);
      console.log(`import of war-and-peace.txt, warm: ${ms(start)}`);
      expect(report.outcomes[0]).toMatchObject({
        status: 'imported',
        document: { title: 'War and Peace', author: 'Leo Tolstoy' },
      });
      const summary = report.outcomes[0]?.status === 'imported' ? report.outcomes[0].document : null;
      console.log(`  words ${summary?.wordCount}, minutes ${summary?.readingMinutes}`);
    } finally {
      await library.close();
    }
  });

  it('lists 10,000 documents', async () => {
    const libraryRoot = path.join(root, 'big');
    await fs.mkdir(libraryRoot, { recursive: true });
    const documents: Record<string, DocumentRecord> = {};
    for (let i = 0; i < 10_000; i++) {
      const id = i.toString(16).padStart(16, '0');
      documents[id] = {
        id,
        title: `Document ${i}`,
        author: null,
        source: `${i}.md`,
        excerpt: 'x'.repeat(240),
        wordCount: 1000,
        readingMinutes: 5,
        progress: 0,
        addedAt: new Date(i * 1000).toISOString(),
        openedAt: null,
        contentHash: id.repeat(4),
        bodyBytes: 5000,
        highlightCount: 0,
      };
    }
    await fs.writeFile(
      path.join(libraryRoot, 'library.json'),
      JSON.stringify({ schemaVersion: SCHEMA_VERSION, documents, settings: DEFAULT_SETTINGS }),
    );
    let start = performance.now();
    const library = await openLibrary({ root: libraryRoot });
    console.log(`open of a 10k-document library: ${ms(start)}`);
    try {
      await library.documents.listDocuments();
      start = performance.now();
      const list = await library.documents.listDocuments();
      console.log(`listDocuments over 10,000 records: ${ms(start)}`);
      expect(list).toHaveLength(10_000);
      const id = list[0]?.id ?? '';
      start = performance.now();
      await library.documents.saveReadingPosition(id, { section: 0, offset: 0, quote: '', progress: 0.1 });
      console.log(`saveReadingPosition with 10k records: ${ms(start)}`);
    } finally {
      await library.close();
    }
  });
});
