/**
 * workspace.filter: in a library of 10,000 documents and 50,000 highlights (quotes cut from *War and
 * Peace*, one to four tags from a pool with nested tags, six colours), a tag + colour filter answered
 * by the workspace's index in main — each run a filter not asked before, so no kept answer helps.
 * Also reported: workspace.build (the first query, which reads every annotations file) and
 * workspace.filter.roundTrip (the same query from the page through the harness bridge).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { LecternBridge, WorkspaceQuery } from '../preload/api';
import { HIGHLIGHT_COLORS } from '../preload/api';
import { expect, test } from '../e2e/fixtures';
import { makeTempDir, openCore, removeDir } from '../e2e/harness/core';
import { median, recordMetric } from './results';
import { warAndPeacePath, writeGeneratedLibrary } from './support';

const DOCUMENTS = 10_000;
const PER_DOCUMENT = 5;
const TOPICS = ['war', 'peace', 'family', 'faith', 'society', 'history', 'love', 'death'];
const PLACES = ['moscow', 'petersburg', 'austerlitz', 'borodino', 'bald-hills'];
/** 8 topics with 5 children each, and the topics alone. */
const TAGS = TOPICS.flatMap((topic) => [topic, ...PLACES.map((place) => `${topic}/${place}`)]);
const tagId = (n: number): string => n.toString(16).padStart(12, '0');

function random(seed: number): () => number {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** Sentences of the novel, for quotes that read like quotes. */
async function sentences(): Promise<string[]> {
  const text = await readFile(warAndPeacePath, 'utf8');
  return text
    .replace(/\s+/g, ' ')
    .split(/(?<=[.!?])\s+/)
    .filter((sentence) => sentence.length > 40 && sentence.length < 400);
}

async function highlightLibrary(root: string): Promise<number> {
  const libraryFile = join(root, 'library.json');
  const library = JSON.parse(await readFile(libraryFile, 'utf8'));
  const quotes = await sentences();
  const next = random(7);
  const uses = TAGS.map(() => 0);
  const writes: Promise<void>[] = [];
  let count = 0;
  for (const record of Object.values(library.documents) as {
    id: string;
    contentHash: string;
    highlightCount: number;
  }[]) {
    const highlights = Array.from({ length: PER_DOCUMENT }, (_, index) => {
      const chosen = [
        ...new Set(
          Array.from({ length: 1 + Math.floor(next() * 4) }, () => Math.floor(next() * TAGS.length)),
        ),
      ];
      chosen.forEach((n) => (uses[n] = (uses[n] ?? 0) + 1));
      const exact = quotes[Math.floor(next() * quotes.length)] ?? 'Well, Prince.';
      const day = 1 + Math.floor(next() * 700);
      const created = new Date(Date.UTC(2024, 0, day)).toISOString();
      count += 1;
      return {
        id: `${record.id.slice(0, 12)}${index.toString(16).padStart(4, '0')}`,
        documentId: record.id,
        color: HIGHLIGHT_COLORS[Math.floor(next() * HIGHLIGHT_COLORS.length)],
        quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: index * 100, end: index * 100 + exact.length },
        anchoredVersion: record.contentHash,
        unplaced: false,
        needsCheck: false,
        tags: chosen.map((n) => TAGS[n]),
        tagIds: chosen.map(tagId),
        note: next() < 0.2 ? `A note on it: ${quotes[Math.floor(next() * quotes.length)]}` : null,
        createdAt: created,
        updatedAt: created,
      };
    });
    record.highlightCount = highlights.length;
    const file = join(root, 'annotations', `${record.id}.json`);
    const data = { schemaVersion: 3, position: null, highlights, documentNote: null };
    writes.push(writeFile(file, JSON.stringify(data)));
    if (writes.length >= 500) await Promise.all(writes.splice(0));
  }
  await Promise.all(writes);
  await writeFile(libraryFile, JSON.stringify(library));
  const tags = Object.fromEntries(uses.map((used, n) => [tagId(n), { name: TAGS[n], highlights: used }]));
  await writeFile(join(root, 'tags.json'), JSON.stringify({ schemaVersion: 1, tags }));
  return count;
}

