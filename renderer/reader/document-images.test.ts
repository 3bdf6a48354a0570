import { describe, expect, it } from 'vitest';
import { assetUrl, assetUrlBase, documentImageSrc, isDocumentImageSrc } from './document-images';

const APP = 'lectern://asset/';
const DOC = '0123456789abcdef';
const OTHER = 'fedcba9876543210';
const NAME = '3f2a9c0b1d4e5f6a7b8c.png';

describe('assetUrlBase', () => {
  it('is the app scheme in the app and the page origin in the browser harness', () => {
    expect(assetUrlBase({ protocol: 'lectern:', origin: 'lectern://app' })).toBe(APP);
    expect(assetUrlBase({ protocol: 'http:', origin: 'http://127.0.0.1:4000' })).toBe(
      'http://127.0.0.1:4000/lectern-asset/',
    );
  });
});

describe('documentImageSrc', () => {
  it("rewrites the document's own relative assets to its asset URL", () => {
    expect(documentImageSrc(`assets/${NAME}`, DOC, APP)).toBe(`${APP}${DOC}/${NAME}`);
    expect(documentImageSrc(` ./assets/${NAME} `, DOC, APP)).toBe(`${APP}${DOC}/${NAME}`);
  });

  it('keeps inline data images as they are', () => {
    expect(documentImageSrc('data:image/png;base64,iVBORw0KGgo=', DOC, APP)).toBe(
      'data:image/png;base64,iVBORw0KGgo=',
    );
  });

  it('refuses lectern: URLs the document wrote itself, other hosts, remote and odd paths', () => {
    for (const src of [
      `lectern://asset/${DOC}/${NAME}`,
      `lectern://asset/${OTHER}/${NAME}`,
      'lectern://app/index.html',
      'LECTERN://app/main.js',
      'https://example.org/cat.png',
      '//example.org/cat.png',
      `assets/../${NAME}`,
      `assets/${NAME}?x=1`,
      'assets/..%2f..%2flibrary.json',
      'assets/notes.md',
      'assets/3f2a9c0b1d4e5f6a7b8c.svg',
      `other/${NAME}`,
      `/assets/${NAME}`,
      'data:text/html,<script>alert(1)</script>',
      'javascript:alert(1)',
      '',
    ]) {
      expect(documentImageSrc(src, DOC, APP), src).toBeNull();
    }
  });

  it('blocks assets when no document is open', () => {
    expect(documentImageSrc(`assets/${NAME}`, null, APP)).toBeNull();
  });
});

describe('isDocumentImageSrc', () => {
  it("accepts data images and this document's asset URLs only", () => {
    expect(isDocumentImageSrc('data:image/gif;base64,R0lGOD', DOC, APP)).toBe(true);
    expect(isDocumentImageSrc(`${APP}${DOC}/${NAME}`, DOC, APP)).toBe(true);
    expect(isDocumentImageSrc(`${APP}${OTHER}/${NAME}`, DOC, APP)).toBe(false);
    expect(isDocumentImageSrc(`${APP}${DOC}/../${OTHER}/${NAME}`, DOC, APP)).toBe(false);
    expect(isDocumentImageSrc(`${APP}${DOC}/${NAME}/x`, DOC, APP)).toBe(false);
    expect(isDocumentImageSrc('lectern://app/index.html', DOC, APP)).toBe(false);
    expect(isDocumentImageSrc(`${APP}${DOC}/${NAME}`, null, APP)).toBe(false);
  });

  it('builds no URL from an id or a name the importer never makes', () => {
    expect(assetUrl('../../etc', NAME, APP)).toBeNull();
    expect(assetUrl(DOC, 'passwd', APP)).toBeNull();
    expect(assetUrl(DOC, NAME, APP)).toBe(`${APP}${DOC}/${NAME}`);
  });
});
