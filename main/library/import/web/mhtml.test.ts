import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { convertFile } from '../convert';
import { convertWebArchive, convertWebPage } from './convert-web-page';
import type { ConvertedDocument } from './converted-document';
import { MAX_MHTML_PARTS, decodeQuotedPrintable, readWebArchive } from './mhtml';

const pagesDir = join(import.meta.dirname, '../../../../e2e/fixtures/web-pages');
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  ),
);
const BOUNDARY = '----MultipartBoundary--x9kQ2bQ7Ck6QZJv1kWzWq2sBdQ3tG0eFhIjKlMnOp----';

/** Quoted-printable as Chromium writes it: `=XX` escapes, soft breaks at 76 columns, CRLF. */
function quotedPrintable(bytes: Uint8Array): string {
  const lines: string[] = [];
  let line = '';
  for (const byte of bytes) {
    if (byte === 0x0a) {
      lines.push(line);
      line = '';
      continue;
    }
    const char =
      byte === 0x3d || byte < 0x20 || byte > 0x7e
        ? `=${byte.toString(16).toUpperCase().padStart(2, '0')}`
        : String.fromCharCode(byte);
    if (line.length + char.length > 75) {
      lines.push(`${line}=`);
      line = '';
    }
    line += char;
  }
  lines.push(line);
  return lines.join('\r\n');
}

interface ArchivePart {
  type: string;
  location?: string;
  id?: string;
  encoding: 'quoted-printable' | 'base64' | 'binary';
  body: Uint8Array;
}

