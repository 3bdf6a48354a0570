import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ApiHandlers, type Platform, createHandlers } from './handlers';
import { type Library, openLibrary } from './library';
import { checkExternalUrl } from './urls';
import { bytes, makeTempDir, removeDir } from './test-support';

class StubPlatform implements Platform {
  picks: string[] | null = null;
  pick: string | null = null;
  titles: string[] = [];
  opened: string[] = [];
  async chooseFilesToImport() {
    return this.picks;
  }
  async chooseFileToUpdate(title: string) {
    this.titles.push(title);
    return this.pick;
  }
  async chooseExportFolder() {
    return null;
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
const HID = 'fedcba9876543210';
const VERSION = 'a'.repeat(64);
const POSITION = { section: 0, offset: 0, quote: '', progress: 0 };
const QUOTE = { type: 'TextQuoteSelector', exact: 'words', prefix: 'some ', suffix: ' here' };
const SPAN = { type: 'TextPositionSelector', start: 5, end: 10 };
const NEW = { color: 'yellow', quote: QUOTE, position: SPAN, anchoredVersion: VERSION };
const ANCHOR = {
  id: HID,
  quote: QUOTE,
  position: SPAN,
  anchoredVersion: VERSION,
  unplaced: false,
  needsCheck: false,
};
const STORED = {
  ...NEW,
  id: HID,
  documentId: ID,
  unplaced: false,
  needsCheck: false,
  tags: [],
  note: null,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
};
const LABELS = { yellow: 'a', green: 'b', blue: 'c', pink: 'd', purple: 'e', orange: 'f' };

function value<T>(result: { ok: true; value: T } | { ok: false; message: string }): T {
  if (!result.ok) throw new Error(result.message);
  return result.value;
}

async function importOne(text: string) {
  return value(await handlers.importFiles([{ name: 'a.txt', bytes: bytes(text) }]));
}

describe('handlers', () => {
  it('passes valid calls through', async () => {
    const report = await importOne('hello');
    expect(report.outcomes[0]?.status).toBe('imported');
    expect(value(await handlers.listDocuments())).toHaveLength(1);
    expect(await handlers.updateSettings({ lineHeight: 1.3 })).toMatchObject({
      ok: true,
      value: { lineHeight: 1.3 },
    });
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
    [
      'too many files',
      'importFiles',
      [Array.from({ length: 101 }, () => ({ name: 'a.txt', bytes: new Uint8Array(1) }))],
    ],
    ['long file name', 'importFiles', [[{ name: 'a'.repeat(1025), bytes: new Uint8Array(1) }]]],
    ['extra argument', 'chooseAndImportFiles', ['x']],
    ['extra argument', 'prepareImport', [{}]],
    ['unknown label colour', 'updateSettings', [{ highlightLabels: { ...LABELS, teal: 'x' } }]],
    ['missing label colour', 'updateSettings', [{ highlightLabels: { ...LABELS, orange: undefined } }]],
    ['blank label', 'updateSettings', [{ highlightLabels: { ...LABELS, pink: '   ' } }]],
    ['long label', 'updateSettings', [{ highlightLabels: { ...LABELS, pink: 'x'.repeat(41) } }]],
    ['unknown last colour', 'updateSettings', [{ lastHighlightColor: 'teal' }]],
    ['bad id', 'saveReadingPosition', ['x', POSITION]],
    ['progress above 1', 'saveReadingPosition', [ID, { ...POSITION, progress: 1.5 }]],
    ['infinite offset', 'saveReadingPosition', [ID, { ...POSITION, offset: Infinity }]],
    ['extra position key', 'saveReadingPosition', [ID, { ...POSITION, extra: 1 }]],
    ['blank title', 'renameDocument', [ID, '   ']],
    ['oversized title', 'renameDocument', [ID, 'x'.repeat(501)]],
    ['extra argument', 'deleteDocument', [ID, ID]],
    ['wrong type', 'restoreDocument', [null]],
    ['url not a string', 'openExternal', [{}]],
    ['notice id a path', 'acknowledgeNotice', ['../library.json']],
    ['notice id not a string', 'acknowledgeNotice', [1704067200000]],
    ['no notice id', 'acknowledgeNotice', []],
    ['url too long', 'openExternal', [`https://x.org/${'a'.repeat(5000)}`]],
    ['unknown colour', 'addHighlight', [ID, { ...NEW, color: 'teal' }]],
    ['extra highlight key', 'addHighlight', [ID, { ...NEW, id: HID }]],
    ['extra selector key', 'addHighlight', [ID, { ...NEW, quote: { ...QUOTE, extra: 1 } }]],
    [
      'wrong selector type',
      'addHighlight',
      [ID, { ...NEW, quote: { ...QUOTE, type: 'TextPositionSelector' } }],
    ],
    ['empty quote', 'addHighlight', [ID, { ...NEW, quote: { ...QUOTE, exact: '' } }]],
    ['oversized quote', 'addHighlight', [ID, { ...NEW, quote: { ...QUOTE, exact: 'x'.repeat(10_001) } }]],
    ['long prefix', 'addHighlight', [ID, { ...NEW, quote: { ...QUOTE, prefix: 'x'.repeat(65) } }]],
    ['start after end', 'addHighlight', [ID, { ...NEW, position: { ...SPAN, start: 10, end: 5 } }]],
    ['empty span', 'addHighlight', [ID, { ...NEW, position: { ...SPAN, start: 5, end: 5 } }]],
    ['negative start', 'addHighlight', [ID, { ...NEW, position: { ...SPAN, start: -1 } }]],
    ['fractional offset', 'addHighlight', [ID, { ...NEW, position: { ...SPAN, end: 7.5 } }]],
    ['offset past the limit', 'addHighlight', [ID, { ...NEW, position: { ...SPAN, end: 50_000_001 } }]],
    ['infinite offset', 'addHighlight', [ID, { ...NEW, position: { ...SPAN, end: Infinity } }]],
    ['short version', 'addHighlight', [ID, { ...NEW, anchoredVersion: 'abc' }]],
    ['missing quote', 'addHighlight', [ID, { ...NEW, quote: undefined }]],
    ['bad highlight id', 'updateHighlight', [ID, 'XYZ', { color: 'blue' }]],
    ['empty patch', 'updateHighlight', [ID, HID, {}]],
    ['quote without version', 'updateHighlight', [ID, HID, { quote: QUOTE }]],
    ['extra patch key', 'updateHighlight', [ID, HID, { color: 'blue', note: 'x' }]],
    ['bad highlight id', 'deleteHighlight', [ID, 'fedcba987654321']],
    ['incomplete highlight', 'restoreHighlight', [ID, { ...STORED, tags: undefined }]],
    ['bad timestamp', 'restoreHighlight', [ID, { ...STORED, createdAt: 'yesterday' }]],
    ['extra stored key', 'restoreHighlight', [ID, { ...STORED, extra: true }]],
    ['not an array', 'saveAnchors', [ID, ANCHOR]],
    ['anchor without unplaced', 'saveAnchors', [ID, [{ ...ANCHOR, unplaced: undefined }]]],
    ['too many anchors', 'saveAnchors', [ID, Array.from({ length: 100_001 }, () => ANCHOR)]],
    ['bytes not a Uint8Array', 'updateDocumentFromFile', [ID, { name: 'a.md', bytes: 'text' }]],
    [
      'extra file key',
      'updateDocumentFromFile',
      [ID, { name: 'a.md', bytes: new Uint8Array(1), path: '/x' }],
    ],
    ['bad id', 'chooseAndUpdateDocument', ['nope']],
  ])('answers invalid-argument for %s (%s)', async (_kind, method, args) => {
    expect(await handlers[method](...args)).toMatchObject({ ok: false, code: 'invalid-argument' });
  });

  it('chooses and imports files, or returns null when cancelled', async () => {
    expect(await handlers.chooseAndImportFiles()).toEqual({ ok: true, value: null });
    platform.picks = ['/nonexistent/x.txt'];
    expect(await handlers.chooseAndImportFiles()).toMatchObject({
      ok: true,
      value: { outcomes: [{ status: 'refused', code: 'unreadable' }] },
    });
  });

  it('gets the converter ready when files are dragged in, and before the open dialog shows', async () => {
    const steps: string[] = [];
    const warming = await openLibrary({
      root: await makeTempDir(),
      warmConverter: async () => void steps.push('warm'),
    });
    try {
      const picker = new StubPlatform();
      picker.chooseFilesToImport = async () => (steps.push('dialog'), null);
      picker.chooseFileToUpdate = async () => (steps.push('update dialog'), null);
      const warmingHandlers = createHandlers(warming, picker);
      expect(await warmingHandlers.prepareImport()).toEqual({ ok: true, value: null });
      expect(steps).toEqual(['warm']);
      await warmingHandlers.chooseAndImportFiles();
      const { outcomes } = await warming.documents.importFiles([
        { name: 'a.txt', bytes: new TextEncoder().encode('words') },
      ]);
      const imported = outcomes[0]?.status === 'imported' ? outcomes[0].document.id : '';
      expect(await warmingHandlers.chooseAndUpdateDocument(imported)).toEqual({ ok: true, value: null });
      expect(steps).toEqual(['warm', 'warm', 'dialog', 'warm', 'update dialog']);
    } finally {
      await warming.close();
      await removeDir(warming.paths.root);
    }
  });

  it('passes valid highlight calls through and trims labels', async () => {
    const report = await importOne('some words here');
    const doc = report.outcomes[0]?.status === 'imported' ? report.outcomes[0].document : null;
    const id = doc?.id ?? '';
    const added = await handlers.addHighlight(id, { ...NEW, anchoredVersion: doc?.textVersion });
    expect(added).toMatchObject({ ok: true, value: { documentId: id, color: 'yellow' } });
    if (!added.ok) throw new Error(added.message);
    expect(await handlers.updateHighlight(id, added.value.id, { color: 'blue' })).toMatchObject({
      ok: true,
      value: { color: 'blue' },
    });
    expect(await handlers.saveAnchors(id, [{ ...ANCHOR, id: added.value.id }])).toEqual({
      ok: true,
      value: null,
    });
    const deleted = await handlers.deleteHighlight(id, added.value.id);
    if (!deleted.ok) throw new Error(deleted.message);
    expect(await handlers.restoreHighlight(id, deleted.value)).toEqual(deleted);
    expect(
      await handlers.saveAnchors(
        id,
        Array.from({ length: 100_000 }, () => ANCHOR),
      ),
    ).toMatchObject({ ok: false, code: 'not-found' });
    const settings = await handlers.updateSettings({
      highlightLabels: { ...LABELS, pink: '  Doubt  ' },
      lastHighlightColor: 'pink',
    });
    expect(settings).toMatchObject({
      ok: true,
      value: { highlightLabels: { pink: 'Doubt' }, lastHighlightColor: 'pink' },
    });
  });

  it('chooses a file to update a document from, or returns null when cancelled', async () => {
    const report = await importOne('some words here');
    const id = report.outcomes[0]?.status === 'imported' ? report.outcomes[0].document.id : '';
    expect(await handlers.chooseAndUpdateDocument(ID)).toMatchObject({ ok: false, code: 'not-found' });
    expect(await handlers.chooseAndUpdateDocument(id)).toEqual({ ok: true, value: null });
    expect(platform.titles).toEqual(['some words here']);
    platform.pick = '/nonexistent/a.txt';
    expect(await handlers.chooseAndUpdateDocument(id)).toMatchObject({ ok: false, code: 'unreadable' });
    expect(
      await handlers.updateDocumentFromFile(id, { name: 'a.txt', bytes: bytes('other words') }),
    ).toMatchObject({ ok: true, value: { id } });
  });

  it('opens only allowed URLs', async () => {
    expect(await handlers.openExternal('https://example.com/a')).toEqual({ ok: true, value: null });
    expect(await handlers.openExternal('javascript:alert(1)')).toMatchObject({
      ok: false,
      code: 'disallowed-url',
    });
    expect(platform.opened).toEqual(['https://example.com/a']);
  });
});

describe('checkExternalUrl', () => {
  it.each(['https://example.com', 'http://example.com/path?q=1#f', 'mailto:someone@example.com'])(
    'accepts %s',
    (url) => {
      expect(checkExternalUrl(url)).toMatchObject({ ok: true });
    },
  );

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
