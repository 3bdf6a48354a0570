/** Messages between the reader's parse client (main thread) and its markdown parse worker. */

/**
 * Chunks `from` to `to` (exclusive, as splitIntoChunks cuts `markdown`) of one section. The
 * worker cuts the section itself, the same way the main thread does, so indices agree.
 */
export interface ParseJob {
  id: number;
  markdown: string;
  from: number;
  to: number;
}

export type ToParseWorker = { type: 'parse'; jobs: ParseJob[] };

/** Why a chunk is shown as plain text instead of formatted. */
export type UnformattedCode = 'parse-error' | 'too-complex' | 'too-large' | 'timeout';

export type ChunkOutcome =
  /** Unsanitized HTML: the main thread sanitizes it before it touches the DOM. */
  { ok: true; html: string } | { ok: false; code: UnformattedCode; message: string };

export type FromParseWorker =
  /** Chunk `index` of job `id`; chunks of a job arrive in order, jobs in the order sent. */
  | { type: 'chunk'; id: number; index: number; outcome: ChunkOutcome }
  /** Every chunk of job `id` has been posted. */
  | { type: 'job-done'; id: number };
