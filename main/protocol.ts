/**
 * The app's own `lectern://` scheme: serves the built renderer from disk (never file://),
 * refuses paths outside it, and sets the Content-Security-Policy header on every response.
 */
import { net, protocol } from 'electron';
import { isAbsolute, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export const APP_SCHEME = 'lectern';
export const APP_HOST = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // Lit applies component styles as constructed stylesheets and style attributes.
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' data: ${APP_SCHEME}:`,
  "font-src 'self'",
  "worker-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  "object-src 'none'",
].join('; ');

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves `lectern://app/<path>` from `rendererDir`; anything else is a 404. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    const file = resolveInside(rendererDir, decodeURIComponent(url.pathname));
    if (url.host !== APP_HOST || file === null) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const headers = new Headers(response.headers);
    headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    headers.set('X-Content-Type-Options', 'nosniff');
    return new Response(response.body, { status: response.status, headers });
  });
}

/** `root/pathname` if it stays inside root, else null ("/" means index.html). */
export function resolveInside(root: string, pathname: string): string | null {
  const wanted = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  const rel = relative(root, wanted);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return null;
  return wanted;
}
