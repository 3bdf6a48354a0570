import { describe, expect, it } from 'vitest';
import { EMPTY_METADATA, finishConvertedDocument, imageAsset, sniffImageType } from './converted-document';
import { tokenAgreement, textTokens } from './token-agreement';

const encode = (text: string) => new TextEncoder().encode(text);

describe('pictures are trusted by their bytes', () => {
  it('knows PNG, JPEG, GIF and WebP, and nothing that can carry script', () => {
    expect(sniffImageType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe(
      'image/png',
    );
    expect(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffImageType(encode('GIF89a....'))).toBe('image/gif');
    expect(sniffImageType(encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    for (const text of ['<svg onload="alert(1)"/>', '<html><script>', '%PDF-1.7', ''])
      expect(sniffImageType(encode(text)), text).toBeNull();
  });

  it('names an asset by its content, so the same picture twice is one file', () => {
    const gif = encode('GIF89a same bytes');
    expect(imageAsset(gif)?.name).toBe(imageAsset(gif.slice())?.name);
    expect(imageAsset(gif)?.name).toMatch(/^[0-9a-f]{20}\.gif$/);
    expect(imageAsset(encode('GIF89a other bytes'))?.name).not.toBe(imageAsset(gif)?.name);
  });
});

describe('a finished document', () => {
  const parts = {
    markdown: '# Loomings\n\nCall me *Ishmael*. Some years ago.\n\n```js\nconst words = 99;\n```\n',
    title: 'Moby-Dick',
    author: 'Herman Melville',
    assets: [],
    metadata: EMPTY_METADATA,
  };

  it('has an id from its content: the same text, the same id; other pictures, another id', () => {
    const first = finishConvertedDocument(parts);
    expect(finishConvertedDocument(parts).id).toBe(first.id);
    const withPicture = finishConvertedDocument({
      ...parts,
      assets: [{ name: 'abc.png', bytes: new Uint8Array(), mediaType: 'image/png' }],
    });
    expect(withPicture.id).not.toBe(first.id);
  });

  it('counts the words of its prose (not of headings or code) and takes its excerpt from the source’s summary', () => {
    const document = finishConvertedDocument(parts);
    expect(document.wordCount).toBe(6);
    expect(document.excerpt).toBe('Call me Ishmael. Some years ago.');
    const book = finishConvertedDocument({
      ...parts,
      markdown: '1.  [Loomings](#ch-1)\n2.  [The Carpet-Bag](#ch-2)\n\nCall me Ishmael.',
    });
    expect(book.excerpt).toBe('Call me Ishmael.');
    expect(book.wordCount).toBe(6);
    const summarised = finishConvertedDocument({
      ...parts,
      metadata: { ...EMPTY_METADATA, excerpt: 'A whale.' },
    });
    expect(summarised.excerpt).toBe('A whale.');
  });
});

describe('token agreement', () => {
  it('is 1 for the same words in any order, 0 for none in common, and counts repeats', () => {
    expect(tokenAgreement(textTokens('Call me Ishmael.'), textTokens('ishmael, call ME'))).toBe(1);
    expect(tokenAgreement(textTokens('Call me Ishmael'), textTokens('Queequeg'))).toBe(0);
    expect(tokenAgreement(textTokens('the the the whale'), textTokens('the whale'))).toBeCloseTo(4 / 6);
    expect(textTokens('Ahab’s 2nd ship — «Pequod»')).toEqual(['ahab', 's', '2nd', 'ship', 'pequod']);
  });
});
