import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { splitIntoChunks } from './chunks';
import { parseChunk } from './markdown';
import { CHUNK_BUDGET_MS, ParseClient, STARTUP_BUDGET_MS, type ParseWorkerPort } from './parse-client';
import type { ChunkOutcome, FromParseWorker, ToParseWorker } from './parse-protocol';

/** A worker run by hand: `step()` parses the next chunk, unless that chunk is one that "hangs". */
class FakeWorker implements ParseWorkerPort {
  terminated = false;
  private listeners: ((event: MessageEvent<FromParseWorker>) => void)[] = [];
  private work: FromParseWorker[] = [];
  constructor(private readonly hangsOn: (markdown: string) => boolean) {}
  postMessage(message: ToParseWorker): void {
    for (const job of message.jobs) {
      const chunks = splitIntoChunks(job.markdown);
      for (let index = job.from; index < Math.min(job.to, chunks.length); index++) {
        const markdown = chunks[index] ?? '';
        if (this.hangsOn(markdown)) return; // Never answers again, like a worker stuck in marked.
        this.work.push({ type: 'chunk', id: job.id, index, outcome: parseChunk(markdown) });
      }
      this.work.push({ type: 'job-done', id: job.id });
    }
  }
  terminate(): void {
    this.terminated = true;
  }
  addEventListener(type: string, listener: (event: MessageEvent<FromParseWorker>) => void): void {
    if (type === 'message') this.listeners.push(listener);
  }
  /** Delivers everything parsed so far. */
  flush(): void {
    for (const message of this.work.splice(0)) {
      for (const listener of this.listeners) listener({ data: message } as MessageEvent<FromParseWorker>);
    }
  }
}

const paragraph = (n: number) => `Paragraph ${n}: the boats came in at dusk, and nobody spoke of the storm.`;
const hangs = (markdown: string) => markdown.includes('HANG');

/** A section of 40 chunks (6,000 characters each, more or less). */
const longSection = Array.from({ length: 2000 }, (_, i) => paragraph(i)).join('\n\n');

describe('ParseClient', () => {
  let workers: FakeWorker[];
  let client: ParseClient;
  beforeEach(() => {
    vi.useFakeTimers();
    workers = [];
    client = new ParseClient(() => {
      const worker = new FakeWorker(hangs);
      workers.push(worker);
      return worker;
    });
  });
  afterEach(() => vi.useRealTimers());

  function collect(markdown: string, urgent = false, from = 0, to = Infinity) {
    const outcomes = new Map<number, ChunkOutcome>();
    client.parse({ markdown, from, to, onChunk: (index, outcome) => outcomes.set(index, outcome) }, urgent);
    return outcomes;
  }

  it('gives every chunk of a long section its HTML, in order', () => {
    const outcomes = collect(longSection);
    workers[0]?.flush();
    const chunks = splitIntoChunks(longSection);
    expect(chunks.length).toBeGreaterThan(20);
    expect([...outcomes.keys()]).toEqual(chunks.map((_, i) => i));
    expect(outcomes.get(7)).toEqual({
      ok: true,
      html: expect.stringContaining(chunks[7]?.split('\n\n')[0] ?? '?'),
    });
  });

  it('terminates a worker stuck on a chunk, fails that chunk only, and parses the rest in a new one', () => {
    const chunks = splitIntoChunks(longSection);
    const poisoned = [...chunks.slice(0, 5), `HANG ${'_a'.repeat(3000)}\n\n`, ...chunks.slice(5)].join('');
    const outcomes = collect(poisoned);
    workers[0]?.flush();
    expect(outcomes.size).toBe(5);
    vi.advanceTimersByTime(CHUNK_BUDGET_MS - 1);
    expect(workers[0]?.terminated).toBe(false);
    vi.advanceTimersByTime(1);
    expect(workers[0]?.terminated).toBe(true);
    expect(outcomes.get(5)).toMatchObject({ ok: false, code: 'timeout' });
    workers[1]?.flush();
    expect(outcomes.size).toBe(splitIntoChunks(poisoned).length);
    expect(outcomes.get(6)?.ok).toBe(true);
  });

  it('gives a fresh worker time to start before its first chunk counts as stuck', () => {
    const outcomes = collect('HANG');
    vi.advanceTimersByTime(CHUNK_BUDGET_MS);
    expect(outcomes.size).toBe(0);
    vi.advanceTimersByTime(STARTUP_BUDGET_MS);
    expect(outcomes.get(0)).toMatchObject({ ok: false, code: 'timeout' });
  });

  it('sends urgent requests before waiting background ones', () => {
    const order: string[] = [];
    const request = (name: string, urgent: boolean) =>
      client.parse({ markdown: name, from: 0, to: 1, onChunk: () => order.push(name) }, urgent);
    request('first', false); // In flight at once.
    request('background', false);
    const later = request('later', false);
    request('urgent', true);
    later.promote();
    for (let i = 0; i < 4; i++) workers[0]?.flush();
    expect(order).toEqual(['first', 'urgent', 'later', 'background']);
  });

  it('drops the outcomes of a cancelled request', () => {
    client.parse({ markdown: 'first', from: 0, to: 1, onChunk: () => {} }, false);
    const outcomes = new Map<number, ChunkOutcome>();
    const handle = client.parse(
      { markdown: 'second', from: 0, to: 1, onChunk: (i, o) => outcomes.set(i, o) },
      false,
    );
    handle.cancel();
    workers[0]?.flush();
    workers[0]?.flush();
    expect(outcomes.size).toBe(0);
  });
});

describe('parseChunk', () => {
  it('formats prose', () => {
    expect(parseChunk('The *boats* came in.')).toEqual({
      ok: true,
      html: '<p>The <em>boats</em> came in.</p>\n',
    });
  });

  it.each([
    ['a quote nested 3,000 deep', '>'.repeat(3000)],
    ['100,000 html blocks', '<div>'.repeat(100_000)],
    ['a 300 KB paragraph', 'The boats came in at dusk. '.repeat(12_000)],
  ])('refuses %s with a reason instead of throwing', (_, markdown) => {
    const outcome = parseChunk(markdown);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(['parse-error', 'too-complex', 'too-large']).toContain(outcome.code);
  });
});
