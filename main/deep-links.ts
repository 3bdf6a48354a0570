/**
 * Deep links into Lectern (`lectern://open?doc=…&highlight=…`, written into exported notes): how the
 * shell registers the scheme with the OS and where a clicked link waits until the window takes it.
 */
import { resolve } from 'node:path';
import { parseDeepLink, type DeepLink } from '../common/export/deep-link';
import { APP_SCHEME } from './launch';

/**
 * The first deep link among command-line arguments (Windows and Linux hand a clicked link to the
 * app as an argument, to a new process or through `second-instance`). Anything else that merely
 * starts with the scheme is ignored: any program can put any text there.
 */
export function deepLinkInArgv(argv: readonly string[]): DeepLink | null {
  for (const arg of argv) {
    if (!arg.toLowerCase().startsWith(`${APP_SCHEME}:`)) continue;
    const link = parseDeepLink(arg);
    if (link !== null) return link;
  }
  return null;
}

/**
 * Holds the latest link until the renderer takes it: a link can arrive before the window exists
 * (the click that started the app) or while the page is still loading, so the page asks for it at
 * start and again whenever it is told one arrived. A newer link replaces an unopened older one.
 */
export class DeepLinkInbox {
  private pending: DeepLink | null = null;

  constructor(private readonly arrived: () => void) {}

  offer(link: DeepLink | null): void {
    if (link === null) return;
    this.pending = link;
    this.arrived();
  }

  take(): DeepLink | null {
    const link = this.pending;
    this.pending = null;
    return link;
  }
}

interface ProtocolClientApp {
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
}

/** What registration needs of `process`: started through the bare Electron binary or not. */
export interface LaunchedAs {
  defaultApp?: boolean;
  execPath: string;
  argv: readonly string[];
}

/**
 * Asks the OS to send `lectern:` links to this app. Under `npm start` / `npm run dev` the process is
 * the bare Electron binary (`process.defaultApp`), so the OS must be told which script to run with
 * it, or a click would start an empty Electron.
 */
export function registerDeepLinkClient(app: ProtocolClientApp, launched: LaunchedAs): boolean {
  const script = launched.argv[1];
  if (launched.defaultApp === true && script !== undefined)
    return app.setAsDefaultProtocolClient(APP_SCHEME, launched.execPath, [resolve(script)]);
  return app.setAsDefaultProtocolClient(APP_SCHEME);
}
