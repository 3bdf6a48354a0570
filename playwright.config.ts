/**
 * Lectern's end-to-end tests: one set of specs (e2e/specs), two ways to run the app.
 * - electron: the built app under Playwright's Electron driver (skipped, with the reason
 *   printed, where the Electron binary is not installed; Xvfb is started where there is no display);
 * - browser: the built renderer in Chromium (/usr/bin/chromium or CHROMIUM_PATH) with the
 *   library core bridged in through page.exposeBinding.
 * Build first: `npm run test:e2e` does `electron-vite build && playwright test`.
 */
import { defineConfig } from '@playwright/test';
import type { LecternMode } from './e2e/harness/app';

export default defineConfig<object, { lecternMode: LecternMode }>({
  testDir: './e2e/specs',
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/harness/global-setup.ts',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list'], ['html', { open: 'never' }]] : 'list',
  use: {
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    { name: 'electron', use: { lecternMode: 'electron' } },
    { name: 'browser', use: { lecternMode: 'browser' } },
  ],
});
