/**
 * Minimal shapes of the page-side globals the harness touches. The Node tsconfig has no DOM
 * lib (main/ must not see `window`), so functions that run in the page cast `globalThis`
 * to these instead.
 */
import type { LecternBridge } from '../../preload/api';

export interface CallRecord {
  method: string;
  /** performance.now() when the renderer called. */
  at: number;
  /** performance.now() when the result reached the renderer. */
  doneAt?: number;
}

export interface HarnessWindow {
  lectern: LecternBridge;
  lecternHarnessEmit(event: string, payload: unknown): void;
  /** When each bridge method was last called (performance.now()), for the benchmarks. */
  lecternHarnessCalls: CallRecord[];
  performance: { now(): number };
}

/** Bytes that cross the harness bridge as base64 (JSON has no Uint8Array). */
export interface EncodedBytes {
  lecternBytesBase64: string;
}

export const isEncodedBytes = (value: unknown): value is EncodedBytes =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Partial<EncodedBytes>).lecternBytesBase64 === 'string';
