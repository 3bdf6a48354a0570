/** Before the benchmarks: the built renderer and a Chromium must exist (they run in the browser harness). */
import { existsSync } from 'node:fs';
import { findChromium } from '../e2e/harness/chromium';
import { rendererIndex } from '../e2e/harness/paths';
import { startRun } from './results';

export default function globalSetup(): void {
  if (!existsSync(rendererIndex)) {
    throw new Error(`${rendererIndex} is missing: build the app first (npx electron-vite build).`);
  }
  const chromium = findChromium();
  if (!chromium.ok) throw new Error(`The benchmarks run in Chromium. ${chromium.reason}`);
  startRun();
}
