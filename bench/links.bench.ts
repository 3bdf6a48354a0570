/**
 * The backlink index on a library of 10,000 documents and 50,000 highlights, a tenth of them with
 * a note (5,000 highlight notes, plus 1,000 standalone notes), each note with 1-4 links:
 * backlinks.index.startup builds the index from every note's text (the notes are in memory: reading
 * them is backlinks.index.startup.read, every annotations file of the library read once); backlinks.query is the median of getBacklinks and
 * getDocumentLinks over 200 targets, the index kept current by 100 note edits meanwhile.
 */
import { performance } from 'node:perf_hooks';
import { expect, test } from '../e2e/fixtures';
import { makeTempDir, openCore, removeDir } from '../e2e/harness/core';
import { formatLink } from '../common/links';
import type { LinkSource, LinkTarget } from '../preload/api';
import { FakeNotes } from '../main/library/links/fake-notes';
import { LinksService } from '../main/library/links/service';
import { Trash } from '../main/library/documents/trash';
import { nodeFileSystem } from '../main/library/storage/file-system';
import { median, recordMetric } from './results';
import { writeGeneratedLibrary } from './support';

const DOCUMENTS = 10_000;
const HIGHLIGHTS = 50_000;
const NOTES = 1_000;
const PROSE =
  'Prince Andrew looked at the sky and thought that everything is vanity, everything falsehood, except that infinite sky. ';

const hex = (n: number) => n.toString(16).padStart(16, '0');

/** A deterministic pseudo-random sequence, so every run builds the same library. */
function sequence(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

function noteText(random: () => number, documentIds: readonly string[]): string {
  const pick = () => documentIds[Math.floor(random() * documentIds.length)] ?? '';
  const parts: string[] = [];
  const count = 1 + Math.floor(random() * 4);
  for (let i = 0; i < count; i++) {
    const documentId = pick();
    const roll = random();
    const target: LinkTarget =
      roll < 0.4
        ? { kind: 'doc', documentId }
        : roll < 0.8
          ? { kind: 'highlight', documentId, highlightId: hex(Math.floor(random() * 5)) }
          : { kind: 'note', noteId: hex(Math.floor(random() * NOTES)) };
    parts.push(PROSE.repeat(2), formatLink(target, 'see here'), ' ');
  }
  return parts.join('');
}

test('backlinks: index startup and queries on 10,000 documents and 50,000 highlights', async () => {
  const root = await makeTempDir('lectern-bench-links-');
  try {
    await writeGeneratedLibrary(root, DOCUMENTS);
    const opening = performance.now();
    const { library } = await openCore(root, { seed: false });
    const opened = performance.now();
    try {
      // The real start: the index builds in the background after open, reading every annotations file.
      await library.links.settled();
      const readMs = performance.now() - opened;
      console.log(`open ${(opened - opening).toFixed(1)} ms, then index ready after ${readMs.toFixed(1)} ms`);
      recordMetric('backlinks.index.startup.read', readMs, 1000);
      const documentIds = library.catalog.list().map((record) => record.id);
      const random = sequence(7);
      const notes = new FakeNotes();
      // Every tenth highlight has a note: 5 highlights per document, 50,000 in all.
      for (let n = 0; n < HIGHLIGHTS; n += 10) {
        const source: LinkSource = {
          kind: 'highlight-note',
          documentId: documentIds[Math.floor(n / 5)] ?? '',
          highlightId: hex(n % 5),
        };
        notes.put(source, noteText(random, documentIds), `Note ${n}`);
      }
      for (let n = 0; n < NOTES; n++)
        notes.put({ kind: 'note', noteId: hex(n) }, noteText(random, documentIds), `Note ${n}`);
      const trash = new Trash(nodeFileSystem, library.paths, () => undefined);
      const startups: number[] = [];
      let links = new LinksService({
        catalog: library.catalog,
        trash,
        annotations: library.annotations,
        notes,
      });
      for (let run = 0; run < 5; run++) {
        links.stop();
        links = new LinksService({
          catalog: library.catalog,
          trash,
          annotations: library.annotations,
          notes,
        });
        const started = performance.now();
        links.start();
        await links.settled();
        startups.push(performance.now() - started);
      }
      expect(links.index.size).toBe(HIGHLIGHTS / 10 + NOTES);
      console.log(`backlinks.index.startup runs (ms): ${startups.map((t) => t.toFixed(1)).join(', ')}`);
      recordMetric('backlinks.index.startup', median(startups), 1000);

      const queries: number[] = [];
      for (let run = 0; run < 200; run++) {
        if (run % 2 === 0)
          notes.put({ kind: 'note', noteId: hex(run) }, noteText(random, documentIds), `Edited ${run}`);
        const documentId = documentIds[Math.floor(random() * documentIds.length)] ?? '';
        await links.settled();
        const started = performance.now();
        const backlinks = await links.getBacklinks(`doc/${documentId}`);
        const perDocument = await links.getDocumentLinks(documentId);
        queries.push(performance.now() - started);
        expect(backlinks.ok && perDocument.ok).toBe(true);
      }
      console.log(
        `backlinks.query median ${median(queries).toFixed(3)} ms, max ${Math.max(...queries).toFixed(3)} ms`,
      );
      recordMetric('backlinks.query', median(queries), 5);
      links.stop();
    } finally {
      await library.close();
    }
  } finally {
    await removeDir(root);
  }
});
