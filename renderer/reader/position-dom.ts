/**
 * The DOM half of reading positions: which section and character sit at the top of the reading
 * viewport, and scrolling a character offset back to the top. Offsets count the section
 * element's text (its textContent), so they do not depend on fonts or window size.
 */
import { locateInRuns, offsetFromRuns } from './position';

/** The text nodes of `root` in document order. */
export function textNodesOf(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/** The DOM point of character `offset` of `root`'s text. */
export function pointAtOffset(root: Node, offset: number): { node: Text; offset: number } | null {
  const nodes = textNodesOf(root);
  const point = locateInRuns(
    nodes.map((node) => node.data.length),
    offset,
  );
  const node = point ? nodes[point.run] : undefined;
  return point && node ? { node, offset: point.offset } : null;
}

/** Binary search: the first index in [lo, hi) for which `test` holds, or hi (test is monotonic). */
function firstWhere(lo: number, hi: number, test: (index: number) => boolean): number {
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const range = (): Range => document.createRange();

/** Bottom of a text node's last line box, or -Infinity when it has no boxes (collapsed space). */
function nodeBottom(node: Text): number {
  const r = range();
  r.selectNodeContents(node);
  const rects = r.getClientRects();
  const last = rects[rects.length - 1];
  return last ? last.bottom : -Infinity;
}

/** Bottom of character `index` of `node` (or of the next character that has a box). */
function charBottom(node: Text, index: number): number {
  const r = range();
  for (let i = index; i < node.data.length; i++) {
    r.setStart(node, i);
    r.setEnd(node, i + 1);
    const rect = r.getBoundingClientRect();
    if (rect.height > 0) return rect.bottom;
  }
  return Infinity;
}

/** The text offset of the first character of the first line below `y` inside `root`, or null. */
function firstOffsetBelow(root: Node, y: number): number | null {
  const all = textNodesOf(root);
  const lengths = all.map((node) => node.data.length);
  // Whitespace between blocks has no line box; leaving it out keeps the search monotonic.
  const candidates = all.map((_, index) => index).filter((index) => (all[index]?.data.trim() ?? '') !== '');
  const found = firstWhere(0, candidates.length, (i) => nodeBottom(all[candidates[i] ?? 0] as Text) > y);
  const run = candidates[found];
  const node = run === undefined ? undefined : all[run];
  if (run === undefined || !node) return null;
  const within = firstWhere(0, node.data.length, (i) => charBottom(node, i) > y);
  return offsetFromRuns(lengths, { run, offset: within });
}

/**
 * The text offset (within `section`) of the first character of the first line whose bottom is
 * below `y`: the first line the reader can see. The chunk is found by its box first, so text in
 * offscreen (content-visibility skipped) chunks is never laid out.
 */
export function firstVisibleOffset(section: HTMLElement, y: number): number {
  const chunks = [...section.children] as HTMLElement[];
  const start = firstWhere(0, chunks.length, (i) => (chunks[i]?.getBoundingClientRect().bottom ?? 0) > y);
  let before = 0;
  for (let i = 0; i < start; i++) before += chunks[i]?.textContent?.length ?? 0;
  for (let i = start; i < chunks.length; i++) {
    const chunk = chunks[i] as HTMLElement;
    const offset = firstOffsetBelow(chunk, y);
    if (offset !== null) return before + offset;
    before += chunk.textContent?.length ?? 0;
  }
  return before;
}

/** The viewport rectangle of the character at `offset` of `section` (or of the section). */
export function rectAtOffset(section: HTMLElement, offset: number): DOMRect {
  const point = pointAtOffset(section, offset);
  if (!point) return section.getBoundingClientRect();
  const r = range();
  const end = Math.min(point.node.data.length, point.offset + 1);
  r.setStart(point.node, Math.min(point.offset, end));
  r.setEnd(point.node, end);
  const rect = r.getBoundingClientRect();
  return rect.height > 0 ? rect : (point.node.parentElement ?? section).getBoundingClientRect();
}

/** Scrolls `scroller` so that character `offset` of `section` sits `inset` px below its top. */
export function scrollOffsetToTop(
  scroller: HTMLElement,
  section: HTMLElement,
  offset: number,
  inset: number,
): void {
  const target = rectAtOffset(section, offset).top;
  const top = scroller.getBoundingClientRect().top + inset;
  scroller.scrollTop += target - top;
}
