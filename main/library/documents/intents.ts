/**
 * The journaled multi-file operations on documents (delete, restore, import, update from a
 * file): what each records before it starts, and how a half-done one is settled. The catalog
 * decides: when library.json holds the operation's outcome, the files are brought forward to
 * match it; when it does not, they are put back. Either way the document ends whole in one place.
 */
import { z } from 'zod';
import type { Catalog } from '../catalog/catalog';
import { documentRecordSchema, trashRecordSchema } from '../catalog/records';
import { copyFileDurable } from '../storage/set-aside';
import { errnoOf } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import type { Journal, JournalEntry } from '../storage/journal';
import type { LibraryPaths } from '../storage/paths';
import { documentFolder } from './assets';
import type { Trash } from './trash';

const contentHash = z.string().regex(/^[0-9a-f]{64}$/);
const intentSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('delete'), record: trashRecordSchema }),
  z.object({ op: z.literal('restore'), record: trashRecordSchema }),
  z.object({ op: z.literal('import'), record: documentRecordSchema }),
  z.object({
    op: z.literal('update'),
    id: documentRecordSchema.shape.id,
    oldHash: contentHash,
    newHash: contentHash,
    /** Whether history/<id>/<oldHash>.md was there before (then an undo leaves it). */
    historyExisted: z.boolean(),
  }),
]);
export type DocumentIntent = z.infer<typeof intentSchema>;

export const isDocumentIntent = (value: unknown): value is DocumentIntent =>
  intentSchema.safeParse(value).success;

export interface SettleParts {
  fsys: FileSystem;
  paths: LibraryPaths;
  catalog: Catalog;
  trash: Trash;
}

/** Brings the files of a half-done operation in line with the catalog; returns what it did. */
export async function settleIntent(
  parts: SettleParts,
  intent: DocumentIntent,
): Promise<'finished' | 'undone'> {
  const { catalog, trash, fsys, paths } = parts;
  switch (intent.op) {
    case 'delete':
    case 'restore': {
      const { id } = intent.record;
      if (catalog.has(id)) {
        // Listed: the document belongs in the library; its trash entry goes.
        await trash.gather(id, 'library');
        await trash.purge(id);
      } else {
        await trash.writeRecord(intent.record);
        await trash.gather(id, 'trash');
      }
      return catalog.has(id) === (intent.op === 'restore') ? 'finished' : 'undone';
    }
    case 'import': {
      if (catalog.has(intent.record.id)) return 'finished';
      await unlinkIfExists(fsys, paths.documentFile(intent.record.id));
      await fsys.removeTree(documentFolder(paths, intent.record.id));
      return 'undone';
    }
    case 'update': {
      const record = catalog.get(intent.id);
      if (record === undefined || record.contentHash === intent.newHash) return 'finished';
      const historyPath = paths.historyFile(intent.id, intent.oldHash);
      // The history copy is written before the new body: without it, the body is still the old one.
      if (!(await existsFile(fsys, historyPath))) return 'undone';
      await copyFileDurable(fsys, historyPath, paths.documentFile(intent.id));
      if (!intent.historyExisted) await unlinkIfExists(fsys, historyPath);
      return 'undone';
    }
  }
}

/** The journal of document operations, with the parts that settle them. */
export class DocumentJournal {
  constructor(
    private readonly journal: Journal<DocumentIntent>,
    private readonly parts: SettleParts,
  ) {}

  /** Entries whose settling failed in this session: tried again before the next operation. */
  private readonly unsettled: JournalEntry<DocumentIntent>[] = [];
  private retrying: Promise<void> | null = null;

  /**
   * Runs `steps` under a journal entry. When a step fails, the operation is settled at once
   * (undone, as the catalog did not take the change) and the error is rethrown; if settling
   * fails too, it is tried again before the next operation and at the next open. A failure to
   * write the entry changes nothing.
   */
  async run<T>(intent: DocumentIntent, steps: () => Promise<T>): Promise<T> {
    await this.retryUnsettled();
    const entry = await this.journal.begin(intent);
    let result: T;
    try {
      result = await steps();
    } catch (error) {
      await this.settle(entry).catch((undo: unknown) => {
        console.error('An interrupted operation stays journaled', undo);
        this.unsettled.push(entry);
      });
      throw error;
    }
    // Done: an entry left behind by a failed unlink is settled as finished at the next open.
    await this.journal.end(entry).catch((error: unknown) => console.error('Could not end a journal entry', error));
    return result;
  }

  /** At open: settles every operation a crash interrupted, oldest first. */
  async recoverInterrupted(): Promise<{ finished: number; undone: number }> {
    const counts = { finished: 0, undone: 0 };
    for (const entry of await this.journal.pending(isDocumentIntent)) counts[await this.settle(entry)] += 1;
    return counts;
  }

  /** Settles what an earlier failure left half done (one retry at a time). */
  private retryUnsettled(): Promise<void> {
    if (this.unsettled.length === 0) return Promise.resolve();
    this.retrying ??= (async () => {
      for (const entry of this.unsettled.splice(0)) {
        await this.settle(entry).catch(() => this.unsettled.push(entry));
      }
    })().finally(() => (this.retrying = null));
    return this.retrying;
  }

  private async settle(entry: JournalEntry<DocumentIntent>): Promise<'finished' | 'undone'> {
    const outcome = await settleIntent(this.parts, entry.intent);
    await this.journal.end(entry);
    return outcome;
  }
}

async function existsFile(fsys: FileSystem, filePath: string): Promise<boolean> {
  try {
    await fsys.stat(filePath);
    return true;
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return false;
    throw error;
  }
}

async function unlinkIfExists(fsys: FileSystem, filePath: string): Promise<void> {
  await fsys.unlink(filePath).catch((error: unknown) => {
    if (errnoOf(error) !== 'ENOENT') throw error;
  });
}
