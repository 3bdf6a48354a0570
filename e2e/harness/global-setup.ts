/**
 * Runs once before the e2e suite: the built renderer must exist, and at least one way to run
 * the app (Chromium or the Electron binary) must be present — a run that would skip
 * everything fails instead. Starts Xvfb for Electron where there is no display.
 */
import { existsSync } from 'node:fs';
import { findChromium, HOW_TO_GET_A_BROWSER } from './chromium';
import { findElectron } from './electron-binary';
import { electronMainEntry, rendererIndex } from './paths';
import { startXvfb } from './xvfb';

export default async function globalSetup(): Promise<(() => void) | undefined> {
  if (!existsSync(rendererIndex)) {
    throw new Error(`${rendererIndex} is missing: build the app first (npx electron-vite build).`);
  }
  const chromium = findChromium();
  const electron = findElectron();
  if (!chromium.ok && !electron.ok) {
    throw new Error(`Neither Chromium nor the Electron binary is available. ${HOW_TO_GET_A_BROWSER}`);
  }
  if (!chromium.ok) console.warn(`[lectern e2e] browser project will fail: ${chromium.reason}`);
  if (!electron.ok) {
    console.warn(`[lectern e2e] electron project skipped: ${electron.reason}`);
    return undefined;
  }
  if (!existsSync(electronMainEntry)) {
    throw new Error(`${electronMainEntry} is missing: build the app first (npx electron-vite build).`);
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    const xvfb = await startXvfb();
    if (xvfb === null) {
      console.warn(
        '[lectern e2e] no $DISPLAY and no Xvfb (apt-get install xvfb): Electron will fail to open windows',
      );
      return undefined;
    }
    // Workers start after global setup and inherit this environment.
    process.env.DISPLAY = xvfb.display;
    console.log(`[lectern e2e] started Xvfb on ${xvfb.display} for the electron project`);
    return () => xvfb.stop();
  }
  return undefined;
}
