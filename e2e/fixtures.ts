/**
 * The Playwright fixtures every spec uses (after Joplin's integration tests): each test gets a
 * fresh library folder and a launched app — the real Electron app or the built renderer in
 * Chromium with the core bridged in, depending on the project — behind one `LecternTestApp`.
 * A test fails on any uncaught page error or console error it did not allow (`allowErrors`).
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { test as base, chromium, type Browser, type TestInfo } from '@playwright/test';
import type { LaunchOptions, LecternMode, LecternTestApp } from './harness/app';
import { launchBrowserApp } from './harness/browser-app';
import { CHROMIUM_ARGS, findChromium } from './harness/chromium';
import { makeTempDir, removeDir } from './harness/core';
import { ELECTRON_MISSING_REASON, findElectron } from './harness/electron-binary';
import { launchElectronApp } from './harness/electron-app';
import { rendererDir, screenshotsDir } from './harness/paths';
import { startStaticServer, type StaticServer } from './harness/static-server';

export type { LecternTestApp } from './harness/app';

interface WorkerFixtures {
  /** Set per project in playwright.config.ts. */
  lecternMode: LecternMode;
  rendererServer: StaticServer | null;
  chromiumBrowser: Browser | null;
  electronPath: string | null;
}

interface TestFixtures {
  /** Launches the app (more than once if a story needs it); all are closed after the test. */
  launchApp: (options?: LaunchOptions) => Promise<LecternTestApp>;
  /** The app on a fresh library, launched before the test body runs. */
  app: LecternTestApp;
  /** A temp folder for files the test creates (to import, ...); removed afterwards. */
  scratchDir: string;
  /** Saves e2e/screenshots/<project>-<name>.png. */
  saveScreenshot: (name: string) => Promise<void>;
  /** Page and console errors this test expects (each pattern allows any number of matches). */
  allowErrors: (...patterns: RegExp[]) => void;
  /** The patterns allowErrors collected, read when the test ends. */
  allowedErrors: RegExp[];
}

/** Every page error and console error of the launched apps that no pattern allows. */
function unexpectedErrors(
  apps: LecternTestApp[],
  consoles: Map<LecternTestApp, string[]>,
  allowed: RegExp[],
) {
  const all = apps.flatMap((app) => [
    ...app.pageErrors.map((e) => `uncaught in the page: ${e}`),
    ...(app.consoleErrors ?? consoles.get(app) ?? []).map((e) => `console.error: ${e}`),
  ]);
  return all.filter((error) => !allowed.some((pattern) => pattern.test(error)));
}

async function failOnErrors(testInfo: TestInfo, errors: string[]): Promise<void> {
  if (errors.length === 0) return;
  await testInfo.attach('unexpected page errors', { body: errors.join('\n\n'), contentType: 'text/plain' });
  throw new Error(`The page reported errors the test did not allow:\n${errors.join('\n')}`);
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  lecternMode: ['browser', { option: true, scope: 'worker' }],

  rendererServer: [
    async ({ lecternMode }, use) => {
      if (lecternMode !== 'browser') return use(null);
      const server = await startStaticServer(rendererDir);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  chromiumBrowser: [
    async ({ lecternMode }, use) => {
      if (lecternMode !== 'browser') return use(null);
      const found = findChromium();
      if (!found.ok) throw new Error(found.reason);
      const browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  electronPath: [
    async ({ lecternMode }, use) => {
      if (lecternMode !== 'electron') return use(null);
      const found = findElectron();
      await use(found.ok ? found.path : null);
    },
    { scope: 'worker' },
  ],

  // oxlint-disable-next-line no-empty-pattern
  allowedErrors: async ({}, use) => use([]),

  allowErrors: async ({ allowedErrors }, use) => {
    await use((...patterns) => void allowedErrors.push(...patterns));
  },

  launchApp: async (
    { lecternMode, rendererServer, chromiumBrowser, electronPath, allowedErrors },
    use,
    testInfo,
  ) => {
    const launched: LecternTestApp[] = [];
    // Where the harness does not record console errors from the first load, they are heard from launch on.
    const consoles = new Map<LecternTestApp, string[]>();
    const ownDirs: string[] = [];
    await use(async (options = {}) => {
      if (lecternMode === 'electron') testInfo.skip(electronPath === null, ELECTRON_MISSING_REASON);
      const libraryDir = options.libraryDir ?? (await makeTempDir());
      if (options.libraryDir === undefined) ownDirs.push(libraryDir);
      const app =
        lecternMode === 'electron'
          ? await launchElectronApp(electronPath as string, { libraryDir })
          : await launchBrowserApp(chromiumBrowser as Browser, rendererServer as StaticServer, {
              libraryDir,
            });
      launched.push(app);
      if (!app.consoleErrors) {
        const errors: string[] = [];
        consoles.set(app, errors);
        app.page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
      }
      return app;
    });
    // Read before closing: the page may complain about the closing itself, which is not the test's.
    const errors = unexpectedErrors(launched, consoles, allowedErrors);
    for (const app of launched) await app.close();
    await Promise.all(ownDirs.map(removeDir));
    await failOnErrors(testInfo, errors);
  },

  app: async ({ launchApp }, use) => {
    await use(await launchApp());
  },

  // Playwright reads fixture dependencies from the destructuring pattern: it must be `{}`.
  // oxlint-disable-next-line no-empty-pattern
  scratchDir: async ({}, use) => {
    const dir = await makeTempDir('lectern-e2e-files-');
    await use(dir);
    await removeDir(dir);
  },

  saveScreenshot: async ({ app }, use, testInfo) => {
    await use(async (name) => {
      await mkdir(screenshotsDir, { recursive: true });
      await app.page.screenshot({
        path: join(screenshotsDir, `${testInfo.project.name}-${name}.png`),
        animations: 'disabled',
        caret: 'hide',
      });
    });
  },
});

export { expect } from '@playwright/test';
