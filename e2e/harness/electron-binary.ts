/**
 * Finds the Electron binary without launching it. `require('electron')` exports the binary's
 * path, or throws 'Electron failed to install correctly' when the postinstall download was
 * skipped (ELECTRON_SKIP_BINARY_DOWNLOAD), as on the build machines.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

export const ELECTRON_MISSING_REASON =
  'Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD): ' +
  'run `npm install` without it to run the electron project';

export type ElectronLookup = { ok: true; path: string } | { ok: false; reason: string };

export function findElectron(): ElectronLookup {
  const require = createRequire(import.meta.url);
  try {
    const exported: unknown = require('electron');
    if (typeof exported === 'string' && existsSync(exported)) return { ok: true, path: exported };
    return { ok: false, reason: ELECTRON_MISSING_REASON };
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { ok: false, reason: `${ELECTRON_MISSING_REASON} [${detail}]` };
  }
}
