/** Finds a Chromium to run the `browser` project with: CHROMIUM_PATH, Debian's, then PATH. */
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const HOW_TO_GET_A_BROWSER =
  "Install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH, " +
  'or run `npm install` without ELECTRON_SKIP_BINARY_DOWNLOAD to get the Electron binary.';

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

const onPath = (name: string): string | null => {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
};

export type ChromiumLookup = { ok: true; path: string } | { ok: false; reason: string };

/** CHROMIUM_PATH wins when set (and is an error when it points nowhere). */
export function findChromium(): ChromiumLookup {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv !== undefined && fromEnv !== '') {
    return existsSync(fromEnv) && isExecutable(fromEnv)
      ? { ok: true, path: fromEnv }
      : { ok: false, reason: `CHROMIUM_PATH=${fromEnv} is not an executable file.` };
  }
  if (isExecutable('/usr/bin/chromium')) return { ok: true, path: '/usr/bin/chromium' };
  for (const name of ['chromium', 'chromium-browser']) {
    const found = onPath(name);
    if (found !== null) return { ok: true, path: found };
  }
  return { ok: false, reason: `No Chromium found. ${HOW_TO_GET_A_BROWSER}` };
}
