/**
 * A generated library for the search bench: documents cut from War and Peace (~5 KB each, so
 * 10,000 of them are ~50 MB of real prose), five highlights per document (a few tagged, a tenth with a
 * note), written straight to the folder as the app would have.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ANNOTATIONS_VERSION } from '../main/library/highlights/annotation-format';
import { DEFAULT_SETTINGS, SCHEMA_VERSION, type DocumentRecord } from '../main/library/catalog/records';
import { warAndPeacePath } from './support';

const DOCUMENT_CHARS = 5000;
const COLORS = ['yellow', 'green', 'blue', 'pink', 'purple', 'orange'] as const;
const hex16 = (n: number) => n.toString(16).padStart(16, '0');

function highlightsOf(id: string, body: string, n: number, time: string) {
  return Array.from({ length: 5 }, (_, k) => {
    const start = 200 + k * 900;
    const exact = body.slice(start, start + 120);
    return {
      id: hex16(n * 5 + k),
      documentId: id,
      color: COLORS[(n + k) % COLORS.length] ?? 'yellow',
      quote: { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
      anchoredVersion: createHash('sha256').update(body).digest('hex'),
      unplaced: false,
      needsCheck: false,
      tags: k === 0 ? [n % 2 === 0 ? 'war/battles' : 'peace/salons'] : [],
      note:
        (n * 5 + k) % 10 === 0 ? `Remember this one about ${exact.split(' ').slice(2, 5).join(' ')}.` : null,
      createdAt: time,
      updatedAt: time,
    };
  });
}

/** Writes `count` documents with their annotations into an empty library folder at `root`. */
export async function writeSearchLibrary(root: string, count: number): Promise<void> {
  const book = (await readFile(warAndPeacePath, 'utf8')).replace(/\r\n/g, '\n');
  await mkdir(join(root, 'documents'), { recursive: true });
  await mkdir(join(root, 'annotations'), { recursive: true });
  const documents: Record<string, DocumentRecord> = {};
  const time = new Date(Date.UTC(2024, 0, 1)).toISOString();
  const writes: [string, string][] = [];
  for (let n = 0; n < count; n++) {
    const from = (n * 7919 * 13) % Math.max(1, book.length - DOCUMENT_CHARS);
    const title = `Chapter study ${n}: ${book
      .slice(from, from + 40)
      .replace(/\s+/g, ' ')
      .trim()}`;
    const markdown = `# ${title}\n\n## Part one\n\n${book.slice(from, from + DOCUMENT_CHARS)}\n`;
    const contentHash = createHash('sha256').update(markdown).digest('hex');
    const id = hex16(n);
    documents[id] = {
      id,
      title,
      author: n % 3 === 0 ? 'Leo Tolstoy' : null,
      source: `study-${n}.md`,
      excerpt: markdown.slice(0, 200),
      wordCount: 900,
      readingMinutes: 4,
      progress: 0,
      addedAt: time,
      openedAt: null,
      contentHash,
      bodyBytes: Buffer.byteLength(markdown),
      highlightCount: 5,
    };
    const annotations = {
      schemaVersion: ANNOTATIONS_VERSION,
      position: null,
      highlights: highlightsOf(id, markdown, n, time),
      documentNote: null,
    };
    writes.push([join(root, 'documents', `${id}.md`), markdown]);
    writes.push([join(root, 'annotations', `${id}.json`), JSON.stringify(annotations)]);
  }
  for (let i = 0; i < writes.length; i += 500)
    await Promise.all(writes.slice(i, i + 500).map(([file, text]) => writeFile(file, text)));
  const data = { schemaVersion: SCHEMA_VERSION, documents, settings: { ...DEFAULT_SETTINGS } };
  await writeFile(join(root, 'library.json'), JSON.stringify(data));
}
