/**
 * The `electron` mode: the built app under Playwright's Electron driver, on a temp library
 * (`--library`), with the native open dialog and shell.openExternal stubbed in main.
 */
import { rm } from 'node:fs/promises';
import { _electron as electron } from '@playwright/test';
import { channelFor } from '../../preload/api';
import type { LaunchOptions, LecternTestApp } from './app';
import { VIEWPORT } from './app';
import { makeTempDir } from './core';
import { electronMainEntry, repoRoot } from './paths';

interface MainStubs {
  dialogResults: (string[] | null)[];
  openedUrls: string[];
}

export async function launchElectronApp(
  executablePath: string,
  options: LaunchOptions = {},
): Promise<LecternTestApp> {
  const libraryDir = options.libraryDir ?? (await makeTempDir());
  const profileDir = await makeTempDir();
  // Chromium refuses to run as root without this (CI containers).
  const sandboxArgs = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const electronApp = await electron.launch({
    executablePath,
    args: [...sandboxArgs, electronMainEntry, '--library', libraryDir],
    cwd: repoRoot,
    // Its own profile: Electron's single-instance lock is per profile, and tests run in parallel.
    env: { ...process.env, LECTERN_USER_DATA: profileDir } as Record<string, string>,
  });
  await electronApp.evaluate(({ dialog, shell }) => {
    const stubs: MainStubs = { dialogResults: [], openedUrls: [] };
    (globalThis as unknown as { lecternE2E: MainStubs }).lecternE2E = stubs;
    const showOpenDialog = async () => {
      const paths = stubs.dialogResults.shift() ?? null;
      return { canceled: paths === null, filePaths: paths ?? [] };
    };
    const openExternal = async (url: string) => void stubs.openedUrls.push(url);
    // Module objects may be frozen-ish: fall back to defineProperty.
    for (const [target, key, value] of [
      [dialog, 'showOpenDialog', showOpenDialog],
      [shell, 'openExternal', openExternal],
    ] as const) {
      try {
        (target as unknown as Record<string, unknown>)[key] = value;
      } catch {
        Object.defineProperty(target, key, { value, configurable: true, writable: true });
      }
    }
  });
  const page = await electronApp.firstWindow();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  await electronApp.evaluate(({ BrowserWindow }, size) => {
    BrowserWindow.getAllWindows()[0]?.setContentSize(size.width, size.height);
  }, VIEWPORT);
  await page.waitForLoadState('domcontentloaded');
  let closed = false;
  return {
    mode: 'electron',
    page,
    libraryDir,
    pageErrors,
    async queueDialogResult(paths) {
      await electronApp.evaluate((_electron, next) => {
        (globalThis as unknown as { lecternE2E: MainStubs }).lecternE2E.dialogResults.push(next);
      }, paths);
    },
    openedUrls: () =>
      electronApp.evaluate(() => [
        ...(globalThis as unknown as { lecternE2E: MainStubs }).lecternE2E.openedUrls,
      ]),
    async clickDeepLink(url) {
      // What macOS does; Windows and Linux go through second-instance, unit-tested in main/index.test.ts.
      await electronApp.evaluate(({ app }, link) => {
        app.emit('open-url', { preventDefault: () => undefined }, link);
      }, url);
    },
    async emit(event, payload) {
      await electronApp.evaluate(
        ({ BrowserWindow }, [channel, data]) =>
          BrowserWindow.getAllWindows()[0]?.webContents.send(channel, data),
        [channelFor(event), payload] as const,
      );
    },
    async close() {
      if (closed) return;
      closed = true;
      await electronApp.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}
