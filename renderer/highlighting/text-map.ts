/**
 * Maps offsets in a container's rendered text (its textContent) to DOM positions and back,
 * through a cumulative index over its Text nodes. Rebuilt lazily, only after the DOM under
 * the container has changed (a MutationObserver marks it stale).
 */

/** Half-open offsets into the rendered text. */
export interface TextSpan {
  start: number;
  end: number;
}

/** A span without the whitespace at its ends (a double-click or triple-click selects some); null if nothing is left. */
export function trimSpan(text: string, span: TextSpan | null): TextSpan | null {
  if (!span) return null;
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return end > start ? { start, end } : null;
}

export class TextMap {
  private nodes: Text[] = [];
  /** starts[i] = offset of nodes[i]'s first character; binary-searched. */
  private starts: number[] = [];
  private indexOf = new Map<Text, number>();
  private fullText = '';
  private stale = true;
  private readonly observer: MutationObserver;

  constructor(readonly root: HTMLElement) {
    this.observer = new MutationObserver(() => (this.stale = true));
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  disconnect(): void {
    this.observer.disconnect();
  }

  /** The rendered text: every Text node under the root, in document order. */
  get text(): string {
    this.refresh();
    return this.fullText;
  }

  private refresh(): void {
    if (!this.stale) return;
    this.stale = false;
    this.nodes = [];
    this.starts = [];
    this.indexOf = new Map();
    const walker = document.createTreeWalker(this.root, NodeFilter.SHOW_TEXT);
    const parts: string[] = [];
    let offset = 0;
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      this.indexOf.set(node, this.nodes.length);
      this.nodes.push(node);
      this.starts.push(offset);
      parts.push(node.data);
      offset += node.data.length;
    }
    this.fullText = parts.join('');
  }

  /** The global offset of a DOM boundary point (as in a Range), or null outside the root. */
  offsetOf(container: Node, offset: number): number | null {
    this.refresh();
    if (!this.root.contains(container)) {
      // A point before or after the root clamps to its ends.
      if (!container.isConnected) return null;
      const order = this.root.compareDocumentPosition(container);
      if (order & Node.DOCUMENT_POSITION_PRECEDING) return 0;
      if (order & Node.DOCUMENT_POSITION_FOLLOWING) return this.fullText.length;
      return null;
    }
    if (container instanceof Text) {
      const index = this.indexOf.get(container);
      return index === undefined ? null : (this.starts[index] ?? 0) + Math.min(offset, container.data.length);
    }
    const child = container.childNodes[offset];
    return child ? this.startOfNode(child) : this.endOfNode(container);
  }

  /** The offsets a Range covers, clamped to the root; null when it lies wholly outside. */
  spanOf(range: AbstractRange): TextSpan | null {
    const start = this.offsetOf(range.startContainer, range.startOffset);
    const end = this.offsetOf(range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    return { start, end };
  }

  /** The DOM point at a global offset (at the end of a node rather than the start of the next). */
  pointAt(offset: number): { node: Text; offset: number } | null {
    this.refresh();
    if (this.nodes.length === 0) return null;
    const clamped = Math.max(0, Math.min(offset, this.fullText.length));
    let low = 0;
    let high = this.nodes.length - 1;
    // The last node starting before `clamped` (or at 0): an end boundary stays in its node.
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((this.starts[middle] ?? 0) < clamped) low = middle;
      else high = middle - 1;
    }
    const node = this.nodes[low] as Text;
    return { node, offset: Math.min(node.data.length, clamped - (this.starts[low] ?? 0)) };
  }

  /** A Range over [start, end) of the rendered text. */
  rangeOf(span: TextSpan): Range | null {
    const from = this.pointAt(span.start);
    const to = this.pointAt(span.end);
    if (!from || !to) return null;
    const range = document.createRange();
    // A start at the very end of a node belongs to the next one (no empty first rect).
    if (from.offset === from.node.data.length) {
      const index = this.indexOf.get(from.node) ?? 0;
      const next = this.nodes[index + 1];
      if (next && span.start < span.end) range.setStart(next, 0);
      else range.setStart(from.node, from.offset);
    } else range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  private startOfNode(node: Node): number {
    if (node instanceof Text) return this.starts[this.indexOf.get(node) ?? 0] ?? 0;
    const walker = document.createTreeWalker(this.root, NodeFilter.SHOW_TEXT);
    walker.currentNode = node;
    const next = walker.nextNode() as Text | null;
    return next ? (this.starts[this.indexOf.get(next) ?? 0] ?? 0) : this.fullText.length;
  }

  private endOfNode(node: Node): number {
    let last: Node = node;
    while (last.lastChild) last = last.lastChild;
    if (last instanceof Text) {
      const index = this.indexOf.get(last);
      if (index !== undefined) return (this.starts[index] ?? 0) + last.data.length;
    }
    const walker = document.createTreeWalker(this.root, NodeFilter.SHOW_TEXT);
    walker.currentNode = last;
    const next = walker.nextNode() as Text | null;
    return next ? (this.starts[this.indexOf.get(next) ?? 0] ?? 0) : this.fullText.length;
  }
}
