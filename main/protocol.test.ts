/** The lectern:// handler under a faked Electron, on a real folder with a symlink pointing out of it. */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  answerAppRequest,
  decodeRequestPath,
  registerAppScheme,
  resolveInside,
  serveRenderer,
} from './protocol';
import { fake, resetFakeElectron } from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

let base = '';
let renderer = '';
beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'lectern-protocol-'));
  renderer = join(base, 'renderer');
  await mkdir(join(renderer, 'assets'), { recursive: true });
  await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Lectern</title>');
  await writeFile(join(renderer, 'assets', 'main café.js'), 'export {};');
  await writeFile(join(renderer, '..notes.txt'), 'a name that starts with two dots');
  await writeFile(join(base, 'secret.txt'), 'outside the served folder');
  await symlink(join(base, 'secret.txt'), join(renderer, 'escape.txt'));
  await symlink(base, join(renderer, 'up'));
  await symlink(join(renderer, 'index.html'), join(renderer, 'alias.html'));
});
afterAll(() => rm(base, { recursive: true, force: true }));
beforeEach(() => resetFakeElectron());

const answer = (url: string) => answerAppRequest(renderer, url);
const fileUrl = (...parts: string[]) => pathToFileURL(join(renderer, ...parts)).toString();

describe('the lectern:// handler', () => {
  it('serves a file from the folder with the CSP and nosniff headers', async () => {
    const response = await answer('lectern://app/assets/main%20caf%C3%A9.js');
    expect(response.status).toBe(200);
    expect(fake.fetched).toEqual([fileUrl('assets', 'main café.js')]);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('serves index.html for "/" and a file whose name starts with two dots', async () => {
    expect((await answer('lectern://app/')).status).toBe(200);
    expect((await answer('lectern://app/..notes.txt')).status).toBe(200);
    expect(fake.fetched).toEqual([fileUrl('index.html'), fileUrl('..notes.txt')]);
  });

  it('follows a symlink that stays inside the folder', async () => {
    expect((await answer('lectern://app/alias.html')).status).toBe(200);
    expect(fake.fetched).toEqual([fileUrl('index.html')]);
  });

  it.each([
    ['a symlink to a file outside', 'lectern://app/escape.txt', 404],
    ['a symlink to a folder outside', 'lectern://app/up/secret.txt', 404],
    ['a file that does not exist', 'lectern://app/missing.js', 404],
    ['a folder', 'lectern://app/assets', 404],
    ['another host', 'lectern://evil/index.html', 404],
    ['a host with credentials', 'lectern://app@evil/index.html', 404],
    ['a malformed escape', 'lectern://app/%E0%A4%A', 400],
    ['a truncated escape', 'lectern://app/index.html%', 400],
    ['an encoded slash', 'lectern://app/..%2fsecret.txt', 400],
    ['an encoded backslash', 'lectern://app/..%5csecret.txt', 400],
    ['an encoded NUL', 'lectern://app/index.html%00.png', 400],
  ])('refuses %s (%s) with %i, headers still set', async (_name, url, status) => {
    const response = await answer(url);
    expect(response.status).toBe(status);
    expect(fake.fetched).toEqual([]);
    expect(response.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
  });

  it('is what serveRenderer registers, for the lectern scheme only', async () => {
    registerAppScheme();
    serveRenderer(renderer);
    expect(fake.schemes).toEqual([
      { scheme: 'lectern', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
    expect([...fake.protocolHandlers.keys()]).toEqual(['lectern']);
    const handler = fake.protocolHandlers.get('lectern');
    const response = await handler?.(new Request('lectern://app/%E0%A4%A'));
    expect(response?.status).toBe(400);
  });
});

const documents = () => join(base, 'library-documents');

describe('the lectern://asset route', () => {
  const id = '0123456789abcdef';
  const name = '3f2a9c0b1d4e5f6a7b8c.gif';

  beforeAll(async () => {
    await mkdir(join(documents(), id, 'assets'), { recursive: true });
    await writeFile(join(documents(), id, 'assets', name), 'GIF89a picture bytes');
  });

  it("serves a document's picture read-only from the documents folder, never through the renderer's", async () => {
    const response = await answerAppRequest(renderer, `lectern://asset/${id}/${name}`, documents());
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('image/gif');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(await response.text()).toBe('GIF89a picture bytes');
    expect(fake.fetched).toEqual([]);
  });

  it('answers 404 for a traversal, another host, or when no library is open', async () => {
    const cases: [string, string | undefined][] = [
      [`lectern://asset/${id}/..%2f..%2flibrary.json`, documents()],
      [`lectern://asset/${id}/../../secret.txt`, documents()],
      [`lectern://assets/${id}/${name}`, documents()],
      [`lectern://asset/${id}/${name}`, undefined],
    ];
    for (const [url, folder] of cases) {
      expect((await answerAppRequest(renderer, url, folder)).status, url).toBe(404);
    }
  });
});

describe('decodeRequestPath', () => {
  it.each([
    ['/index.html', '/index.html'],
    ['/assets/main%20caf%C3%A9.js', '/assets/main café.js'],
    ['/..notes.txt', '/..notes.txt'],
  ])('decodes %s', (raw, decoded) => {
    expect(decodeRequestPath(raw)).toBe(decoded);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E/%2E%2E/etc/passwd',
    '/assets/..',
    '/..%2fsecret.txt',
    '/..%2Fsecret.txt',
    '/..%5csecret.txt',
    '/..%5Cwindows%5Cwin.ini',
    '/a\\..\\..\\secret.txt',
    '//server/share/file.txt',
    '/%2f%2fserver/share',
    '/C:/Windows/win.ini',
    '/c:%5cwindows',
    '/index.html%00.js',
    '/%E0%A4%A',
    '/%',
  ])('refuses %s', (raw) => {
    expect(decodeRequestPath(raw)).toBeNull();
  });
});

describe('resolveInside', () => {
  it.each(['/../secret.txt', '/assets/../../secret.txt', '/..', '/', '/.'])(
    'never resolves %s outside the folder or to the folder itself',
    (path) => {
      const resolved = resolveInside(renderer, path);
      expect(resolved === null || resolved.startsWith(`${renderer}/`)).toBe(true);
    },
  );

  it('refuses what leaves the folder as text', () => {
    expect(resolveInside(renderer, '/../secret.txt')).toBeNull();
    expect(resolveInside(renderer, '/.')).toBeNull();
    expect(resolveInside(renderer, '/')).toBe(join(renderer, 'index.html'));
  });
});
