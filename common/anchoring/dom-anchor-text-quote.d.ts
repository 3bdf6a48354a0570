/**
 * Types for the peer library the benchmark test compares against (it ships none). Only the
 * string-level entry point is declared: it reads nothing from `root` but `textContent`.
 */
declare module 'dom-anchor-text-quote' {
  export function toTextPosition(
    root: { textContent: string },
    selector: { exact: string; prefix?: string; suffix?: string },
    options?: { hint?: number },
  ): { start: number; end: number } | null;
}
