/**
 * The app's own `lectern://` scheme: serves the built renderer from disk (never file://),
 * refuses paths outside it, and sets the Content-Security-Policy header on every response.
 */
import { net, protocol } from 'electron';
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ASSET_HOST, answerAsset } from './library/documents/asset-resolver';
import { APP_HOST, APP_ORIGIN, APP_SCHEME } from './launch';

export { APP_HOST, APP_ORIGIN, APP_SCHEME };

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

/**
 * Serves `lectern://app/<path>` from `rendererDir` and, read-only, documents' pictures as
 * `lectern://asset/<docId>/<name>` from `documentsDir`; anything else is a 404 (400 if malformed).
 */
export function serveRenderer(rendererDir: string, documentsDir?: string): void {
  protocol.handle(APP_SCHEME, (request) => answerAppRequest(rendererDir, request.url, documentsDir));
}

/** The response to one `lectern:` request, with the security headers whatever its status. */
export async function answerAppRequest(
  rendererDir: string,
  requestUrl: string,
  documentsDir?: string,
): Promise<Response> {
  const url = URL.canParse(requestUrl) ? new URL(requestUrl) : null;
  if (url !== null && url.host.toLowerCase() === ASSET_HOST && documentsDir !== undefined) {
    const answer = await answerAsset(documentsDir, url.pathname);
    return new Response(answer.body, { status: answer.status, headers: answer.headers });
  }
  if (url === null || url.host.toLowerCase() !== APP_HOST) return withSecurityHeaders(notFound());
  const pathname = decodeRequestPath(url.pathname);
  if (pathname === null) return withSecurityHeaders(new Response('Bad request', { status: 400 }));
  const file = await resolveRealInside(rendererDir, pathname);
  if (file === null) return withSecurityHeaders(notFound());
  return withSecurityHeaders(await net.fetch(pathToFileURL(file).toString()));
}

const notFound = () => new Response('Not found', { status: 404 });

function withSecurityHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  headers.set('X-Content-Type-Options', 'nosniff');
  return new Response(response.body, { status: response.status, headers });
}

/**
 * The request path decoded, or null when it cannot be a plain path inside the folder: a malformed
 * escape, an encoded separator (`%2f`, `%5c`: a name never holds one, so it is a disguise), a
 * backslash, a NUL, a `..` segment, a drive letter or a UNC start.
 */
export function decodeRequestPath(rawPathname: string): string | null {
  if (/%(2f|5c|00)/i.test(rawPathname)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPathname);
  } catch {
    return null;
  }
  const suspicious =
    decoded.includes('\\') ||
    decoded.includes('\0') ||
    decoded.startsWith('//') ||
    /^\/?[a-z]:/i.test(decoded) ||
    decoded.split('/').some((segment) => segment === '..');
  return suspicious ? null : decoded;
}

/** `root/pathname` if it stays inside root, as text, else null ("/" means index.html). */
export function resolveInside(root: string, pathname: string): string | null {
  const wanted = resolve(root, `.${pathname === '/' ? '/index.html' : pathname}`);
  return isInside(root, wanted) ? wanted : null;
}

/**
 * resolveInside, then the same check on the real paths: a symlink inside the folder that
 * points out of it is refused. Null too when there is no such file (or it is a folder).
 */
export async function resolveRealInside(root: string, pathname: string): Promise<string | null> {
  const wanted = resolveInside(root, pathname);
  if (wanted === null) return null;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(wanted)]);
    return isInside(realRoot, realFile) && (await stat(realFile)).isFile() ? realFile : null;
  } catch {
    return null;
  }
}

function isInside(root: string, candidate: string): boolean {
  const rel = relative(root, candidate);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
