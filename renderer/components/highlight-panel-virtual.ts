/**
 * The highlights panel's virtual list: only the items near the panel's view exist in the DOM (a
 * thousand highlights are a few dozen elements). The panel (the host) is the scroll container.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ItemLayout, visibleItems } from './highlight-panel-window';

/** Pixels rendered beyond each edge of the panel's view (keeps a fast wheel from showing gaps). */
const OVERSCAN = 600;

type Host = ReactiveControllerHost & HTMLElement;

export class VirtualItems implements ReactiveController {
  readonly layout = new ItemLayout();
  /** The items in (and near) the view. */
  range = { first: 0, last: -1 };
  private frame = 0;
  private readonly observed = new Set<Element>();
  private readonly sizes = new ResizeObserver((entries) => this.measured(entries));

  /** `list`: the element holding the items (its children are the items, each with data-id). */
  constructor(
    private readonly host: Host,
    private readonly list: () => HTMLElement | null,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('scroll', this.onScroll, { passive: true });
    this.sizes.observe(this.host);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('scroll', this.onScroll);
    cancelAnimationFrame(this.frame);
    this.sizes.disconnect();
    this.observed.clear();
  }

  /** Lays out a new list of items; call before rendering it. */
  setItems(ids: readonly string[], estimate: (index: number) => number): void {
    this.layout.reset(ids, estimate);
    this.range = this.computeRange();
  }

  hostUpdated(): void {
    const list = this.list();
    for (const element of this.observed)
      if (!element.isConnected) {
        this.sizes.unobserve(element);
        this.observed.delete(element);
      }
    for (const item of list?.children ?? []) {
      if (this.observed.has(item)) continue;
      this.observed.add(item);
      this.sizes.observe(item);
    }
    this.refresh();
  }

  /** How many items a page (PageDown) moves: about as many as the view shows. */
  pageSize(): number {
    const { count, height } = this.layout;
    return count === 0 ? 1 : Math.max(1, Math.floor(this.host.clientHeight / (height / count)));
  }

  /** Where the view's top is in the list (negative while the list starts below it). */
  private scrollTopInList(): number {
    return this.host.scrollTop - (this.list()?.offsetTop ?? 0);
  }

  private computeRange(): { first: number; last: number } {
    return visibleItems(this.layout, this.scrollTopInList(), this.host.clientHeight, OVERSCAN);
  }

  /** Renders again when other items come into view. */
  private refresh(): void {
    const next = this.computeRange();
    if (next.first === this.range.first && next.last === this.range.last) return;
    this.range = next;
    this.host.requestUpdate();
  }

  private readonly onScroll = (): void => {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.refresh();
    });
  };

  /** Items were measured: lay out again, keeping what is in view where it is. */
  private measured(entries: readonly ResizeObserverEntry[]): void {
    const viewTop = this.scrollTopInList();
    let [changed, shift] = [false, 0];
    for (const entry of entries) {
      if (entry.target === this.host) changed = true;
      const id = entry.target instanceof HTMLElement ? entry.target.dataset.id : undefined;
      if (id === undefined || !entry.target.isConnected) continue;
      const delta = this.layout.measure(id, entry.borderBoxSize[0]?.blockSize ?? 0);
      if (delta === 0) continue;
      changed = true;
      // An item above the view grew or shrank: scroll by as much, so the text read stays put.
      if (this.layout.topOf(this.layout.indexOf(id)) < viewTop) shift += delta;
    }
    if (!changed) return;
    this.layout.relayout();
    if (shift !== 0) this.host.scrollTop += shift;
    this.range = this.computeRange();
    this.host.requestUpdate();
  }
}
