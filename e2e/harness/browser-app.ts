/** The `browser` mode: the built renderer in Chromium, the core bridged in through Playwright. */
import type { Browser, Page } from '@playwright/test';
import type { LaunchOptions, LecternTestApp } from './app';
import { VIEWPORT } from './app';
import { emitInPage, installBridge } from './browser-bridge';
import { makeTempDir, openCore, type OpenedCore } from './core';
import type { StaticServer } from './static-server';

export interface BrowserApp extends LecternTestApp {
  readonly mode: 'browser';
  /** The core behind the page, for setting up or measuring directly in Node. */
  readonly core: OpenedCore;
}

export async function launchBrowserApp(
  browser: Browser,
  server: StaticServer,
  options: LaunchOptions = {},
): Promise<BrowserApp> {
  const libraryDir = options.libraryDir ?? (await makeTempDir());
  const core = await openCore(libraryDir);
  const context = await browser.newContext({
    viewport: VIEWPORT,
    deviceScaleFactor: 1,
    colorScheme: 'light',
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  const page: Page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  const bridge = await installBridge(page, server, core.handlers);
  const unmountAssets = server.mountAssets(core.library.paths.documentsDir);
  core.forwardEvents((event, payload) => void emitInPage(page, event, payload).catch(() => undefined));
  await page.goto(`${server.origin}/index.html`);
  let closed = false;
  return {
    mode: 'browser',
    page,
    libraryDir,
    core,
    pageErrors,
    queueDialogResult: async (paths) => core.platform.queueDialogResult(paths),
    openedUrls: async () => [...core.platform.openedUrls],
    emit: (event, payload) => emitInPage(page, event, payload),
    async close() {
      if (closed) return;
      closed = true;
      await context.close();
      bridge.stop();
      unmountAssets();
      await bridge.drain();
      await core.library.close();
    },
  };
}
