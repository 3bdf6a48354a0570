/** What every spec drives: the app on a temp library, the same interface in both modes. */
import type { Page } from '@playwright/test';
import type { EventName, LecternEvents } from '../../preload/api';

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
  /** Sends an event from "main" to the renderer. */
  emit<E extends EventName>(event: E, payload: LecternEvents[E]): Promise<void>;
  /** Uncaught exceptions in the page so far. */
  readonly pageErrors: readonly string[];
  /** Quits the app and releases the library (idempotent). The fixture calls it too. */
  close(): Promise<void>;
}

/** Fixed so committed screenshots only change when the UI does. */
export const VIEWPORT = { width: 1280, height: 800 } as const;