/** Tag + colour filters, each different (the service keeps its last answers). */
function filters(): WorkspaceQuery[] {
  return TOPICS.flatMap((topic, t) =>
    HIGHLIGHT_COLORS.slice(0, 3).map((color, c) => ({
      filter: {
        tags: [t % 2 === 0 ? topic : `${topic}/${PLACES[c]}`],
        colors: [color, HIGHLIGHT_COLORS[(c + 3) % 6] ?? color],
      },
      grouping: (['document', 'tag', 'date'] as const)[(t + c) % 3] ?? 'document',
      offset: 0,
      limit: 100,
    })),
  );
}

test('workspace.filter: a tag + colour filter over 50,000 highlights', async ({ launchApp }) => {
  const root = await makeTempDir('lectern-bench-workspace-');
  try {
    await writeGeneratedLibrary(root, DOCUMENTS);
    await import('node:fs/promises').then((fs) => fs.mkdir(join(root, 'annotations'), { recursive: true }));
    expect(await highlightLibrary(root)).toBe(DOCUMENTS * PER_DOCUMENT);
    const { library } = await openCore(root, { seed: false });
    try {
      // The search and backlink indexes build in the background at open: measure the workspace alone.
      await library.search.settled();
      await library.links.settled();
      const started = performance.now();
      const first = await library.workspace.query({
        filter: {},
        grouping: 'document',
        offset: 0,
        limit: 100,
      });
      const build = performance.now() - started;
      expect(first.ok && first.value.inLibrary).toBe(DOCUMENTS * PER_DOCUMENT);
      const versionBefore = library.workspace.index.version;
      const runs: number[] = [];
      let matching = 0;
      for (const query of filters()) {
        const at = performance.now();
        const answer = await library.workspace.query(query);
        runs.push(performance.now() - at);
        if (!answer.ok) throw new Error(answer.message);
        matching += answer.value.matching;
      }
      // A change of the index during the runs would make them re-sort: say so if it happened.
      const changes = library.workspace.index.version - versionBefore;
      console.log(
        `workspace.build (first query): ${build.toFixed(0)} ms; index changes during the runs: ${changes}`,
      );
      console.log(`workspace.filter runs (ms): ${runs.map((r) => r.toFixed(1)).join(', ')}`);
      console.log(`  ${(matching / runs.length).toFixed(0)} highlights matched per filter on average`);
      recordMetric('workspace.build', build, null);
      recordMetric('workspace.filter', median(runs), 30);
      recordMetric(
        'workspace.filter.p95',
        runs.toSorted((a, b) => a - b)[Math.floor(runs.length * 0.95)] ?? NaN,
        null,
      );
    } finally {
      await library.close();
    }

    // The same filters from the page, through the harness bridge (Playwright binding + JSON, not Electron's IPC).
    const app = await launchApp({ libraryDir: root });
    const trips = await app.page.evaluate(async (queries) => {
      const lectern = (globalThis as unknown as { lectern: LecternBridge }).lectern;
      await lectern.queryWorkspace({ filter: {}, grouping: 'document', offset: 0, limit: 100 });
      const times: number[] = [];
      for (const query of queries) {
        const at = performance.now();
        const answer = await lectern.queryWorkspace({ ...query, filter: { ...query.filter, text: 'the' } });
        if (!answer.ok) throw new Error(answer.message);
        times.push(performance.now() - at);
      }
      return times;
    }, filters());
    console.log(`workspace.filter.roundTrip runs (ms): ${trips.map((r) => r.toFixed(1)).join(', ')}`);
    recordMetric('workspace.filter.roundTrip', median(trips), null);
  } finally {
    await removeDir(root);
  }
});
