/**
 * Importing many files from the renderer: a drop bigger than one call may carry is sent in
 * several calls, one after the other; the progress events of each call's batch are shown as one
 * progress over the whole drop; Cancel stops the batch running in the core and sends no more.
 */
import type {
  FileToImport,
  ImportOutcome,
  ImportProgress,
  ImportReport,
  LecternBridge,
} from '../../preload/api';
import { MAX_BYTES_PER_IMPORT_CALL, MAX_FILES_PER_IMPORT } from '../../common/formats';
import type { DroppedFiles } from '../components/app-drop-zone';
import type { ImportProgressView } from '../components/import-progress';
import type { ToastInit } from '../lib/events';
import { call, failureToast } from './calls';

/** Splits files into calls of at most MAX_FILES_PER_IMPORT files and MAX_BYTES_PER_IMPORT_CALL bytes. */
export function importCalls(files: readonly FileToImport[]): FileToImport[][] {
  const calls: FileToImport[][] = [];
  let current: FileToImport[] = [];
  let bytes = 0;
  for (const file of files) {
    const full = current.length >= MAX_FILES_PER_IMPORT;
    if (current.length > 0 && (full || bytes + file.bytes.byteLength > MAX_BYTES_PER_IMPORT_CALL)) {
      calls.push(current);
      current = [];
      bytes = 0;
    }
    current.push(file);
    bytes += file.bytes.byteLength;
  }
  if (current.length > 0) calls.push(current);
  return calls;
}

export class ImportRunner {
  /** What the progress view shows; null when no import of two or more files runs. */
  view: ImportProgressView | null = null;
  private batchId: string | null = null;
  /** While the renderer sends a drop in several calls: files before the current call, and all of them. */
  private drop: { offset: number; total: number } | null = null;
  private cancelling = false;

  constructor(
    private readonly host: { requestUpdate(): void },
    private readonly bridge: LecternBridge,
    private readonly toast: (init: ToastInit) => void,
    /** Tells the user what an import did (the files refused before it was sent too). */
    private readonly report: (report: ImportReport, refusedBeforeImport: readonly string[]) => void,
  ) {}

  /** The open dialog, then its files imported as one batch in the core. */
  async chooseAndImport(): Promise<void> {
    const result = await call(this.bridge, 'chooseAndImportFiles');
    if (!result.ok) this.toast(failureToast('Could not import', result));
    else if (result.value) this.report(result.value, []);
  }

  /** Files are dragged over the window: the core gets ready to convert them while the user aims. */
  async prepare(): Promise<void> {
    const result = await call(this.bridge, 'prepareImport');
    if (!result.ok) this.toast(failureToast('Could not get ready to import', result));
  }

  /** Files dropped on the window (some already refused before reading). */
  async importDropped({ files, refused }: DroppedFiles): Promise<void> {
    if (files.length === 0) return this.report({ outcomes: [] }, refused);
    const report = await this.importFiles(files);
    if (report !== null) this.report(report, refused);
  }

  /** The core's progress for the batch running now (from a drop, the dialog or the menu). */
  onProgress(progress: ImportProgress): void {
    this.batchId = progress.finished ? null : progress.batchId;
    const offset = this.drop?.offset ?? 0;
    const total = this.drop?.total ?? progress.total;
    const allDone = progress.finished && offset + progress.total >= total;
    this.view =
      total < 2 || allDone
        ? null
        : { done: offset + progress.done, total, current: progress.current, cancelling: this.cancelling };
    this.host.requestUpdate();
  }

  /** Imports dropped files, in as many calls as they need; null when the first call failed. */
  async importFiles(files: readonly FileToImport[]): Promise<ImportReport | null> {
    const outcomes: ImportOutcome[] = [];
    this.cancelling = false;
    this.drop = { offset: 0, total: files.length };
    try {
      for (const batch of importCalls(files)) {
        this.drop.offset = outcomes.length;
        if (this.cancelling) {
          outcomes.push(...batch.map((file): ImportOutcome => ({ file: file.name, status: 'cancelled' })));
          continue;
        }
        const result = await call(this.bridge, 'importFiles', batch);
        if (!result.ok) {
          this.toast(failureToast('Could not import the dropped files', result));
          if (outcomes.length === 0) return null;
          outcomes.push(...batch.map((file): ImportOutcome => ({ file: file.name, status: 'cancelled' })));
          this.cancelling = true;
          continue;
        }
        outcomes.push(...result.value.outcomes);
      }
      return { outcomes };
    } finally {
      this.drop = null;
      this.batchId = null;
      this.cancelling = false;
      this.view = null;
      this.host.requestUpdate();
    }
  }

  /** Stops the import: the core's batch before its next file, and no further calls. */
  async cancel(): Promise<void> {
    this.cancelling = true;
    if (this.view !== null) this.view = { ...this.view, cancelling: true };
    this.host.requestUpdate();
    if (this.batchId === null) return;
    const result = await call(this.bridge, 'cancelImport', this.batchId);
    if (!result.ok) this.toast(failureToast('Could not cancel the import', result));
  }
}
