import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type Settled, failureOf } from '../app/calls';
import { Autosave, type SaveStatus } from './autosave';

const ok: Settled<null> = { ok: true, value: null };

function setup(answers: Settled<null>[] = []) {
  const saved: string[] = [];
  const statuses: SaveStatus[] = [];
  const autosave = new Autosave('Well, Prince', {
    save: async (text) => {
      saved.push(text);
      return answers.shift() ?? ok;
    },
    onStatus: (status) => statuses.push(status),
    delayMs: 400,
  });
  return { autosave, saved, statuses };
}

describe('autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('saves the latest text once typing pauses, not every keystroke', async () => {
    const { autosave, saved, statuses } = setup();
    for (const text of ['Well, Prince,', 'Well, Prince, so', 'Well, Prince, so Genoa']) {
      autosave.edit(text);
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(saved).toEqual(['Well, Prince, so Genoa']);
    expect(statuses).toEqual(['pending', 'saving', 'saved']);
  });

  it('keeps the text when a save fails, and saves it on retry', async () => {
    const { autosave, saved, statuses } = setup([failureOf('saveNote', 'disk-full', 'The disk is full')]);
    autosave.edit('and Lucca are now');
    await vi.advanceTimersByTimeAsync(400);
    expect(statuses.at(-1)).toBe('failed');
    expect(autosave.text).toBe('and Lucca are now');
    expect(autosave.hasUnsaved).toBe(true);
    expect(await autosave.retry()).toBe(true);
    expect(saved).toEqual(['and Lucca are now', 'and Lucca are now']);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('flushes pending text at once, and saves text typed during a save afterwards', async () => {
    const { autosave, saved } = setup();
    autosave.edit('estates of the Buonaparte family');
    const flushing = autosave.flush();
    autosave.edit('estates of the Buonaparte family. No,');
    expect(await flushing).toBe(false);
    await vi.advanceTimersByTimeAsync(400);
    expect(saved).toEqual(['estates of the Buonaparte family', 'estates of the Buonaparte family. No,']);
    expect(autosave.hasUnsaved).toBe(false);
  });

  it('does not save when the text is back to what is saved', async () => {
    const { autosave, saved } = setup();
    autosave.edit('Well, Prince!');
    autosave.edit('Well, Prince');
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual([]);
  });
});

describe('autosave echoes', () => {
  it('knows its own saved and sent texts, and no other', async () => {
    vi.useFakeTimers();
    const { autosave } = setup();
    autosave.edit('Well, Prince, so Genoa');
    await vi.advanceTimersByTimeAsync(400);
    autosave.edit('Well, Prince, so Genoa and Lucca');
    expect(autosave.knows('Well, Prince, so Genoa')).toBe(true);
    expect(autosave.knows('Well, Prince, so Genoa and Lucca')).toBe(true);
    expect(autosave.knows('A different note altogether')).toBe(false);
    vi.useRealTimers();
  });
});