function archive(parts: ArchivePart[], location = 'https://example.org/story/'): Uint8Array {
  const head = [
    'From: <Saved by Blink>',
    `Snapshot-Content-Location: ${location}`,
    'Subject: =?utf-8?Q?A=20story?=',
    'MIME-Version: 1.0',
    'Content-Type: multipart/related;',
    '\ttype="text/html";',
    `\tboundary="${BOUNDARY}"`,
    '',
    '',
  ].join('\r\n');
  const body = parts.map((part) => {
    const headers = [
      `--${BOUNDARY}`,
      `Content-Type: ${part.type}`,
      ...(part.id ? [`Content-ID: <${part.id}>`] : []),
      `Content-Transfer-Encoding: ${part.encoding}`,
      ...(part.location ? [`Content-Location: ${part.location}`] : []),
      '',
      '',
    ].join('\r\n');
    const encoded =
      part.encoding === 'quoted-printable'
        ? quotedPrintable(part.body)
        : part.encoding === 'base64'
          ? (
              Buffer.from(part.body)
                .toString('base64')
                .match(/.{1,76}/g) ?? []
            ).join('\r\n')
          : new TextDecoder('latin1').decode(part.body);
    return `${headers}${encoded}\r\n`;
  });
  return Uint8Array.from(Buffer.from(`${head}${body.join('')}--${BOUNDARY}--\r\n`, 'latin1'));
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function converted(result: ReturnType<typeof convertWebArchive>): ConvertedDocument {
  if ('ok' in result) throw new Error(result.message);
  return result;
}

describe('web archives (.mhtml)', () => {
  it('reads a real saved article exactly as the same page saved as .html', () => {
    const source = readFileSync(join(pagesDir, 'ars-1', 'source.html'));
    const fromArchive = converted(
      convertWebArchive(
        'ars.mhtml',
        archive([
          {
            type: 'text/html',
            location: 'https://arstechnica.com/x/',
            encoding: 'quoted-printable',
            body: source,
          },
          {
            type: 'text/css',
            location: 'https://arstechnica.com/x.css',
            encoding: 'quoted-printable',
            body: utf8('p{}'),
          },
        ]),
      ),
    );
    const fromPage = converted(convertWebPage('ars.html', source));
    expect(fromArchive.markdown).toBe(fromPage.markdown);
    expect(fromArchive.title).toBe(fromPage.title);
  });

  it('keeps pictures saved inside it, by absolute URL, by a relative src and by cid:', () => {
    const page = utf8(
      `<html><head><title>Pictures</title></head><body><article><h1>Pictures</h1>
      <p>${'The harbour at dawn, with the boats still tied up and nobody about. '.repeat(8)}</p>
      <p><img src="https://example.org/img/a.png" alt="absolute"> <img src="img/b.png" alt="relative">
      <img src="cid:c@mhtml.blink" alt="by id"> <img src="https://elsewhere.test/none.png" alt="not saved"></p>
      <p>${'Later the fishermen came down to the water and the gulls followed them. '.repeat(8)}</p>
      </article></body></html>`,
    );
    const png2 = Uint8Array.from([...PNG.slice(0, -1), 0x83]);
    const doc = converted(
      convertWebArchive(
        'pictures.mhtml',
        archive([
          {
            type: 'text/html; charset=utf-8',
            location: 'https://example.org/story/',
            encoding: 'quoted-printable',
            body: page,
          },
          { type: 'image/png', location: 'https://example.org/img/a.png', encoding: 'base64', body: PNG },
          {
            type: 'image/png',
            location: 'https://example.org/story/img/b.png',
            encoding: 'base64',
            body: png2,
          },
          { type: 'image/png', id: 'c@mhtml.blink', encoding: 'base64', body: PNG },
        ]),
      ),
    );
    const pictures = doc.markdown.match(/!\[[^\]]*\]\(assets\/[^)]+\)/g) ?? [];
    expect(pictures).toHaveLength(3);
    expect(doc.assets).toHaveLength(2); // a.png and the cid: part are the same bytes: one asset
    expect(doc.markdown).toContain('\\[image not saved: not saved\\]');
    expect(doc.metadata.sourceUrl).toBe('https://example.org/story/');
  });

  it('decodes the charset the part header names (Windows-1252 é as =E9)', () => {
    const page = Uint8Array.from(
      Buffer.from(
        `<html><body><article><h1>Caf\xe9</h1><p>${'Le caf\xe9 \xe9tait ferm\xe9 ce matin-l\xe0, et la rue vide. '.repeat(10)}</p></article></body></html>`,
        'latin1',
      ),
    );
    const doc = converted(
      convertWebArchive(
        'cafe.mht',
        archive([{ type: 'text/html; charset="windows-1252"', encoding: 'quoted-printable', body: page }]),
      ),
    );
    expect(doc.markdown).toContain('Le café était fermé ce matin-là');
  });

  it('runs nothing a hostile archive holds', () => {
    const page = utf8(
      `<html><body><article><h1>Hostile</h1><p>${'An ordinary paragraph of text that goes on for a while. '.repeat(8)}</p>
      <script>alert(1)</script><p><img src="x" onerror="alert(2)"> <a href="javascript:alert(3)">click</a></p>
      <iframe src="https://evil.test/"></iframe></article></body></html>`,
    );
    const doc = converted(
      convertWebArchive(
        'hostile.mhtml',
        archive([
          { type: 'text/html', encoding: 'quoted-printable', body: page },
          {
            type: 'text/javascript',
            location: 'https://evil.test/x.js',
            encoding: 'base64',
            body: utf8('alert(4)'),
          },
          {
            type: 'image/svg+xml',
            location: 'https://evil.test/x.svg',
            encoding: 'base64',
            body: utf8('<svg onload="alert(5)"/>'),
          },
        ]),
      ),
    );
    expect(doc.markdown).not.toMatch(/alert|javascript:|onerror|<script|<iframe/i);
    expect(doc.assets).toHaveLength(0);
  });

  it('is what convertFile picks for .mhtml and .mht', () => {
    const bytes = archive([
      {
        type: 'text/html',
        encoding: 'binary',
        body: utf8(
          `<html><body><article><h1>T</h1><p>${'Words and more words, as an article has them. '.repeat(20)}</p><p>${'And another paragraph of them. '.repeat(20)}</p></article></body></html>`,
        ),
      },
    ]);
    const first = convertFile('page.mhtml', bytes);
    expect(first).toMatchObject({ markdown: expect.stringContaining('Words and more words') });
    expect(convertFile('page.MHT', bytes)).toEqual(first);
  });

  it('refuses what is not an archive, with a reason naming the file', () => {
    expect(readWebArchive('a.mhtml', utf8('<html><p>just html</p></html>'))).toMatchObject({
      ok: false,
      code: 'unreadable',
      message: expect.stringContaining('“a.mhtml” is not a web archive'),
    });
    const noPage = archive([{ type: 'image/png', encoding: 'base64', body: PNG }]);
    expect(convertWebArchive('b.mhtml', noPage)).toMatchObject({ ok: false, code: 'empty' });
    const many = archive(
      Array.from({ length: MAX_MHTML_PARTS + 1 }, () => ({
        type: 'text/plain',
        encoding: 'binary' as const,
        body: utf8('x'),
      })),
    );
    expect(readWebArchive('c.mhtml', many)).toMatchObject({ ok: false, code: 'unreadable' });
    expect(convertFile('d.mhtml', new Uint8Array())).toMatchObject({ ok: false });
  });

  it('survives a truncated archive (no closing boundary) and keeps what arrived', () => {
    const whole = archive([
      {
        type: 'text/html',
        encoding: 'quoted-printable',
        body: utf8(
          `<html><body><article><h1>Cut</h1><p>${'A sentence that was saved. '.repeat(20)}</p><p>${'And another one that was saved too. '.repeat(20)}</p></article></body></html>`,
        ),
      },
      { type: 'image/png', location: 'https://example.org/a.png', encoding: 'base64', body: PNG },
    ]);
    const cut = whole.slice(0, whole.length - 200);
    expect(converted(convertWebArchive('cut.mhtml', cut)).markdown).toContain('A sentence that was saved.');
  });
});

const decode = (text: string) => new TextDecoder().decode(decodeQuotedPrintable(utf8(text)));

describe('decodeQuotedPrintable', () => {
  it('decodes escapes and soft breaks, and keeps stray equals signs', () => {
    expect(decode('caf=C3=A9 =\r\nau lait')).toBe('café au lait');
    expect(decode('a=\nb')).toBe('ab');
    expect(decode('1 + 1 = 2 and x=zz')).toBe('1 + 1 = 2 and x=zz');
    expect(decode('end=')).toBe('end=');
  });

  it('is linear on a 5 MB run of equals signs', () => {
    const bytes = new Uint8Array(5_000_000).fill(0x3d);
    expect(decodeQuotedPrintable(bytes)).toHaveLength(5_000_000);
  });
});
