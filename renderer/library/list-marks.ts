/**
 * Performance marks of the library list for the scroll bench (bench/scroll-probe.ts), made only
 * when the bench asks (`lecternListMarks`): the timeline keeps every mark, and the list renders often.
 */

/** Marks `lectern-list:<name>` when the page asked for the list's marks. */
export function markList(name: 'asked' | 'arrived' | 'rendered'): void {
  if ((globalThis as { lecternListMarks?: boolean }).lecternListMarks === true)
    performance.mark(`lectern-list:${name}`);
}
