import { describe, expect, it } from 'vitest';
import { QueryQuiet, type QuietClock } from './query-quiet';

/** A clock that moves only when slept on, and records each wait. */
function fakeClock(): QuietClock & { at: number; waits: number[]; onSleep?: () => void } {
  const clock = {
    at: 1000,
    waits: [] as number[],
    onSleep: undefined as (() => void) | undefined,
    now: () => clock.at,
    sleep: async (ms: number) => {
      clock.waits.push(ms);
      clock.at += ms;
      clock.onSleep?.();
    },
  };
  return clock;
}

describe('QueryQuiet', () => {
  it('lets background work go at once when no query was answered', async () => {
    const clock = fakeClock();
    await new QueryQuiet(300, clock).quiet();
    expect(clock.waits).toEqual([]);
  });

  it('holds background work until the quiet period after the last query has passed', async () => {
    const clock = fakeClock();
    const quiet = new QueryQuiet(300, clock);
    quiet.touch();
    clock.at += 100;
    await quiet.quiet();
    expect(clock.waits).toEqual([200]);
    expect(clock.at).toBe(1300);
  });

  it('waits again when another query comes while it waits', async () => {
    const clock = fakeClock();
    const quiet = new QueryQuiet(300, clock);
    quiet.touch();
    // A keystroke's query is answered during the first wait.
    clock.onSleep = () => {
      clock.onSleep = undefined;
      quiet.touch();
    };
    await quiet.quiet();
    expect(clock.waits).toEqual([300, 300]);
  });
});
