/**
 * Runs a find over a whole text without freezing the page: folding (kept per text, like an
 * index, so it is done once per document and mode) and scanning happen in slices of a few
 * milliseconds with a yield between them, and a newer run cancels the one before.
 */
import { foldQuery, TextFolder, type FoldedText } from './fold';
import { MatchScanner, type FindOptions, type MatchList } from './find-matches';

/** Longest stretch of work between two yields, in ms. */
const SLICE_MS = 8;
/** Units folded or scanned between two looks at the clock. */
const STEP = 65_536;

/** Gives the event loop a turn: scheduler.yield where there is one (Chromium), else a message. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

export class FindRunner {
  /** The folding of the last text, per mode (a new text replaces both). */
  private readonly folders = new Map<boolean, TextFolder>();
  /** When each folding started (removed once it is reported). */
  private readonly foldStarts = new Map<TextFolder, number>();
  private source: string | null = null;
  private generation = 0;

  /** `folded` hears how long each text took to fold, yields included (once per text and mode). */
  constructor(
    private readonly yieldNow: () => Promise<void> = yieldToPage,
    private readonly folded?: (ms: number) => void,
  ) {}

  /** Stops the run under way (its promise settles with null). */
  cancel(): void {
    this.generation++;
  }

  /** Folds `source` ahead of a query (the find bar opened): the first search then only scans. */
  prepare(source: string, matchCase: boolean): Promise<FoldedText | null> {
    return this.fold(source, matchCase, this.generation);
  }

  /**
   * Every match of `query` in `source`; null when a newer run (or cancel) came first. An empty
   * query has no matches.
   */
  async run(source: string, query: string, options: FindOptions): Promise<MatchList | null> {
    const generation = ++this.generation;
    const needle = foldQuery(query, options.matchCase);
    const folded = await this.fold(source, options.matchCase, generation);
    if (!folded || generation !== this.generation) return null;
    if (needle === null) return { starts: [], ends: [] };
    const scanner = new MatchScanner(folded, needle, options.wholeWord);
    let deadline = performance.now() + SLICE_MS;
    while (!scanner.step(STEP)) {
      if (performance.now() < deadline) continue;
      await this.yieldNow();
      if (generation !== this.generation) return null;
      deadline = performance.now() + SLICE_MS;
    }
    return scanner.matches;
  }

  private reported(folder: TextFolder, folded: FoldedText): FoldedText {
    const started = this.foldStarts.get(folder);
    this.foldStarts.delete(folder);
    if (started !== undefined) this.folded?.(performance.now() - started);
    return folded;
  }

  private async fold(source: string, matchCase: boolean, generation: number): Promise<FoldedText | null> {
    if (source !== this.source) {
      this.folders.clear();
      this.foldStarts.clear();
      this.source = source;
    }
    let folder = this.folders.get(matchCase);
    if (!folder) {
      folder = new TextFolder(source, matchCase);
      this.folders.set(matchCase, folder);
      this.foldStarts.set(folder, performance.now());
    }
    let deadline = performance.now() + SLICE_MS;
    for (let folded = folder.step(STEP); ; folded = folder.step(STEP)) {
      if (folded) return this.reported(folder, folded);
      if (performance.now() < deadline) continue;
      await this.yieldNow();
      // A newer run folds on from here (the folder keeps its place), so nothing is lost.
      if (generation !== this.generation) return null;
      deadline = performance.now() + SLICE_MS;
    }
  }
}
