import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConversionJob } from './conversion';
import { warmUp, warmUpJobs } from './warm-up';
import { DEFAULT_YOUNG_GENERATION_MB, WorkerConverter } from './worker-converter';

// A stand-in for main/convert-worker.ts that behaves as the file name asks: the pool is what is tested.
const SCRIPT = `
import { parentPort, resourceLimits, threadId } from 'node:worker_threads';
let received = 0;
parentPort.on('message', (job) => {
  received += 1;
  if (job === 'warm-up') return parentPort.postMessage({ warmed: true });
  if (job.fileName === 'limits.html') return parentPort.postMessage({ message: JSON.stringify(resourceLimits) });
  const text = new TextDecoder().decode(job.bytes);
  if (job.fileName === 'hang.html') for (;;) {}
  if (job.fileName === 'crash.html') throw new Error('converter bug');
  if (job.fileName === 'exit.html') process.exit(3);
  if (job.fileName === 'oom.html') { const a = []; for (;;) a.push(new Array(1e6).fill(Math.random())); }
  parentPort.postMessage({ ok: false, code: 'empty', message: job.fileName + ':' + text + ':' + threadId + ':' + received });
});
`;

let dir: string;
let script: string;
let pool: WorkerConverter | null = null;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-pool-'));
  script = join(dir, 'worker.mjs');
  await writeFile(script, SCRIPT);
});

afterEach(async () => {
  await pool?.close();
  pool = null;
  await rm(dir, { recursive: true, force: true });
});

const job = (fileName: string, text = 'x'): ConversionJob => ({
  fileName,
  bytes: new TextEncoder().encode(text),
  pagePath: null,
});
const messageOf = (result: unknown) => (result as { message: string }).message;

