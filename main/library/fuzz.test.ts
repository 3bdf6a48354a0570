/**
 * Property-based fuzzing of every contract method through createHandlers, as a compromised
 * renderer would call them: no throw escapes, every answer is a Result, bad input is never
 * `internal`, nothing is polluted, and the library still opens clean afterwards.
 */
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_METHODS, type ApiMethod, type Result } from '../../preload/api';
import { type KnownIds, hostileValue, mutatedArguments } from './fuzz-arbitraries';
import { type ApiHandlers, createHandlers } from './handlers';
import { type Library, openLibrary } from './library';

const ERROR_CODES = new Set([
  'invalid-argument',
  'not-found',
  'empty',
  'binary',
  'too-large',
  'bad-encoding',
  'unsupported-type',
  'unreadable',
  'duplicate',
  'stale',
  'disallowed-url',
  'io',
  'disk-full',
  'read-only',
]);
// 2 properties x 20 methods x 100 = 4,000 calls (~8 s); FUZZ_RUNS raises it for a longer hunt.
const RUNS_PER_PROPERTY = Number(process.env.FUZZ_RUNS ?? 100);
const platform = {
  chooseFilesToImport: async () => null,
  chooseExportFolder: async () => null,
  chooseFileToUpdate: async () => null,
  openExternal: async () => undefined,
};

let root: string;
let library: Library;
let handlers: ApiHandlers;
let ids: KnownIds;
const unexpected: string[] = [];
let calls = 0;

beforeAll(async () => {
  root = await fs.mkdtemp(path.join(os.tmpdir(), 'lectern-fuzz-'));
  library = await openLibrary({ root });
  handlers = createHandlers(library, platform, (message, error) =>
    unexpected.push(`${message}: ${String(error)}`),
  );
  const text =
    '---\ntitle: War and Peace\nauthor: Leo Tolstoy\n---\n\nWell, Prince, so Genoa and Lucca are now just family estates of the Buonapartes.\n';
  const report = must(
    await handlers.importFiles([{ name: 'war.md', bytes: new TextEncoder().encode(text) }]),
  );
  const outcome = report.outcomes[0];
  if (outcome?.status !== 'imported') throw new Error('could not import the fuzz document');
  const { id, textVersion } = outcome.document;
  const quote = { type: 'TextQuoteSelector' as const, exact: 'Prince', prefix: 'Well, ', suffix: ', so' };
  const position = { type: 'TextPositionSelector' as const, start: 6, end: 12 };
  const highlight = must(
    await handlers.addHighlight(id, { color: 'yellow', quote, position, anchoredVersion: textVersion }),
  );
  ids = { documentId: id, highlightId: highlight.id, textVersion };
});

afterAll(async () => {
  await library.close();
  await fs.rm(root, { recursive: true, force: true });
  console.log(`fuzz: ${calls} calls over ${API_METHODS.length} contract methods`);
});

function must<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.code}: ${result.message}`);
  return result.value;
}

/** Calls `method` and asserts what every answer must be; a rejection fails the property. */
async function callAndCheck(method: ApiMethod, args: unknown[]): Promise<void> {
  calls += 1;
  const answer: unknown = await handlers[method](...args);
  expect(answer, `${method} answers an object`).toBeTypeOf('object');
  const result = answer as Result<unknown>;
  if (result.ok === true) {
    expect(Object.keys(result).toSorted()).toEqual(['ok', 'value']);
    return;
  }
  expect(result.ok, `${method} answers ok: true or false`).toBe(false);
  expect(result.message).toBeTypeOf('string');
  // Bad input is the caller's fault: invalid-argument or not-found, never a crash inside the core.
  expect(ERROR_CODES, `${method} answered ${result.code}: ${result.message}`).toContain(result.code);
}

describe.each(API_METHODS.map((method) => [method]))('%s under fuzzing', (method) => {
  it('answers a Result to any arguments at all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(hostileValue, { maxLength: 4 }), (args) => callAndCheck(method, args)),
      { numRuns: RUNS_PER_PROPERTY },
    );
    expect(unexpected).toEqual([]);
  });

  it('answers a Result to valid arguments with one hostile change', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedArguments(method, ids), (args) => callAndCheck(method, args)),
      { numRuns: RUNS_PER_PROPERTY },
    );
    expect(unexpected).toEqual([]);
  });
});

/** Calls `method` and prints how long the answer took (a figure, not an assertion: no wall clock in unit tests). */
async function timed(method: ApiMethod, args: unknown[]): Promise<Result<unknown>> {
  const started = performance.now();
  const result = (await handlers[method](...args)) as Result<unknown>;
  const answer = result.ok ? 'ok' : result.code;
  console.log(
    `fuzz: ${method} with a huge payload answered ${answer} in ${(performance.now() - started).toFixed(0)} ms`,
  );
  return result;
}

describe('payloads of the wrong shape and a huge size (issue 8 item 12)', () => {
  // KNOWN (issue 8 item 12): today zod walks all 10 M bytes (27 s on the shared 2-core box) before
  // refusing, blocking main; the lead is adding payload caps. LECTERN_KNOWN_FAILURES=1 runs it.
  const known = process.env.LECTERN_KNOWN_FAILURES !== '1';
  it.skipIf(known)(
    'KNOWN issue 8 item 12: refuses a 10 MB typed array where an object is expected',
    { timeout: 60_000 },
    async () => {
      const result = await timed('saveReadingPosition', [ids.documentId, new Uint8Array(10 * 1024 * 1024)]);
      expect(result).toMatchObject({ ok: false, code: 'invalid-argument' });
    },
  );

  it('refuses 100,000 invalid anchor updates', { timeout: 20_000 }, async () => {
    const updates = Array.from({ length: 100_000 }, (_, index) => ({ id: index, unplaced: 'no' }));
    const result = await timed('saveAnchors', [ids.documentId, updates]);
    expect(result).toMatchObject({ ok: false, code: 'invalid-argument' });
  });

  it('refuses 100,000 files to import', { timeout: 20_000 }, async () => {
    const files = Array.from({ length: 100_000 }, () => ({ name: 7, bytes: 'x' }));
    const result = await timed('importFiles', [files]);
    expect(result).toMatchObject({ ok: false, code: 'invalid-argument' });
  });

  it('refuses arguments nested 100,000 deep', { timeout: 20_000 }, async () => {
    let nested: unknown = {};
    for (let level = 0; level < 100_000; level++) nested = { position: nested };
    const result = await timed('saveReadingPosition', [ids.documentId, nested]);
    expect(result).toMatchObject({ ok: false, code: 'invalid-argument' });
  });
});

describe('after the fuzzing', () => {
  it('left no prototype polluted', () => {
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });

  it('the library reopens without notices and lists its documents', async () => {
    await library.close();
    library = await openLibrary({ root });
    handlers = createHandlers(library, platform);
    const info = must(await handlers.getLibraryInfo());
    expect(info.notices).toEqual([]);
    const kept = must(await handlers.listDocuments()).length + must(await handlers.listTrash()).length;
    expect(kept).toBeGreaterThan(0);
    expect(must(await handlers.getSettings()).fontSize).toBeGreaterThanOrEqual(14);
  });
});
