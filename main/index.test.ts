/**
 * The main process's lifecycle under a faked Electron, on a real library in a temp folder:
 * sandbox before ready, the security policy and scheme registered, IPC for every contract method,
 * a locked-down window, and the library closed before quitting.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { openLibrary } from './library/library';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS, channelFor } from '../preload/api';
import type * as FakeElectron from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

let electron: typeof FakeElectron;
let libraryDir = '';
beforeEach(async () => {
  libraryDir = await mkdtemp(join(tmpdir(), 'lectern-main-'));
  vi.stubEnv('LECTERN_LIBRARY', libraryDir);
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined);
  vi.resetModules();
  electron = (await import('electron')) as unknown as typeof FakeElectron;
  electron.resetFakeElectron();
});
afterEach(async () => {
  vi.unstubAllEnvs();
  await rm(libraryDir, { recursive: true, force: true });
});

/** Imports main/index.ts (which starts the app) and waits for its window. */
async function startApp(): Promise<FakeElectron.BrowserWindow> {
  await import('./index');
  await vi.waitFor(() => expect(electron.BrowserWindow.created).toHaveLength(1), { timeout: 5000 });
  return electron.BrowserWindow.created[0] as FakeElectron.BrowserWindow;
}

/** Quits the way Electron does: before-quit, which main delays until the library is closed. */
async function quit(state = electron.fake): Promise<void> {
  const event = electron.fire(state.app, 'before-quit');
  expect(event.defaultPrevented).toBe(true);
  // `app` is read through to the current fake, so the quit lands there whichever instance asked.
  await vi.waitFor(() => expect(electron.fake.app.calls).toContain('quit'));
}

describe('main process start', () => {
  it('sandboxes every renderer and registers the scheme before the app is ready', async () => {
    await startApp();
    const calls = electron.fake.app.calls;
    expect(calls.indexOf('enableSandbox')).toBeGreaterThanOrEqual(0);
    expect(calls.indexOf('enableSandbox')).toBeLessThan(calls.indexOf('whenReady'));
    expect(electron.fake.schemes).toHaveLength(1);
    expect(electron.fake.session.beforeRequest).not.toBeNull();
    await quit();
  });

  it('opens a locked-down window on the app page, with a handler per contract method', async () => {
    const window = await startApp();
    expect(window.loadedUrl).toBe('lectern://app/index.html');
    expect(window.options['webPreferences']).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect([...electron.fake.handlers.keys()].toSorted()).toEqual(API_METHODS.map(channelFor).toSorted());
    expect(electron.fake.applicationMenu).not.toBeNull();
    await quit();
  });

  it('answers the page from the library it opened at LECTERN_LIBRARY', async () => {
    await startApp();
    const getLibraryInfo = electron.fake.handlers.get(channelFor('getLibraryInfo')) as (
      event: object,
    ) => Promise<{ path: string }>;
    const senderFrame = {
      url: 'lectern://app/index.html',
      parent: null,
      detached: false,
      isDestroyed: () => false,
    };
    await expect(getLibraryInfo({ senderFrame })).resolves.toMatchObject({
      ok: true,
      value: { path: libraryDir },
    });
    await quit();
  });

  it('registers the deep-link scheme and opens a link clicked while running, once, after checking it', async () => {
    // A document in the library first (converted in-process: the worker script is built only for the app).
    const seeded = await openLibrary({ root: libraryDir });
    const book = join(libraryDir, '..', `${basename(libraryDir)}-book.md`);
    await writeFile(book, '# A book\n\nWell, Prince, so Genoa and Lucca are now just family estates.\n');
    const report = await seeded.documents.importPaths([book]);
    await seeded.close();
    await rm(book);
    const outcome = report.outcomes[0];
    const id = outcome?.status === 'imported' ? outcome.document.id : '';

    const window = await startApp();
    expect(electron.fake.app.protocolClients.map((client) => client.protocol)).toEqual(['lectern']);
    const frame = {
      url: 'lectern://app/index.html',
      parent: null,
      detached: false,
      isDestroyed: () => false,
    };
    const invoke = (method: 'takeOpenRequest') =>
      (electron.fake.handlers.get(channelFor(method)) as (event: object) => Promise<unknown>)({
        senderFrame: frame,
      });
    const hl = 'fedcba9876543210';

    // Windows and Linux: the click starts a second process, whose arguments reach this one.
    electron.fire(electron.fake.app, 'second-instance', [
      'lectern',
      '--flag',
      `lectern://open?doc=${id}&highlight=${hl}`,
    ]);
    expect(window.webContents.sent).toContainEqual([channelFor('openRequested'), null]);
    await expect(invoke('takeOpenRequest')).resolves.toEqual({
      ok: true,
      value: { documentId: id, highlightId: hl },
    });
    await expect(invoke('takeOpenRequest')).resolves.toEqual({ ok: true, value: null });

    // macOS: an event; the default (opening nothing) is prevented.
    const event = electron.fire(electron.fake.app, 'open-url', `lectern://open?doc=${id}`);
    expect(event.defaultPrevented).toBe(true);
    await expect(invoke('takeOpenRequest')).resolves.toEqual({
      ok: true,
      value: { documentId: id, highlightId: null },
    });

    // A link to a document this library does not have is refused with a message; a malformed one is ignored.
    electron.fire(electron.fake.app, 'open-url', 'lectern://open?doc=00000000000000ff');
    await expect(invoke('takeOpenRequest')).resolves.toMatchObject({ ok: false, code: 'not-found' });
    electron.fire(electron.fake.app, 'second-instance', ['lectern', 'lectern://open?doc=../../etc/passwd']);
    await expect(invoke('takeOpenRequest')).resolves.toEqual({ ok: true, value: null });
    await quit();
  });

  it('says why, and exits, when the library is open in another instance', async () => {
    await startApp();
    const firstInstance = electron.fake;
    vi.resetModules();
    electron.resetFakeElectron();
    await import('./index');
    await vi.waitFor(() => expect(electron.fake.app.calls).toContain('exit 1'));
    expect(electron.fake.errorBoxes[0]).toContain('is open in another Lectern window');
    expect(electron.BrowserWindow.created).toHaveLength(0);
    await quit(firstInstance);
  });

  it('quits at once when another instance holds the single-instance lock', async () => {
    electron.fake.app.requestSingleInstanceLock = () => false;
    await import('./index');
    expect(electron.fake.app.calls).toContain('quit');
    expect(electron.fake.app.calls).not.toContain('whenReady');
  });
});
