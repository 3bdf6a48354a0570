/** The shell's pure decisions: which URLs are the app's own, and where the library lives. */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appUrlCheck, libraryLocation } from './launch';

describe('appUrlCheck', () => {
  const packaged = appUrlCheck(undefined);
  const dev = appUrlCheck('http://localhost:5173/');

  it.each([
    'lectern://app/index.html',
    'lectern://app/assets/index-3f2a.js',
    'lectern://app/',
    'LECTERN://APP/index.html',
  ])('accepts the app page %s', (url) => {
    expect(packaged(url)).toBe(true);
    expect(dev(url)).toBe(true);
  });

  it.each([
    'lectern://evil/index.html',
    'lectern://app.evil.com/index.html',
    'lectern://app@evil/index.html',
    'lectern://user@app/index.html',
    'lectern:app/index.html',
    'lectern-app://app/index.html',
    'file:///usr/lib/lectern/renderer/index.html',
    'https://app/index.html',
    'http://localhost:5173/',
    'not a url',
    '',
  ])('refuses %s without a dev server', (url) => {
    expect(packaged(url)).toBe(false);
  });

  it('accepts any path on the dev server origin', () => {
    expect(dev('http://localhost:5173/')).toBe(true);
    expect(dev('http://localhost:5173/src/main.ts?t=1#x')).toBe(true);
  });

  it.each([
    'http://localhost:5173@evil.com/',
    'http://localhost:5173.evil.com/',
    'http://localhost:51730/',
    'http://localhost:5174/',
    'https://localhost:5173/',
    'http://127.0.0.1:5173/',
    'http://user:pass@localhost:5173/',
    'ws://localhost:5173/',
  ])('refuses the dev-server look-alike %s', (url) => {
    expect(dev(url)).toBe(false);
  });

  it('trusts no origin when the dev server URL is not a URL or has no origin', () => {
    expect(appUrlCheck('localhost:5173')('localhost:5173/index.html')).toBe(false);
    expect(appUrlCheck('garbage')('http://localhost:5173/')).toBe(false);
  });
});

describe('libraryLocation', () => {
  const userData = '/home/reader/.config/Lectern';

  it('defaults to <userData>/library', () => {
    expect(libraryLocation(['electron', '.'], {}, userData)).toBe(resolve(userData, 'library'));
  });

  it('takes LECTERN_LIBRARY over the default, and --library over both', () => {
    const env = { LECTERN_LIBRARY: '/srv/books' };
    expect(libraryLocation(['electron', '.'], env, userData)).toBe('/srv/books');
    expect(libraryLocation(['electron', '.', '--library', 'my books'], env, userData)).toBe(
      resolve('my books'),
    );
    expect(libraryLocation(['electron', '.', '--library=/tmp/a b'], env, userData)).toBe('/tmp/a b');
  });

  it('ignores a --library that names no folder', () => {
    expect(libraryLocation(['electron', '.', '--library'], {}, userData)).toBe(resolve(userData, 'library'));
    expect(libraryLocation(['electron', '--library', '--no-sandbox'], {}, userData)).toBe(
      resolve(userData, 'library'),
    );
    expect(libraryLocation(['electron', '--library='], { LECTERN_LIBRARY: '' }, userData)).toBe(
      resolve(userData, 'library'),
    );
  });
});
