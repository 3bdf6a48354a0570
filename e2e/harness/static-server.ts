/**
 * A tiny static file server for the built renderer: module scripts do not load from file://
 * in plain Chromium. Binds 127.0.0.1 on a random port; refuses anything outside its root.
 * It also carries the harness bridge's calls (`POST /lectern-bridge/<token>/<method>`): plain
 * HTTP moves a 3 MB document into the page in milliseconds, as Electron's IPC does, where a
 * Playwright binding takes hundreds (and would be measured by the benchmarks).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { answerAsset } from '../../main/library/documents/asset-resolver';

/**
 * Where the harness serves documents' pictures: the app's `lectern://asset/<docId>/<name>` is
 * `<origin>/lectern-asset/<docId>/<name>` here (renderer/reader/document-images.ts), answered by
 * the app's own resolver.
 */
export const HARNESS_ASSET_PREFIX = '/lectern-asset';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Answers one bridge call: the method name and the request body (JSON) -> the response body (JSON). */
export type BridgeEndpoint = (method: string, body: string) => Promise<string>;

export interface StaticServer {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** Serves bridge calls under `/lectern-bridge/<token>/`; returns the function that removes them. */
  mountBridge(token: string, endpoint: BridgeEndpoint): () => void;
  /** Serves this library's pictures (the last mounted library wins); returns the unmount function. */
  mountAssets(documentsDir: string): () => void;
  close(): Promise<void>;
}

const BRIDGE_PATH = /^\/lectern-bridge\/([0-9a-f]{32})\/([A-Za-z]{1,40})$/;

async function answerBridge(
  endpoints: Map<string, BridgeEndpoint>,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const match = BRIDGE_PATH.exec(new URL(request.url ?? '/', 'http://localhost').pathname);
  const endpoint = match ? endpoints.get(match[1] ?? '') : undefined;
  if (request.method !== 'POST' || !match || endpoint === undefined) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('no such bridge');
    return;
  }
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    const body = await endpoint(match[2] ?? '', Buffer.concat(chunks).toString('utf8'));
    response
      .writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
      .end(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end(message);
  }
}

/** Maps a request path onto a file under root, or null when it would escape root. */
export function resolveUnderRoot(root: string, requestUrl: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(requestUrl, 'http://localhost').pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  if (pathname.endsWith('/')) pathname += 'index.html';
  const absoluteRoot = resolve(root);
  const file = resolve(absoluteRoot, `.${pathname}`);
  return file.startsWith(absoluteRoot + sep) ? file : null;
}

async function serve(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const file = resolveUnderRoot(root, request.url ?? '/');
  const info = file === null ? null : await stat(file).catch(() => null);
  if (file === null || info === null || !info.isFile()) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-store',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}

async function serveAsset(documentsDir: string | null, url: string, response: ServerResponse): Promise<void> {
  const pathname = url.slice(HARNESS_ASSET_PREFIX.length).replace(/[?#].*$/, '');
  if (documentsDir === null) {
    response.writeHead(404, { 'content-type': 'text/plain' }).end('no library');
    return;
  }
  const answer = await answerAsset(documentsDir, pathname);
  response.writeHead(answer.status, answer.headers).end(answer.body);
}

export async function startStaticServer(root: string): Promise<StaticServer> {
  const endpoints = new Map<string, BridgeEndpoint>();
  let assetsDir: string | null = null;
  const server = createServer((request, response) => {
    const isBridge = request.url?.startsWith('/lectern-bridge/') ?? false;
    const isAsset = request.url?.startsWith(`${HARNESS_ASSET_PREFIX}/`) ?? false;
    const answer = isBridge
      ? answerBridge(endpoints, request, response)
      : isAsset
        ? serveAsset(assetsDir, request.url ?? '', response)
        : serve(root, request, response);
    answer.catch((error: unknown) => {
      console.error('static server:', error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    mountBridge(token, endpoint) {
      endpoints.set(token, endpoint);
      return () => void endpoints.delete(token);
    },
    mountAssets(documentsDir) {
      assetsDir = documentsDir;
      return () => {
        if (assetsDir === documentsDir) assetsDir = null;
      };
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
