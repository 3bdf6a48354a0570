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
  vi.stubGlobal('requestAnimationFrame', () => 1);
  vi.stubGlobal('cancelAnimationFrame', () => undefined);
  const box = { top: 0, getBoundingClientRect: () => ({ top: box.top }) };
  return { listeners, box, scrollTo: (y: number) => ((box.top = -y), listeners.get('scroll')?.()) };
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
});
