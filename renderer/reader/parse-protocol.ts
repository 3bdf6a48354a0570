/** Messages between the reader and its markdown parse worker. */

/** One section to parse; the worker cuts it with splitIntoChunks, as the main thread does. */
export interface ParseJob {
  section: number;
  markdown: string;
}

export type ToParseWorker =
  /** Parse these sections in this order (replaces any queue). */
  | { type: 'parse'; jobs: ParseJob[] }
  /** Move these sections to the front of the queue (the reader went there). */
  | { type: 'prioritize'; sections: number[] };

export interface ParsedSection {
  section: number;
  /** Unsanitized HTML of each chunk: the main thread sanitizes it before it touches the DOM. */
  chunks: string[];
}

export type FromParseWorker = { type: 'parsed'; sections: ParsedSection[] } | { type: 'done' };
