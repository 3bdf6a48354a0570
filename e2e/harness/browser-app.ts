/** The `browser` mode: the built renderer in Chromium, the core bridged in through Playwright. */
import type { Browser, Page } from '@playwright/test';
import type { FaultHook, LaunchOptions, LecternTestApp } from './app';
import { VIEWPORT } from './app';
import { parseDeepLink } from '../../common/export/deep-link';
import { emitInPage, installBridge } from './browser-bridge';
import { makeTempDir, openCore, type OpenedCore, type StubPlatform } from './core';
import type { StaticServer } from './static-server';

export interface BrowserApp extends LecternTestApp {
  readonly mode: 'browser';
  /** The core behind the page, for setting up or measuring directly in Node. */
  readonly core: OpenedCore;
  readonly consoleErrors: readonly string[];
  readonly faults: FaultHook;
}

/** Makes the platform's next open dialog throw, once: the core's handler meets an error it did not expect. */
function throwInNextDialog(platform: StubPlatform, message: string): void {
  const choose = platform.chooseFilesToImport.bind(platform);
  platform.chooseFilesToImport = async () => {
    platform.chooseFilesToImport = choose;
    throw new Error(message);
  };
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
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const pageErrors: string[] = [];
  const consoleErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.stack ?? error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  const bridge = await installBridge(page, server, core.handlers);
  const unmountAssets = server.mountAssets(core.library.paths.documentsDir);
  core.forwardEvents((event, payload) => bridge.forward(event, payload));
  await page.goto(`${server.origin}/index.html`);
  let closed = false;
  return {
    mode: 'browser',
    page,
    libraryDir,
    core,
    pageErrors,
    consoleErrors,
    faults: {
      failNext: async (method, failure) => bridge.failNext(method, failure),
      throwInNextDialog: async (message) => throwInNextDialog(core.platform, message),
      holdCalls: async (method) => bridge.hold(method),
    },
    queueDialogResult: async (paths) => core.platform.queueDialogResult(paths),
    openedUrls: async () => [...core.platform.openedUrls],
    clickDeepLink: async (url) => {
      // As main/index.ts does: parsed strictly, held for the page, and the page told.
      core.platform.openRequest = parseDeepLink(url);
      if (core.platform.openRequest !== null) await emitInPage(page, 'openRequested', null);
    },
    emit: (event, payload) => emitInPage(page, event, payload),
    async close() {
      if (closed) return;
      closed = true;
      await context.close();
      bridge.stop();
      unmountAssets();
      await bridge.drain();
      await Promise.all([core.library.close(), core.converter.close()]);
    },
  };
}
