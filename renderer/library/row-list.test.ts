import type { ReactiveControllerHost } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ROW_HEIGHT } from './library-row';
import { RowListController } from './row-list';

/** The page the controller listens to: its scroll listeners, and where the list box's top is. */
function fakePage() {
  const listeners = new Map<string, () => void>();
  vi.stubGlobal('innerHeight', 800);
  vi.stubGlobal('addEventListener', (type: string, listener: () => void) => listeners.set(type, listener));
  vi.stubGlobal('removeEventListener', (type: string) => listeners.delete(type));
  const frames: (() => void)[] = [];
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback));
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  const box = { top: 0, getBoundingClientRect: () => ({ top: box.top }) };
  /** Runs the animation frame callbacks asked for until now (one frame). */
  const nextFrame = () => frames.splice(0).forEach((callback) => callback());
  return {
    listeners,
    box,
    nextFrame,
    scrollTo: (y: number) => ((box.top = -y), listeners.get('scroll')?.()),
  };
}

function setUp() {
  const page = fakePage();
  const shown: [number, number][] = [];
  const host = { addController: () => undefined, requestUpdate: vi.fn() };
  const rows = new RowListController(host as unknown as ReactiveControllerHost, {
    box: () => page.box as unknown as HTMLElement,
    shown: (first, last) => shown.push([first, last]),
  });
  rows.hostConnected();
  /** What the host does on each update: lays out the window for `total` rows, then hostUpdated. */
  const render = (total: number) => (rows.windowFor(total), rows.hostUpdated());
  return { page, shown, host, rows, render };
}

/** Rows in a window. */
const size = (w: { first: number; last: number }) => w.last - w.first + 1;

describe('RowListController', () => {
  beforeEach(() => vi.unstubAllGlobals());
  afterEach(() => vi.unstubAllGlobals());

  it('asks for the rows of a jump in the scroll event, before the list re-renders', () => {
    const { page, shown, host, render } = setUp();
    render(100_000);
    expect(shown).toEqual([[0, expect.any(Number)]]);
    const middle = 50_000 * ROW_HEIGHT;
    page.scrollTo(middle);
    // Asked for at once: no render has happened since the scroll.
    expect(shown).toHaveLength(2);
    const [first, last] = shown[1] ?? [0, 0];
    expect(first).toBeLessThanOrEqual(50_000);
    expect(last).toBeGreaterThanOrEqual(50_000 + Math.ceil(800 / ROW_HEIGHT) - 1);
    expect(host.requestUpdate).toHaveBeenCalled();
    // The re-render lays out the same window: it is not asked for twice.
    render(100_000);
    expect(shown).toHaveLength(2);
  });

  it('reports nothing on a scroll that did not move the list, nor before the first render', () => {
    const { page, shown, render } = setUp();
    page.scrollTo(2000); // Before any render: the row count is unknown.
    expect(shown).toEqual([]);
    render(300);
    expect(shown).toHaveLength(1);
    page.scrollTo(2000); // Same place.
    expect(shown).toHaveLength(1);
  });

  it('reports the window of the new row count after a render that changed it', () => {
    const { page, shown, render } = setUp();
    render(100_000);
    page.scrollTo(90_000 * ROW_HEIGHT);
    render(50); // The filter narrowed the list: its window is at the end of 50 rows.
    expect(shown.at(-1)?.[1]).toBe(49);
  });

  it('renders only the rows in view in the frame of a jump, and the overscan once that frame is painted', () => {
    const { page, shown, host, rows, render } = setUp();
    render(100_000);
    const inView = Math.ceil(800 / ROW_HEIGHT);
    page.scrollTo(50_000 * ROW_HEIGHT);
    expect(shown.at(-1)?.[0]).toBe(50_000);
    const jump = rows.windowFor(100_000);
    expect([jump.first, size(jump)]).toEqual([50_000, inView]);
    host.requestUpdate.mockClear();
    page.nextFrame(); // The jump's own frame: still the rows in view.
    expect(host.requestUpdate).not.toHaveBeenCalled();
    expect(size(rows.windowFor(100_000))).toBe(inView);
    page.nextFrame(); // The next: the overscan comes back, and its rows are asked for.
    expect(host.requestUpdate).toHaveBeenCalled();
    render(100_000);
    const widened = rows.windowFor(100_000);
    expect(widened.first).toBeLessThan(50_000);
    expect(size(widened)).toBeGreaterThan(inView + 1);
    expect(shown.at(-1)).toEqual([widened.first, widened.last]);
  });

  it('keeps the overscan on a scroll that keeps some of the rows rendered', () => {
    const { page, rows, render } = setUp();
    render(100_000);
    page.scrollTo(10_000 * ROW_HEIGHT);
    page.nextFrame();
    page.nextFrame();
    const before = rows.windowFor(100_000);
    page.scrollTo(10_002 * ROW_HEIGHT);
    const after = rows.windowFor(100_000);
    expect(after.last - after.first).toBe(before.last - before.first);
    expect(after.first).toBe(before.first + 2);
  });
});
