/**
 * Per-document annotations: the reading position, the highlights and the note, in
 * annotations/<id>.json (written whole) and annotations/<id>.log (the changes since, one appended
 * record and one fsync each; see annotation-log.ts). A change is durable before it becomes what
 * `read` answers; changes to one document run one at a time. Past a size the log is folded into
 * the file (after the change's answer, as the document's next turn). The file's version before
 * each rewrite is kept in backups/annotations/; a corrupt file is kept aside (its log too) and
 * replaced by that backup with the log's changes replayed onto it, with a notice.
 */
import type { LibraryNotice } from '../../../preload/api';
import type { TellOfChange } from '../app/notices';
import { CorruptFileError, writeFileDurable } from '../storage/durable-file';
import { errnoOf } from '../storage/failures';
import type { FileSystem } from '../storage/file-system';
import type { LibraryPaths } from '../storage/paths';
import { LogMovedError, appendRecords, digestOf, frameRecord } from '../storage/record-log';
import { backUpAnnotations } from './annotation-backup';
import { keepOrphanLogAside, prepareRecovery } from './annotation-recovery';
import type { AnnotationsData } from './annotation-format';
import { type LogState, NO_FILE, changeBetween, logHeader, readLoggedAnnotations } from './annotation-log';

/** When a document's log is folded into its file: once it holds this many changes or bytes. */
export interface AnnotationLogLimits {
  records: number;
  bytes: number;
}

/** A change costs a record; a fold rewrites the file (0.3–0.5 s at 10,000 highlights): once per 500. */
export const LOG_LIMITS: AnnotationLogLimits = { records: 500, bytes: 4 * 1024 * 1024 };

/** How a library opens its annotation files (part of OpenLibraryOptions). */
export interface AnnotationFilesSetup {
  /** When logs are folded into their files (LOG_LIMITS; the crash test folds often). */
  logLimits?: AnnotationLogLimits;
}

/** The text of an annotations file. */
const fileText = (data: AnnotationsData): string => `${JSON.stringify(data, null, 2)}\n`;

export interface AnnotationFilesOptions {
  fsys: FileSystem;
  paths: LibraryPaths;
  now: () => Date;
  notify: (notice: LibraryNotice) => void;
  /** Keeps the notice of a recovery on disk before the recovered file replaces the corrupt one. */
  tellOfChange: TellOfChange;
  /** Told what a corrupt file was replaced with (its backup, or nothing), so the list's counts follow. */
  onRecovered?: (id: string, data: AnnotationsData) => void;
  /**
   * Whether changes may go to the logs: not while library.json is of a version that builds
   * without the log open (its rewrite at open failed), which would write the files without them.
   */
  mayLog?: () => boolean;
}

export class AnnotationFiles {
  /** What was last read or written per document, so saving a position does not read the file. */
  private readonly cache = new Map<string, AnnotationsData>();
  /** Reads under way, shared by whoever asks meanwhile. */
  private readonly reads = new Map<string, Promise<AnnotationsData>>();
  /** Per document read or written, where its log stands. */
  private readonly logs = new Map<string, LogState>();
  /** Per document, the end of the last queued turn: changes apply one at a time, in call order. */
  private readonly turns = new Map<string, Promise<unknown>>();
  /** Told of each written change to a document's highlights or note (the search index follows). */
  private readonly annotationListeners = new Set<(id: string) => void>();

  constructor(
    private readonly options: AnnotationFilesOptions,
    private readonly limits: AnnotationLogLimits = LOG_LIMITS,
  ) {}

  /** Hears of every durable change to a document's highlights or note; returns the unsubscribe function. */
  onAnnotationsChanged(listener: (id: string) => void): () => void {
    this.annotationListeners.add(listener);
    return () => void this.annotationListeners.delete(listener);
  }

