/**
 * Electron's security checklist applied to every web contents the app creates: no navigation,
 * no new windows, no webviews, no permissions, no devices, and no network request leaves the app.
 */
import { app, session, type Event, type Session, type WebContents } from 'electron';
import type { AppUrlCheck } from './launch';

/** `isAppUrl` says whether a URL belongs to the app itself (its scheme, or the dev server). */
export function applySecurityPolicy(isAppUrl: AppUrlCheck): void {
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, isAppUrl));
  lockDownSession(session.defaultSession, isAppUrl);
}

function lockDownContents(contents: WebContents, isAppUrl: AppUrlCheck): void {
  const refuseForeign = (event: Event, url: string) => {
    if (!isAppUrl(url)) event.preventDefault();
  };
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => refuseForeign(event, url));
  contents.on('will-redirect', (event, url) => refuseForeign(event, url));
  // Subframes too (will-navigate sees only the main frame); the CSP already says frame-src 'none'.
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || !isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}

function lockDownSession(target: Session, isAppUrl: AppUrlCheck): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  target.setDevicePermissionHandler(() => false);
  // Electron offers the pairing handler on Windows and Linux only.
  if (process.platform !== 'darwin') {
    target.setBluetoothPairingHandler((_details, callback) => callback({ confirmed: false }));
  }
  // A reader has no use for devices: cancel every chooser the page could open.
  target.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback(null);
  });
  target.on('select-serial-port', (event, _ports, _contents, callback) => {
    event.preventDefault();
    callback('');
  });
  target.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  // Defence in depth behind the CSP: a document's remote image or link never reaches the network.
  target.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      isAppUrl(details.url) || details.url.startsWith('data:') || details.url.startsWith('devtools:');
    callback({ cancel: !allowed });
  });
}
