/**
 * The library core (main/library), opened in this Node process exactly as the Electron main
 * process opens it, plus the stub platform the browser harness gives it instead of Electron.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandlers } from '../../main/library/handlers';
import { WorkerConverter } from '../../main/library/import/worker-converter';
import { openLibrary } from '../../main/library/library';
import type { EventName, OpenRequest } from '../../preload/api';
import { convertWorkerScript, seedDir } from './paths';

export type Library = Awaited<ReturnType<typeof openLibrary>>;
export type Handlers = ReturnType<typeof createHandlers>;

/** What the app would ask the OS for; the test decides the answers and reads the calls. */
export class StubPlatform {
  private readonly dialogResults: (string[] | null)[] = [];
  readonly openedUrls: string[] = [];

  /** The next open dialog "picks" these paths (null = the user cancels). */
  queueDialogResult(paths: string[] | null): void {
    this.dialogResults.push(paths);
  }

  async chooseFilesToImport(): Promise<string[] | null> {
    return this.dialogResults.shift() ?? null;
  }

  /** Answers with the first path of the next queued dialog result. */
  async chooseFileToUpdate(_title: string): Promise<string | null> {
    return this.dialogResults.shift()?.[0] ?? null;
  }

  /** Answers with the first path of the next queued dialog result (the folder to export into). */
  async chooseExportFolder(_title: string): Promise<string | null> {
    return this.dialogResults.shift()?.[0] ?? null;
  }

  /** Answers with the first path of the next queued dialog result (the annotation file to import). */
  async chooseAnnotationFile(): Promise<string | null> {
    return this.dialogResults.shift()?.[0] ?? null;
  }

  async openExternal(url: string): Promise<void> {
    this.openedUrls.push(url);
  }

  /** A deep link "clicked outside the app", waiting for the page to take it. */
  openRequest: OpenRequest | null = null;

  takeOpenRequest(): OpenRequest | null {
    const request = this.openRequest;
    this.openRequest = null;
    return request;
  }
}

export interface OpenedCore {
  library: Library;
  /** The worker threads files convert in; closed with the library. */
  converter: WorkerConverter;
  handlers: Handlers;
  platform: StubPlatform;
  /**
   * Sends the core's events (libraryChanged, libraryNotice) to `deliver`, as main/index.ts sends
   * them to the window; returns the unsubscribe function.
   */
  forwardEvents(deliver: (event: EventName, payload: unknown) => void): () => void;
}

export async function openCore(root: string, options: { seed?: boolean } = {}): Promise<OpenedCore> {
  // Files convert in the built worker threads, as in the app (`npm run test:e2e` builds first).
  const converter = new WorkerConverter(convertWorkerScript);
  const library = await openLibrary({
    root,
    converter: converter.convert,
    warmConverter: converter.warm,
    ...(options.seed === false ? {} : { seedDir }),
  });
  const platform = new StubPlatform();
  return {
    library,
    converter,
    handlers: createHandlers(library, platform),
    platform,
    forwardEvents: (deliver) => library.subscribe((event) => deliver(event.name, event.payload)),
  };
}

/** A fresh, empty library folder under the OS temp dir. */
export async function makeTempDir(prefix = 'lectern-e2e-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true, maxRetries: 3 });
}