  async read(id: string): Promise<AnnotationsData> {
    const cached = this.cache.get(id);
    if (cached !== undefined) return cached;
    // One read per document at a time: a second one finishing after a change was written would
    // put the log's older state back (and the next append would cut the change off).
    let reading = this.reads.get(id);
    if (reading === undefined) {
      reading = this.readFile(id).finally(() => this.reads.delete(id));
      this.reads.set(id, reading);
    }
    const data = await reading;
    if (!this.cache.has(id)) this.cache.set(id, data);
    return this.cache.get(id) ?? data;
  }

  private async readFile(id: string): Promise<AnnotationsData> {
    const { fsys, paths, notify } = this.options;
    try {
      const read = await readLoggedAnnotations(fsys, paths, id);
      this.logs.set(id, read.log);
      if (read.damaged) {
        notify({
          level: 'warning',
          message: `Some recent changes to the annotations of document ${id} could not be read (annotations/${id}.log is damaged) and are missing.`,
        });
      }
      return read.data;
    } catch (error) {
      if (!(error instanceof CorruptFileError)) throw error;
      return this.recover(id);
    }
  }

  /**
   * Replaces a corrupt file by what prepareRecovery makes of its backup and log. The file and its
   * log stay in place until the recovered file is renamed over the corrupt one, the commit point:
   * a failure or kill before it leaves them to be recovered again, the same way. The notice is
   * kept on disk before it, so a kill after it cannot keep the user from being told.
   */
  private async recover(id: string): Promise<AnnotationsData> {
    const { fsys, paths, tellOfChange, onRecovered } = this.options;
    const { data, notice, backUpAfter } = await prepareRecovery(this.options, id);
    // Written as a file of its own (no backup of the bad one); its new log starts after it.
    this.logs.set(id, { base: NO_FILE, validBytes: 0, records: 0, tail: true });
    await tellOfChange(notice, paths.annotationsFile(id), () => this.rewrite(id, data, false));
    if (backUpAfter) await backUpAnnotations(fsys, paths, id);
    onRecovered?.(id, data);
    this.announce(id);
    return data;
  }

  /**
   * Reads, changes and writes one document's annotations without racing other changes to it.
   * `change` returns the new data (or null to write nothing) and a result; the promise
   * settles once the new data is on disk, and rejects (changing nothing) when the write fails.
   */
  modify<T>(
    id: string,
    change: (data: AnnotationsData) => { next: AnnotationsData | null; result: T },
  ): Promise<T> {
    return this.inTurn(id, async () => {
      const current = await this.read(id);
      const { next, result } = change(current);
      if (next === null) return result;
      await this.write(id, current, next);
      this.cache.set(id, next);
      if (next.highlights !== current.highlights || next.documentNote !== current.documentNote)
        this.announce(id);
      this.foldWhenFull(id);
      return result;
    });
  }

  /** Runs `work` as the document's next turn, after the changes queued before it. */
  private inTurn<T>(id: string, work: () => Promise<T>): Promise<T> {
    const previous = this.turns.get(id) ?? Promise.resolve();
    const turn = previous.then(work);
    const settled = turn.catch(() => undefined);
    this.turns.set(id, settled);
    void settled.then(() => {
      if (this.turns.get(id) === settled) this.turns.delete(id);
    });
    return turn;
  }

