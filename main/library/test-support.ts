/** Helpers shared by this folder's tests: temp library folders and a controllable clock. */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, vi } from 'vitest';
import { type Library, type OpenLibraryOptions, openLibrary } from './library';
import { type LockOwner, processStartOf } from './storage/lock';

export async function makeTempDir(prefix = 'lectern-test-'): Promise<string> {
  return fs.mkdtemp(path.join(os.tmpdir(), prefix));
}

export async function removeDir(dir: string): Promise<void> {
  await fs.rm(dir, { recursive: true, force: true });
}

/** A clock that moves one second forward on every reading. */
export function steppingClock(start = Date.UTC(2024, 0, 1)): () => Date {
  let time = start;
  return () => new Date((time += 1000));
}

/**
 * Kill tests: runs `attempt(calls)` on a fresh copy of the library at `root` as it is now, with
 * calls = 1, 2, ... (where its FaultFileSystem dies) until it says it was not killed; returns how
 * many were. The attempt removes the lock its dying library left before it opens the library again. The dying libraries' background work reports its killed writes: kept off the console.
 */
export async function killAtEveryStep(
  root: string,
  attempt: (calls: number) => Promise<boolean>,
): Promise<number> {
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const pristine = `${root}-pristine`;
  await fs.cp(root, pristine, { recursive: true, preserveTimestamps: true });
  let kills = 0;
  try {
    for (let calls = 1; ; calls++) {
      await fs.rm(root, { recursive: true, force: true });
      await fs.cp(pristine, root, { recursive: true, preserveTimestamps: true });
      if (!(await attempt(calls))) return kills;
      kills += 1;
    }
  } finally {
    quiet.mockRestore();
    await fs.rm(pristine, { recursive: true, force: true });
  }
}

export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');
export const SAMPLE_DOCUMENTS_DIR = path.join(REPO_ROOT, 'documents');
export const WAR_AND_PEACE = path.join(REPO_ROOT, 'e2e/fixtures/books/war-and-peace.txt');
/** The sample article as first shipped: plain text, one paragraph per line, no title line. */
export const NEWS_ARTICLE_TXT = path.join(REPO_ROOT, 'e2e/fixtures/books/news-article.txt');

/**
 * A fresh library folder for each test, closed and removed after it. `open()` closes the
 * library it opened before (so it doubles as "reopen"); `root` is the current folder.
 */
export function useTempLibrary(defaults: Partial<OpenLibraryOptions> = {}) {
  let root = '';
  let library: Library | null = null;
  beforeEach(async () => {
    root = await makeTempDir();
  });
  afterEach(async () => {
    await library?.close();
    library = null;
    await removeDir(root);
  });
  return {
    get root(): string {
      return root;
    },
    async open(options: Partial<OpenLibraryOptions> = {}): Promise<Library> {
      await library?.close();
      library = await openLibrary({ root, now: steppingClock(), ...defaults, ...options });
      return library;
    },
  };
}

/** A live process that is not this one (our parent), as its lock file would name it. */
export async function otherOwner(): Promise<LockOwner> {
  const pid = process.ppid;
  return { pid, processStart: (await processStartOf(pid)) ?? '', host: os.hostname() };
}
