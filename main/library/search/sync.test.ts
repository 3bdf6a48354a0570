import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { DocumentRecord } from '../catalog/records';
import { bodyOwner, documentEntries } from './entries';
import { SearchIndex } from './search-index';
import type { SearchSources } from './sources';
import { IndexSync } from './sync';

const BOOK = readFileSync(new URL('../../../e2e/fixtures/books/war-and-peace.txt', import.meta.url), 'utf8');
/** Headings, CRLF and characters of two UTF-16 units, so slices fall on all of them. */
const MARKDOWN = `# Part one\r\n\r\n${BOOK.slice(0, 200_000)}\n## Émile 😀\r\n${BOOK.slice(200_000, 420_000)}`;

const record = { id: 'wp', title: 'War and Peace', author: 'Tolstoy', contentHash: 'h', tags: [] };

/** One document whose text comes in slices of `sliceChars` (or fails after the first slice). */
function sources(text: string, sliceChars: number, failAfterFirst = false): SearchSources {
  return {
    documents: () => [record as unknown as DocumentRecord],
    document: (id) => (id === record.id ? (record as unknown as DocumentRecord) : undefined),
    body: async () => text,
    async *bodySlices() {
      for (let at = 0; at < text.length; at += sliceChars) {
        if (failAfterFirst && at > 0) throw new Error('EIO');
        yield text.slice(at, at + sliceChars);
      }
    },
    annotations: async () => null,
    annotationsSignature: async () => null,
    notes: () => [],
    note: () => null,
    namesFor: () => [],
  };
}

const snapshot = (index: SearchIndex) => JSON.stringify([index.toJSON(), index.compactSnapshots()]);

function builtInOneGo(text: string): SearchIndex {
  const index = new SearchIndex();
  const facts = { id: record.id, title: record.title, author: record.author, tagIds: [], tagNames: [] };
  index.replace(
    bodyOwner(record.id),
    documentEntries(facts, text, () => []),
  );
  return index;
}

describe('IndexSync.syncDocument', () => {
  it('builds from slices the index built from the whole text in one go', async () => {
    for (const sliceChars of [4096, 65_537]) {
      const sync = new IndexSync(
        { index: new SearchIndex(), signatures: new Map() },
        sources(MARKDOWN, sliceChars),
      );
      await sync.syncDocument(record.id);
      expect(snapshot(sync.state.index)).toBe(snapshot(builtInOneGo(MARKDOWN)));
      expect(sync.state.signatures.has(bodyOwner(record.id))).toBe(true);
    }
  });

  it('lets other work run while a book is indexed', async () => {
    const sync = new IndexSync(
      { index: new SearchIndex(), signatures: new Map() },
      sources(MARKDOWN, 65_536),
    );
    let ranMeanwhile = false;
    const indexed = sync.syncDocument(record.id).then(() => ranMeanwhile);
    setImmediate(() => (ranMeanwhile = !sync.state.signatures.has(bodyOwner(record.id))));
    expect(await indexed).toBe(true);
  });

  it('stops midway without a signature, so the next start indexes the document again', async () => {
    const sync = new IndexSync({ index: new SearchIndex(), signatures: new Map() }, sources(MARKDOWN, 4096));
    const indexed = sync.syncDocument(record.id);
    setImmediate(() => (sync.stopped = true));
    await indexed;
    expect(sync.state.signatures.has(bodyOwner(record.id))).toBe(false);
  });

  it('indexes a text that cannot be read to its end as empty, as an unreadable one', async () => {
    const sync = new IndexSync(
      { index: new SearchIndex(), signatures: new Map() },
      sources(MARKDOWN, 4096, true),
    );
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await sync.syncDocument(record.id);
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
    expect(snapshot(sync.state.index)).toBe(snapshot(builtInOneGo('')));
  });
});

const nothingYet = (): void => undefined;

describe('IndexSync.reconcile', () => {
  it('visits no document while it must give way, and all of them once it may go on', async () => {
    const sync = new IndexSync(
      { index: new SearchIndex(), signatures: new Map() },
      sources(BOOK.slice(0, 5000), 4096),
    );
    let release = nothingYet;
    const held = new Promise<void>((resolve) => (release = resolve));
    const reconciled = sync.reconcile(undefined, () => held);
    // Everything else that was waiting runs: the held reconcile has still not read the document.
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(sync.state.index.has(bodyOwner(record.id))).toBe(false);
    release();
    await reconciled;
    expect(sync.state.signatures.has(bodyOwner(record.id))).toBe(true);
  });

  it('stops without visiting a document when the library closes while it gives way', async () => {
    const sync = new IndexSync(
      { index: new SearchIndex(), signatures: new Map() },
      sources(BOOK.slice(0, 5000), 4096),
    );
    await sync.reconcile(undefined, async () => {
      sync.stopped = true;
    });
    expect(sync.state.index.has(bodyOwner(record.id))).toBe(false);
  });
});