  /** Stores `next`: one record appended to the log when it can say the change, else the file rewritten. */
  private async write(id: string, current: AnnotationsData, next: AnnotationsData): Promise<void> {
    const { fsys, paths } = this.options;
    const log = this.logs.get(id) ?? { base: NO_FILE, validBytes: 0, records: 0, tail: true };
    const change = this.options.mayLog?.() === false ? null : changeBetween(current, next);
    if (change === null) return this.rewrite(id, next, true);
    const record = frameRecord(JSON.stringify(change));
    if (log.validBytes === 0) {
      // No log to extend (none yet, or one of an older file): a new one, written whole.
      const header = frameRecord(logHeader(log.base));
      const logFile = paths.annotationsLogFile(id);
      const start = () => writeFileDurable(fsys, logFile, Buffer.concat([header, record]));
      // A log beside no file names a file that is gone: kept aside, and told (durably), before a new one replaces it.
      const orphan = log.tail && log.base === NO_FILE ? await keepOrphanLogAside(this.options, id) : null;
      await (orphan === null ? start() : this.options.tellOfChange(orphan, logFile, start));
      this.logs.set(id, { ...log, validBytes: header.length + record.length, records: 1, tail: false });
      return;
    }
    try {
      await appendRecords(fsys, paths.annotationsLogFile(id), log.validBytes, record, log.tail);
    } catch (error) {
      if (error instanceof LogMovedError) {
        // Removed or cut outside Lectern: what it held is still in memory, so the file takes it all.
        console.error(
          `The log of the annotations of ${id} changed outside Lectern: the file is rewritten`,
          error,
        );
        return this.rewrite(id, next, true);
      }
      // Part of the record may be there: cut before the next append (appendRecords tried already).
      this.logs.set(id, { ...log, tail: true });
      throw error;
    }
    this.logs.set(id, {
      ...log,
      validBytes: log.validBytes + record.length,
      records: log.records + 1,
      tail: false,
    });
  }

  /**
   * Writes the file whole (backed up first when `backUp` and it exists), then starts its log
   * afresh. Once the file is written the change holds: a log that cannot be restarted is only
   * logged (the old one names the old file, so it is ignored; the next change starts one).
   */
  private async rewrite(id: string, data: AnnotationsData, backUp: boolean): Promise<void> {
    const { fsys, paths } = this.options;
    const text = fileText(data);
    const hadFile = this.logs.get(id)?.base !== NO_FILE;
    await writeFileDurable(
      fsys,
      paths.annotationsFile(id),
      text,
      backUp && hadFile ? () => backUpAnnotations(fsys, paths, id) : undefined,
    );
    const base = digestOf(text);
    this.logs.set(id, { base, validBytes: 0, records: 0, tail: true });
    try {
      const header = frameRecord(logHeader(base));
      await writeFileDurable(fsys, paths.annotationsLogFile(id), header);
      this.logs.set(id, { base, validBytes: header.length, records: 0, tail: false });
    } catch (error) {
      if (errnoOf(error) === null) throw error;
      console.error(`Could not start the log of the annotations of ${id}`, error);
    }
  }

  /** Folds a full log into the file, as the document's next turn (after this change's answer). */
  private foldWhenFull(id: string): void {
    const log = this.logs.get(id);
    if (!log || (log.records < this.limits.records && log.validBytes < this.limits.bytes)) return;
    this.fold(id).catch((error: unknown) =>
      console.error(`Could not fold the log of the annotations of ${id}`, error),
    );
  }

  /** Writes the document's file whole with its log folded in (as its next turn); the log starts afresh. */
  fold(id: string): Promise<void> {
    return this.inTurn(id, async () => this.rewrite(id, await this.read(id), true));
  }

  /**
   * Tells the listeners (the search and workspace indexes) of a written change. They only queue
   * their work, which runs after the answer; one that throws is logged, never the change's failure
   * (the change is on disk: answering "not saved" would make a retry store it twice).
   */
  private announce(id: string): void {
    for (const listener of this.annotationListeners) {
      try {
        listener(id);
      } catch (error) {
        console.error(`An index could not follow the change to the annotations of ${id}`, error);
      }
    }
  }

  /** Forgets a document (before its files move to the trash), once its changes and a read (a recovery) landed. */
  async release(id: string): Promise<void> {
    await this.reads.get(id)?.catch(() => undefined);
    await this.turns.get(id);
    this.logs.delete(id);
    this.cache.delete(id);
  }

  async flushAll(): Promise<void> {
    await Promise.all(this.turns.values());
  }
}