describe('WorkerConverter', () => {
  it('answers every job with its own result, in parallel workers', async () => {
    pool = new WorkerConverter(script, { size: 2 });
    const results = await Promise.all(
      ['a', 'b', 'c', 'd', 'e'].map((n) => pool!.convert(job(`${n}.html`, n))),
    );
    expect(results.map((r) => messageOf(r).split(':').slice(0, 2).join(':'))).toEqual([
      'a.html:a',
      'b.html:b',
      'c.html:c',
      'd.html:d',
      'e.html:e',
    ]);
    const threads = new Set(results.map((r) => messageOf(r).split(':')[2]));
    expect(threads.size).toBe(2);
  });

  it('stops a conversion that overruns its time, refuses that file, and goes on with a new worker', async () => {
    pool = new WorkerConverter(script, { size: 1, timeoutMs: 300 });
    const [hung, next] = await Promise.all([pool.convert(job('hang.html')), pool.convert(job('after.html'))]);
    expect(hung).toMatchObject({ ok: false, code: 'unreadable' });
    expect(messageOf(hung)).toMatch(/“hang\.html” took more than 1 s to convert/);
    expect(messageOf(next)).toMatch(/^after\.html:x/);
  });

  it('refuses the file whose conversion crashed or exited, and keeps serving the others', async () => {
    pool = new WorkerConverter(script, { size: 1 });
    const crash = await pool.convert(job('crash.html'));
    expect(crash).toMatchObject({ ok: false, code: 'internal' });
    expect(messageOf(crash)).toMatch(/“crash\.html” could not be converted \(converter bug\)/);
    const exit = await pool.convert(job('exit.html'));
    expect(messageOf(exit)).toMatch(/“exit\.html” could not be converted/);
    expect(messageOf(await pool.convert(job('fine.html')))).toMatch(/^fine\.html/);
  });

  it('refuses a file that needs more memory than a worker may have', async () => {
    pool = new WorkerConverter(script, { size: 1, heapMb: 32 });
    const result = await pool.convert(job('oom.html'));
    expect(result).toMatchObject({ ok: false, code: 'too-large' });
    expect(messageOf(await pool.convert(job('fine.html')))).toMatch(/^fine\.html/);
  }, 20_000);

  it('gives each worker the heap and young generation asked for, and a larger young generation by default', async () => {
    pool = new WorkerConverter(script, { size: 1, heapMb: 300, youngGenerationMb: 48 });
    const limits = JSON.parse(messageOf(await pool.convert(job('limits.html'))));
    expect(limits).toMatchObject({ maxOldGenerationSizeMb: 300, maxYoungGenerationSizeMb: 48 });
    await pool.close();
    pool = new WorkerConverter(script, { size: 1 });
    const defaults = JSON.parse(messageOf(await pool.convert(job('limits.html'))));
    expect(defaults.maxYoungGenerationSizeMb).toBe(DEFAULT_YOUNG_GENERATION_MB);
  });

  it('refuses queued and running jobs on close, and anything asked after it', async () => {
    pool = new WorkerConverter(script, { size: 1, timeoutMs: 60_000 });
    const running = pool.convert(job('hang.html'));
    const queued = pool.convert(job('later.html'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await pool.close();
    expect(messageOf(await running)).toMatch(/closing/);
    expect(messageOf(await queued)).toMatch(/closing/);
    expect(messageOf(await pool.convert(job('late.html')))).toMatch(/closing/);
  });

  it('moves the bytes of a job handed over to the worker, and copies those of any other', async () => {
    pool = new WorkerConverter(script, { size: 1 });
    const kept = job('kept.html', 'kept text');
    expect(messageOf(await pool.convert(kept))).toMatch(/^kept\.html:kept text/);
    expect(new TextDecoder().decode(kept.bytes)).toBe('kept text');
    const given = { ...job('given.html', 'given text'), handOver: true };
    expect(messageOf(await pool.convert(given))).toMatch(/^given\.html:given text/);
    expect(given.bytes.byteLength).toBe(0);
    // A Buffer cut from Node's shared pool is copied even when handed over: moving it would empty its neighbours.
    const pooled = {
      fileName: 'pooled.html',
      bytes: Buffer.from('pooled text'),
      pagePath: null,
      handOver: true,
    };
    expect(messageOf(await pool.convert(pooled))).toMatch(/^pooled\.html:pooled text/);
    expect(pooled.bytes.toString()).toBe('pooled text');
  });

  it('warms one worker when asked, which then converts the files; once, and never over queued files', async () => {
    pool = new WorkerConverter(script, { size: 2 });
    await pool.warm();
    await pool.warm();
    // The warmed worker's second message: the warm-up was its first, the second warm() sent nothing.
    const first = messageOf(await pool.convert(job('a.html', 'a'))).split(':');
    expect([first[0], first[3]]).toEqual(['a.html', '2']);
    const fresh = new WorkerConverter(script, { size: 1 });
    try {
      const queued = fresh.convert(job('b.html', 'b'));
      await fresh.warm();
      expect(messageOf(await queued).split(':')[3]).toBe('1');
      expect(messageOf(await fresh.convert(job('c.html'))).split(':')[3]).toBe('2');
      await fresh.close();
      await fresh.warm();
      expect(messageOf(await fresh.convert(job('c.html')))).toMatch(/closing/);
    } finally {
      await fresh.close();
    }
  });

  it('stops a worker left idle, and converts the next file in a new one', async () => {
    pool = new WorkerConverter(script, { size: 1, idleMs: 200 });
    const first = messageOf(await pool.convert(job('a.html'))).split(':');
    const second = messageOf(await pool.convert(job('b.html'))).split(':');
    expect(second[2]).toBe(first[2]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const third = messageOf(await pool.convert(job('c.html'))).split(':');
    expect(third[2]).not.toBe(first[2]);
    expect(third[3]).toBe('1');
    // A warm() while idle keeps the worker: its retirement starts over.
    await pool.close();
    pool = new WorkerConverter(script, { size: 1, idleMs: 400 });
    const kept = messageOf(await pool.convert(job('d.html'))).split(':')[2];
    for (let i = 0; i < 6; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      await pool.warm();
    }
    expect(messageOf(await pool.convert(job('e.html'))).split(':')[2]).toBe(kept);
  });

  it('warms up with a real converter: each sample converts', async () => {
    expect(warmUpJobs().map((j) => j.fileName)).toHaveLength(4);
    expect(warmUp()).toBe(4);
  });

  it('refuses every job when the worker script cannot start', async () => {
    pool = new WorkerConverter(join(dir, 'missing.mjs'), { size: 1 });
    await pool.warm();
    const result = await pool.convert(job('a.html'));
    expect(result).toMatchObject({ ok: false, code: 'internal' });
  });
});
