import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, bytes } from '../test-support';
import { convertFile, recordedMetadata } from './convert';
import { EMPTY_METADATA } from './web/converted-document';

const fixture = (...segments: string[]) => fs.readFileSync(path.join(REPO_ROOT, 'e2e/fixtures', ...segments));

describe('convertFile', () => {
  it('reads markdown and text as before, with no pictures or metadata', () => {
    const markdown = convertFile(
      'essay.md',
      bytes('# An Essay\n\nOf <b>bold</b> words, and a ![cat](cat.png).'),
    );
    if (!('id' in markdown)) throw new Error(markdown.message);
    expect(markdown.title).toBe('An Essay');
    expect(markdown.assets).toEqual([]);
    expect(markdown.metadata).toEqual(EMPTY_METADATA);
    const text = convertFile('notes.txt', bytes('<html><body>Not a page</body></html>'));
    if (!('id' in text)) throw new Error(text.message);
    // A .txt file that holds markup is text: the dispatch goes by the file's format, not its bytes.
    expect(text.markdown).toContain('Not a page');
  });

  it('converts a saved page rather than importing its markup as markdown', () => {
    const converted = convertFile('data-url-image.html', fixture('web-pages/data-url-image/source.html'));
    if (!('id' in converted)) throw new Error(converted.message);
    expect(converted.markdown).not.toContain('<img');
    expect(converted.markdown).not.toContain('data:image');
    expect(converted.assets.length).toBeGreaterThan(0);
    for (const asset of converted.assets) expect(converted.markdown).toContain(`](assets/${asset.name})`);
  });

  it('converts an EPUB rather than refusing it as binary', () => {
    const converted = convertFile('wasteland.epub', fixture('epub/wasteland.epub'));
    if (!('id' in converted)) throw new Error(converted.message);
    expect(converted.title).toMatch(/Waste Land/i);
    expect(converted.toc.length).toBeGreaterThan(3);
  });

  it('refuses a bad book and a page that is no page, by name', () => {
    const notZip = convertFile('broken.epub', bytes('this is plain text in disguise'));
    expect(notZip).toMatchObject({ ok: false, code: 'unreadable' });
    if ('ok' in notZip) expect(notZip.message).toContain('“broken.epub”');
    expect(convertFile('binary.html', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2]))).toMatchObject({
      ok: false,
      code: 'binary',
    });
    expect(convertFile('slides.pptx', bytes('x'))).toMatchObject({ ok: false, code: 'unsupported-type' });
  });
});

describe('recordedMetadata', () => {
  it('keeps what the source says, checked, and drops the rest', () => {
    expect(
      recordedMetadata({
        ...EMPTY_METADATA,
        language: 'ar_EG',
        dir: 'rtl',
        siteName: '  الجزيرة  ',
        publishedTime: '2012',
        sourceUrl: 'https://example.org/a',
      }),
    ).toEqual({
      language: 'ar-EG',
      dir: 'rtl',
      siteName: 'الجزيرة',
      publishedTime: '2012',
      sourceUrl: 'https://example.org/a',
    });
    expect(
      recordedMetadata({
        ...EMPTY_METADATA,
        language: 'en" onload="x',
        publisher: 'Hachette Antoine',
        sourceUrl: 'javascript:alert(1)',
        publishedTime: '   ',
      }),
    ).toEqual({ siteName: 'Hachette Antoine' });
    expect(recordedMetadata(EMPTY_METADATA)).toEqual({});
  });
});
