/**
 * What stands between a highlight change and its answer: the durable write of the annotations
 * file, nothing derived from it (indexes, tag counts), and a failed write still answers a failure.
 */
import { describe, expect, it } from 'vitest';
import type { DocumentSummary, NewHighlight } from '../../../preload/api';
import type { Library } from '../library';
import { FaultFileSystem } from '../storage/fault-file-system';
import { useTempLibrary } from '../test-support';
import { type HighlightTagging, HighlightsService } from './service';
import { annotationFiles, highlightOf, importText, storedAnnotations } from './test-annotations';

const temp = useTempLibrary();
const TEXT = `# The Steppe

The sultry July day was drawing to a close; the sun, sinking into the west, was gilding the
“kurgans” — the ancient burial mounds — and the steppe, scorched and brown, lay silent.`;

const importOne = (lib: Library): Promise<DocumentSummary> => importText(lib, 'steppe.md', TEXT);

const quote = (doc: DocumentSummary, exact: string): NewHighlight => highlightOf(TEXT, doc, exact, 'yellow');

/** A tag id as the registry makes them (the log checks what it replays, as the file's reader does). */
const TAG_ID = '0123456789ab';

const nothingYet = (): void => undefined;

/** Work that waits until released (a slow index update, a slow tag count). */
function held(): { promise: Promise<void>; release(): void } {
  let release = nothingYet;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

const stored = (lib: Library, id: string) => storedAnnotations(lib.paths.root, id);

describe('the answer to a highlight change', () => {
  it('does not wait for an index that is slow, nor fail for one that throws', async () => {
    const lib = await temp.open();
    const doc = await importOne(lib);
    const slowIndex = held();
    const queued: Promise<void>[] = [];
    lib.annotations.onAnnotationsChanged(() => void queued.push(slowIndex.promise));
    lib.annotations.onAnnotationsChanged(() => {
      throw new Error('the index is broken');
    });
    const added = await lib.highlights.addHighlight(doc.id, quote(doc, '“kurgans”'));
    expect(added.ok).toBe(true);
    // Answered while the index still works on it: the change is on disk and told to the index.
    expect(queued).toHaveLength(1);
    if (added.ok) expect((await stored(lib, doc.id)).highlights.map((h) => h.id)).toEqual([added.value.id]);
    slowIndex.release();
  });

  it('does not wait for the tag counts of a tagged colour, which follow in call order', async () => {
    const lib = await temp.open();
    const doc = await importOne(lib);
    const counting = held();
    const counted: number[] = [];
    const tagging: HighlightTagging = {
      tagsForColor: () => Promise.resolve({ tagIds: [TAG_ID], tags: ['steppe/heat'] }),
      storedTagsFor: (names) => Promise.resolve({ tagIds: [], tags: names }),
      noteHighlightUses: async (delta) => {
        await counting.promise;
        counted.push(delta.get(TAG_ID) ?? 0);
      },
    };
    const service = new HighlightsService(lib.catalog, lib.annotations, () => new Date(), tagging);
    const first = await service.addHighlight(doc.id, quote(doc, 'sultry July day'));
    const second = await service.addHighlight(doc.id, quote(doc, 'scorched and brown'));
    expect([first.ok, second.ok]).toEqual([true, true]);
    if (first.ok) expect((await service.deleteHighlight(doc.id, first.value.id)).ok).toBe(true);
    expect(counted).toEqual([]);
    counting.release();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(counted).toEqual([1, 1, -1]);
    expect((await stored(lib, doc.id)).highlights).toHaveLength(1);
  });

  it('answers a failure when the write fails, and the files stay as they were', async () => {
    const faults = new FaultFileSystem();
    const lib = await temp.open({ fileSystem: faults });
    const doc = await importOne(lib);
    const kept = await lib.highlights.addHighlight(doc.id, quote(doc, 'the ancient burial mounds'));
    if (!kept.ok) throw new Error(kept.message);
    const before = await annotationFiles(lib.paths.root, doc.id);
    faults.inject({ step: 'fsync', effect: 'EIO', pathIncludes: `${doc.id}.log` });
    const failed = await lib.highlights.addHighlight(doc.id, quote(doc, 'the steppe'));
    expect(failed).toMatchObject({ ok: false, code: 'io' });
    // The record reached the file before its fsync failed: it was cut off again.
    expect(await annotationFiles(lib.paths.root, doc.id)).toEqual(before);
    expect(lib.catalog.get(doc.id)?.highlightCount).toBe(1);
    const retried = await lib.highlights.addHighlight(doc.id, quote(doc, 'the steppe'));
    expect(retried.ok).toBe(true);
    expect((await stored(lib, doc.id)).highlights).toHaveLength(2);
  });
});
