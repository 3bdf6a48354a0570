import { describe, expect, it } from 'vitest';
import type { ImportOutcome, ImportProgress } from '../../../preload/api';
import { type BatchItem, ImportBatches, LOOKAHEAD } from './import-batches';

interface Trace {
  events: string[];
  progress: ImportProgress[];
}

function items(names: string[], trace: Trace, onStore?: (name: string) => void): BatchItem<string>[] {
  return names.map((name) => ({
    name,
    prepare: async () => {
      trace.events.push(`prepare ${name}`);
      await new Promise((resolve) => setTimeout(resolve, 1));
      return name.toUpperCase();
    },
    store: async (prepared): Promise<ImportOutcome> => {
      trace.events.push(`store ${name}`);
      onStore?.(name);
      return { file: name, status: 'refused', code: 'empty', message: prepared };
    },
  }));
}

describe('ImportBatches', () => {
  it('stores in order, converts ahead by LOOKAHEAD, and announces every file', async () => {
    const batches = new ImportBatches();
    const trace: Trace = { events: [], progress: [] };
    batches.subscribe((progress) => trace.progress.push(progress));
    const names = Array.from({ length: 8 }, (_, i) => `f${i}.md`);
    const report = await batches.run(items(names, trace));
    expect(report.outcomes.map((o) => o.file)).toEqual(names);
    expect(report.outcomes.map((o) => (o.status === 'refused' ? o.message : ''))).toEqual(
      names.map((n) => n.toUpperCase()),
    );
    const stores = trace.events.filter((e) => e.startsWith('store'));
    expect(stores).toEqual(names.map((n) => `store ${n}`));
    // Before the first store, the first LOOKAHEAD + 1 files were already being converted.
    expect(trace.events.indexOf('store f0.md')).toBe(LOOKAHEAD + 1);
    expect(trace.progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(trace.progress.at(0)).toMatchObject({ total: 8, current: 'f0.md', finished: false });
    expect(trace.progress.at(-1)).toMatchObject({ done: 8, current: null, finished: true });
    expect(new Set(trace.progress.map((p) => p.batchId)).size).toBe(1);
  });

  it('stops before the next file when cancelled, reporting the rest as cancelled', async () => {
    const batches = new ImportBatches();
    const trace: Trace = { events: [], progress: [] };
    let batchId = '';
    batches.subscribe((progress) => {
      batchId = progress.batchId;
      trace.progress.push(progress);
    });
    const names = ['a.md', 'b.md', 'c.md', 'd.md', 'e.md'];
    const report = await batches.run(
      items(names, trace, (name) => {
        if (name === 'b.md') expect(batches.cancel(batchId)).toBe(true);
      }),
    );
    expect(report.outcomes.map((o) => o.status)).toEqual([
      'refused',
      'refused',
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
    expect(trace.events.filter((e) => e.startsWith('store'))).toEqual(['store a.md', 'store b.md']);
    expect(trace.progress.at(-1)).toMatchObject({ finished: true, done: 5, current: null });
    expect(batches.cancel(batchId)).toBe(false);
  });

  it('answers an empty batch at once, finished', async () => {
    const batches = new ImportBatches();
    const progress: ImportProgress[] = [];
    batches.subscribe((p) => progress.push(p));
    expect(await batches.run([])).toEqual({ outcomes: [] });
    expect(progress).toEqual([expect.objectContaining({ total: 0, done: 0, finished: true })]);
  });

  it('does not know a batch id it never ran', () => {
    expect(new ImportBatches().cancel('0123456789abcdef')).toBe(false);
  });
});
