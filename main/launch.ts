/**
 * The shell's pure decisions, kept apart from Electron so they can be tested: which URLs are
 * the app's own (its scheme, or the dev server under `npm run dev`) and where the library lives.
 */
import { join, resolve } from 'node:path';

export const APP_SCHEME = 'lectern';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Says whether a URL belongs to the app itself. */
export type AppUrlCheck = (url: string) => boolean;

const parse = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/**
 * `lectern://app/…`, or a URL of the dev server's origin when there is one. Origins are compared
 * parsed, never by prefix: `http://localhost:5173@evil.com/` starts like the dev server but is
 * evil.com. A URL that carries credentials is never the app's.
 */
export function appUrlCheck(devServerUrl: string | undefined): AppUrlCheck {
  const devServer = devServerUrl === undefined ? null : parse(devServerUrl);
  return (url) => {
    const parsed = parse(url);
    if (parsed === null || parsed.username !== '' || parsed.password !== '') return false;
    // Node knows nothing of the lectern scheme (origin "null", host left in its case, where
    // Chromium, for which it is a standard scheme, lowers it): compare scheme and host.
    if (parsed.protocol === `${APP_SCHEME}:`) return parsed.host.toLowerCase() === APP_HOST;
    return devServer !== null && devServer.origin !== 'null' && parsed.origin === devServer.origin;
  };
}

/** `--library <path>` (or `--library=<path>`), else LECTERN_LIBRARY, else `<userData>/library`. */
export function libraryLocation(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  userDataDir: string,
): string {
  const flag = argv.indexOf('--library');
  const spaced = flag >= 0 ? argv[flag + 1] : undefined;
  const joined = argv.find((arg) => arg.startsWith('--library='))?.slice('--library='.length);
  // `--library --other-flag` names no folder: fall through rather than open one called "--other-flag".
  const fromFlag = [spaced, joined].find(
    (value) => value !== undefined && value !== '' && !value.startsWith('--'),
  );
  const fromEnv = env['LECTERN_LIBRARY'] === '' ? undefined : env['LECTERN_LIBRARY'];
  return resolve(fromFlag ?? fromEnv ?? join(userDataDir, 'library'));
}
