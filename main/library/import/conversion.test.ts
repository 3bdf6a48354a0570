import fs from 'node:fs';
import path from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildOutline } from '../documents/outline';
import { REPO_ROOT, WAR_AND_PEACE, bytes } from '../test-support';
import { convertJob, resultTransfers, transferableBuffers } from './conversion';
import { convertFile } from './convert';

const job = (fileName: string, content: Uint8Array) => ({ fileName, bytes: content, pagePath: null });

/** convertJob's answer must be convertFile's document with its markdown as the file's bytes. */
function expectSameDocument(fileName: string, content: Uint8Array): void {
  const whole = convertFile(fileName, content);
  const stored = convertJob(job(fileName, content));
  if (!('id' in whole) || !('id' in stored)) {
    expect(stored).toEqual(whole);
    return;
  }
  const { markdown, ...rest } = whole;
  const { body, outline, ...storedRest } = stored;
  // The document file was written with Buffer.from(markdown) before the body crossed as bytes.
  expect(Buffer.compare(Buffer.from(body), Buffer.from(markdown, 'utf8'))).toBe(0);
  expect(outline).toEqual(buildOutline(markdown, whole.contentHash));
  expect(storedRest).toEqual(rest);
}

describe('convertJob', () => {
  it('answers any markdown or text as the bytes of the file the markdown made, with its outline', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'é', '\n', '#', ' ', '𝄞', '\uFFFD', '*', '\r') });
    fc.assert(
      fc.property(text, fc.constantFrom('book.md', 'book.txt'), (content, name) => {
        expectSameDocument(name, bytes(content));
      }),
    );
  });

  it('keeps a whole book and a saved page byte for byte', () => {
    expectSameDocument('war-and-peace.txt', fs.readFileSync(WAR_AND_PEACE));
    const page = path.join(REPO_ROOT, 'e2e/fixtures/web-pages/data-url-image/source.html');
    expectSameDocument('page.html', fs.readFileSync(page));
  });

  it('moves the body and the pictures of a document, nothing of a refusal', () => {
    const book = convertJob(job('war-and-peace.txt', fs.readFileSync(WAR_AND_PEACE)));
    if (!('id' in book)) throw new Error(book.message);
    expect(resultTransfers(book)).toEqual([book.body.buffer]);
    const page = path.join(REPO_ROOT, 'e2e/fixtures/web-pages/data-url-image/source.html');
    const converted = convertJob(job('page.html', fs.readFileSync(page)));
    if (!('id' in converted)) throw new Error(converted.message);
    // A small body is cut from Node's shared pool: copied, not moved; the pictures have their own buffers.
    expect(resultTransfers(converted)).toEqual(converted.assets.map((asset) => asset.bytes.buffer));
    expect(converted.assets.length).toBeGreaterThan(0);
    expect(resultTransfers(convertJob(job('empty.md', bytes('   '))))).toEqual([]);
  });
});

describe('transferableBuffers', () => {
  it('moves only views that are a whole buffer of their own, each buffer once', () => {
    const own = new Uint8Array(64);
    const pooled = Buffer.from('a few bytes cut from the shared pool');
    expect(pooled.byteLength).toBeLessThan(pooled.buffer.byteLength);
    const shared = new Uint8Array(new SharedArrayBuffer(8));
    const moved = transferableBuffers([own, pooled, own.subarray(1), shared, new Uint8Array(0), own]);
    expect(moved).toEqual([own.buffer]);
  });
});
