/** What every spec drives: the app on a temp library, the same interface in both modes. */
import type { Page } from '@playwright/test';
import type { ApiMethod, EventName, Failure, LecternEvents } from '../../preload/api';

export type LecternMode = 'browser' | 'electron';

export interface LaunchOptions {
  /** Reuse this library folder (e.g. one a previous launch left behind); default: a new temp dir. */
  libraryDir?: string;
}

export interface LecternTestApp {
  readonly mode: LecternMode;
  readonly page: Page;
  readonly libraryDir: string;
  /** The next native open dialog returns these paths (null = cancelled). */
  queueDialogResult(paths: string[] | null): Promise<void>;
  /** URLs the app asked the OS to open, in order. */
  openedUrls(): Promise<string[]>;
  /** A `lectern://open?…` link clicked outside the app while it runs (as the OS hands it over). */
  clickDeepLink(url: string): Promise<void>;
  /** Sends an event from "main" to the renderer. */
  emit<E extends EventName>(event: E, payload: LecternEvents[E]): Promise<void>;
  /** Uncaught exceptions in the page so far. */
  readonly pageErrors: readonly string[];
  /** console.error messages of the page from its first load (where the harness sees them). */
  readonly consoleErrors?: readonly string[];
  /** Forces core failures; only where the harness can reach into the core (browser mode). */
  readonly faults?: FaultHook;
  /** Quits the app and releases the library (idempotent). The fixture calls it too. */
  close(): Promise<void>;
}

/** Core failures a spec can force, to check what the user is told. */
export interface FaultHook {
  /** The next call of `method` answers this failure (as the core would for a failed write). */
  failNext(method: ApiMethod, failure: Omit<Failure, 'ok'>): Promise<void>;
  /** The platform's next open dialog throws inside the core's handler: an unexpected error, a bug. */
  throwInNextDialog(message: string): Promise<void>;
  /** Calls of `method` wait (a slow disk) until `release()`; `asked()` says whether one came. */
  holdCalls(method: ApiMethod): Promise<HeldCalls>;
}

export interface HeldCalls {
  release(): void;
  asked(): boolean;
}

/** Fixed so committed screenshots only change when the UI does. */
export const VIEWPORT = { width: 1280, height: 800 } as const;
