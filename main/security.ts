/**
 * Electron's security checklist applied to every web contents the app creates: no navigation,
 * no new windows, no webviews, no permissions, and no network request leaves the app.
 */
import { app, session, type Session } from 'electron';

/** `isAppUrl` says whether a URL belongs to the app itself (its scheme, or the dev server). */
export function applySecurityPolicy(isAppUrl: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
  lockDownSession(session.defaultSession, isAppUrl);
}

function lockDownSession(target: Session, isAppUrl: (url: string) => boolean): void {
  target.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  target.setPermissionCheckHandler(() => false);
  // Defence in depth behind the CSP: a document's remote image or link never reaches the network.
  target.webRequest.onBeforeRequest((details, callback) => {
    const allowed =
      isAppUrl(details.url) || details.url.startsWith('data:') || details.url.startsWith('devtools:');
    callback({ cancel: !allowed });
  });
}
