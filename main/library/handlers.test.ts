import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiHandlers, InvalidArgumentError, type Platform, createHandlers } from './handlers';
import { type Library, openLibrary } from './library';
import { checkExternalUrl } from './urls';
import { bytes, makeTempDir, removeDir } from './test-support';

class StubPlatform implements Platform {
  picks: string[] | null = null;
  opened: string[] = [];
  async chooseFilesToImport() {
    return this.picks;
  }
  async openExternal(url: string) {
    this.opened.push(url);
  }
}

let root: string;
let library: Library;
let platform: StubPlatform;
let handlers: ApiHandlers;

beforeEach(async () => {
  root = await makeTempDir();
  library = await openLibrary({ root });
  platform = new StubPlatform();
  handlers = createHandlers(library, platform);
});
afterEach(async () => {
  await library.close();
  await removeDir(root);
});

const ID = '0123456789abcdef';
const POSITION = { section: 0, offset: 0, quote: '', progress: 0 };

describe('handlers', () => {
  it('passes valid calls through', async () => {
    const report = await handlers.importFiles([{ name: 'a.txt', bytes: bytes('hello') }]);
    expect(report.outcomes[0]?.status).toBe('imported');
    expect(await handlers.listDocuments()).toHaveLength(1);
    expect(await handlers.updateSettings({ lineHeight: 1.3 })).toMatchObject({ lineHeight: 1.3 });
    expect(await handlers.deleteDocument(ID)).toMatchObject({ ok: false, code: 'not-found' });
  });

  it.each<[string, keyof ApiHandlers, unknown[]]>([
    ['extra argument', 'listDocuments', [1]],
    ['missing argument', 'openDocument', []],
    ['bad id', 'openDocument', ['ZZZ']],
    ['uppercase id', 'openDocument', ['0123456789ABCDEF']],
    ['wrong type', 'openDocument', [42]],
    ['out-of-range font size', 'updateSettings', [{ fontSize: 100 }]],
    ['unknown setting', 'updateSettings', [{ colour: 'red' }]],
    ['bad enum', 'updateSettings', [{ theme: 'neon' }]],
    ['NaN line height', 'updateSettings', [{ lineHeight: Number.NaN }]],
    ['bytes not a Uint8Array', 'importFiles', [[{ name: 'a.txt', bytes: [1, 2] }]]],
    ['too many files', 'importFiles', [Array.from({ length: 101 }, () => ({ name: 'a.txt', bytes: new Uint8Array(1) }))]],
    ['long file name', 'importFiles', [[{ name: 'a'.repeat(1025), bytes: new Uint8Array(1) }]]],
    ['extra argument', 'chooseAndImportFiles', ['x']],
  ])('throws InvalidArgumentError for %s (%s)', async (_kind, method, args) => {
    await expect(handlers[method](...args)).rejects.toBeInstanceOf(InvalidArgumentError);
  });

  it.each<[string, keyof ApiHandlers, unknown[]]>([
    ['bad id', 'saveReadingPosition', ['x', POSITION]],
    ['progress above 1', 'saveReadingPosition', [ID, { ...POSITION, progress: 1.5 }]],
    ['infinite offset', 'saveReadingPosition', [ID, { ...POSITION, offset: Infinity }]],
    ['extra position key', 'saveReadingPosition', [ID, { ...POSITION, extra: 1 }]],
    ['blank title', 'renameDocument', [ID, '   ']],
    ['oversized title', 'renameDocument', [ID, 'x'.repeat(501)]],
    ['extra argument', 'deleteDocument', [ID, ID]],
    ['wrong type', 'restoreDocument', [null]],
    ['url not a string', 'openExternal', [{}]],
    ['url too long', 'openExternal', [`https://x.org/${'a'.repeat(5000)}`]],
  ])('answers invalid-argument for %s (%s)', async (_kind, method, args) => {
    expect(await handlers[method](...args)).toMatchObject({ ok: false, code: 'invalid-argument' });
  });

  it('chooses and imports files, or returns null when cancelled', async () => {
    expect(await handlers.chooseAndImportFiles()).toBeNull();
    platform.picks = ['/nonexistent/x.txt'];
    expect(await handlers.chooseAndImportFiles()).toMatchObject({ outcomes: [{ status: 'refused', code: 'unreadable' }] });
  });

  it('opens only allowed URLs', async () => {
    expect(await handlers.openExternal('https://example.com/a')).toEqual({ ok: true, value: null });
    expect(await handlers.openExternal('javascript:alert(1)')).toMatchObject({ ok: false, code: 'disallowed-url' });
    expect(platform.opened).toEqual(['https://example.com/a']);
  });
});

describe('checkExternalUrl', () => {
  it.each(['https://example.com', 'http://example.com/path?q=1#f', 'mailto:someone@example.com'])('accepts %s', (url) => {
    expect(checkExternalUrl(url)).toMatchObject({ ok: true });
  });

  it.each([
    'javascript:alert(1)',
    'file:///etc/passwd',
    'data:text/html,<script>alert(1)</script>',
    'https://user:pass@example.com/',
    'https://user@example.com/',
    'not a url',
    '',
    '//example.com',
    'ftp://example.com',
    'vbscript:msgbox',
  ])('refuses %s', (url) => {
    expect(checkExternalUrl(url)).toMatchObject({ ok: false, code: 'disallowed-url' });
  });
});
