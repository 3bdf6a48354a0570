/** Inputs for the benchmarks: the real book, a 1 MB cut of it, and a generated 10,000-document library. */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DEFAULT_SETTINGS,
  SCHEMA_VERSION,
  type DocumentRecord,
  type LibraryData,
} from '../main/library/catalog/records';
import { warAndPeacePath } from '../e2e/harness/paths';
import { benchDir } from './results';

export const benchTmpDir = join(benchDir, '.tmp');
export { warAndPeacePath };

/** The first 1,048,576 characters of War and Peace, as a .txt file. */
export async function oneMegabyteBook(): Promise<string> {
  const file = join(benchTmpDir, 'war-and-peace-1mb.txt');
  const text = await readFile(warAndPeacePath, 'utf8');
  await mkdir(benchTmpDir, { recursive: true });
  await writeFile(file, text.slice(0, 1_048_576));
  return file;
}

const WORDS = [
  'harbour',
  'lantern',
  'meadow',
  'glacier',
  'orchard',
  'quarry',
  'thistle',
  'ember',
  'falcon',
  'juniper',
  'marble',
  'nectar',
  'pebble',
  'saffron',
  'tundra',
  'velvet',
  'willow',
  'zephyr',
  'cobalt',
  'drizzle',
];

/** Title of generated document n: "Note 04242 on ember and falcon" (the number makes it unique). */
export const generatedTitle = (n: number): string =>
  `Note ${String(n).padStart(5, '0')} on ${WORDS[n % WORDS.length]} and ${WORDS[(n * 7 + 3) % WORDS.length]}`;

/**
 * Writes a library of `count` small documents straight to disk in the core's schema
 * (records.ts): importing 10,000 files one by one rewrites library.json 10,000 times.
 * openLibrary validates the result, so a schema drift fails loudly instead of measuring nothing.
 */
export async function writeGeneratedLibrary(root: string, count: number): Promise<void> {
  const documentsDir = join(root, 'documents');
  await mkdir(documentsDir, { recursive: true });
  const documents: Record<string, DocumentRecord> = {};
  const start = Date.UTC(2024, 0, 1);
  const bodies: [string, string][] = [];
  for (let n = 0; n < count; n++) {
    const title = generatedTitle(n);
    const paragraph = `A short generated note about ${WORDS[(n * 3) % WORDS.length]}, ${WORDS[(n * 5 + 1) % WORDS.length]} and the weather by the ${WORDS[(n * 11 + 2) % WORDS.length]}.`;
    const markdown = `# ${title}\n\n${paragraph}\n`;
    const contentHash = createHash('sha256').update(markdown).digest('hex');
    const id = contentHash.slice(0, 16);
    documents[id] = {
      id,
      title,
      author: null,
      source: `note-${n}.md`,
      excerpt: paragraph,
      wordCount: 20,
      readingMinutes: 1,
      progress: 0,
      addedAt: new Date(start + n * 60_000).toISOString(),
      openedAt: null,
      contentHash,
      bodyBytes: Buffer.byteLength(markdown),
      highlightCount: 0,
    };
    bodies.push([join(documentsDir, `${id}.md`), markdown]);
  }
  for (let i = 0; i < bodies.length; i += 500) {
    await Promise.all(bodies.slice(i, i + 500).map(([file, markdown]) => writeFile(file, markdown)));
  }
  const data: LibraryData = { schemaVersion: SCHEMA_VERSION, documents, settings: { ...DEFAULT_SETTINGS } };
  await writeFile(join(root, 'library.json'), JSON.stringify(data));
}
