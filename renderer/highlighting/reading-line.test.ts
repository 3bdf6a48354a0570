/** Which highlight the reading line is on, what is said about it, and when (settled, once, not over `]`). */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Highlight } from '../../preload/api';
import {
  EntryAnnouncements,
  HUSH_MS,
  SETTLE_MS,
  describeEntered,
  highlightAtLine,
  type LineBox,
} from './reading-line';

/** Highlights in document order, on screen: b spans three lines, c sits inside b (an overlap), e is far down. */
const BOXES: LineBox[] = [
  { top: -300, bottom: -280 }, // a
  { top: 100, bottom: 160 }, // b
  { top: 120, bottom: 140 }, // c
  { top: 400, bottom: 420 }, // d
  { top: 5000, bottom: 5020 }, // e
];

const at = (line: number) => highlightAtLine(BOXES.length, (i) => BOXES[i] as LineBox, line);

describe('highlightAtLine', () => {
  it('finds the highlight covering the line, the latest-starting one where they overlap', () => {
    expect(at(-290)).toBe(0);
    expect(at(105)).toBe(1);
    expect(at(130)).toBe(2);
    expect(at(150)).toBe(1); // Past c's end, still in b.
    expect(at(400)).toBe(3);
    expect(at(420)).toBe(3);
  });

  it('finds none between highlights, before the first and after the last', () => {
    expect(at(200)).toBeNull();
    expect(at(-1000)).toBeNull();
    expect(at(9000)).toBeNull();
    expect(highlightAtLine(0, () => ({ top: 0, bottom: 0 }), 0)).toBeNull();
  });

  it('measures only a few of 10,000 highlights', () => {
    const measured = new Set<number>();
    const boxOf = (i: number) => (measured.add(i), { top: i * 50, bottom: i * 50 + 20 });
    expect(highlightAtLine(10_000, boxOf, 250_010)).toBe(5000);
    expect(measured.size).toBeLessThan(30);
  });
});

const highlight = (fields: Partial<Highlight>): Highlight =>
  ({ id: 'h', color: 'green', tags: [], note: null, needsCheck: false, ...fields }) as Highlight;

describe('describeEntered', () => {
  it('says the colour meaning, then tags, a note and a place to check when there are any', () => {
    expect(describeEntered(highlight({}), 'Key idea')).toBe('Key idea highlight.');
    expect(
      describeEntered(
        highlight({ tags: ['war', 'history/russia'], note: 'Compare with book two.', needsCheck: true }),
        'Question',
      ),
    ).toBe('Question highlight. To check. Tags: war, history/russia. Has a note.');
    expect(describeEntered(highlight({ note: ' \n ' }), 'Quote')).toBe('Quote highlight.');
  });
});

describe('EntryAnnouncements', () => {
  let atLine: string | null;
  let said: string[];
  let announcements: EntryAnnouncements;

  beforeEach(() => {
    vi.useFakeTimers();
    [atLine, said] = [null, []];
    announcements = new EntryAnnouncements(
      {
        now: () => Date.now(),
        setTimer: (callback, ms) => setTimeout(callback, ms),
        clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      },
      () => atLine,
      (id) => said.push(id),
    );
  });
  afterEach(() => vi.useRealTimers());

  /** Scrolls in steps of 16 ms, the reading line passing over each highlight of `path`. */
  const fling = (path: (string | null)[]) => {
    for (const id of path) {
      atLine = id;
      announcements.scrolled();
      vi.advanceTimersByTime(16);
    }
  };

  it('says nothing while flinging through fifty highlights, then the one it settles on, once', () => {
    fling(Array.from({ length: 50 }, (_, i) => `h${i}`));
    expect(said).toEqual([]);
    vi.advanceTimersByTime(SETTLE_MS - 17);
    expect(said).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(said).toEqual(['h49']);
    fling(['h49', 'h49']); // A small scroll within the same highlight.
    vi.advanceTimersByTime(SETTLE_MS);
    expect(said).toEqual(['h49']);
  });

  it('says a highlight again after the line settled outside it, and nothing for plain text', () => {
    fling(['a']);
    vi.advanceTimersByTime(SETTLE_MS);
    fling([null]);
    vi.advanceTimersByTime(SETTLE_MS);
    fling(['a']);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(said).toEqual(['a', 'a']);
  });

  it('stays quiet for the scroll a `]` makes, but not for a later scroll of the reader’s own', () => {
    announcements.hush();
    vi.advanceTimersByTime(30);
    fling(['b']);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(said).toEqual([]);
    vi.advanceTimersByTime(HUSH_MS);
    fling(['c']);
    vi.advanceTimersByTime(SETTLE_MS);
    expect(said).toEqual(['c']);
  });

  it('says nothing once cancelled', () => {
    fling(['a']);
    announcements.cancel();
    vi.advanceTimersByTime(SETTLE_MS * 2);
    expect(said).toEqual([]);
  });
});
