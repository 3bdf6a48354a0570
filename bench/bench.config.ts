/**
 * `npm run bench`: performance figures measured in Chromium through the browser harness
 * (e2e/harness), on the real book. Never part of `npm test`. One worker, so runs do not
 * compete for the CPU. Writes bench/results.json and prints a table.
 */
import { defineConfig } from '@playwright/test';
import type { LecternMode } from '../e2e/harness/app';

export default defineConfig<object, { lecternMode: LecternMode }>({
  testDir: '.',
  testMatch: '*.bench.ts',
  globalSetup: './global-setup.ts',
  globalTeardown: './global-teardown.ts',
  outputDir: './.tmp/test-results',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 10 * 60_000,
  expect: { timeout: 60_000 },
  reporter: 'list',
  use: { lecternMode: 'browser', trace: 'off', screenshot: 'off' },
  projects: [{ name: 'chromium', use: { lecternMode: 'browser' } }],
});
