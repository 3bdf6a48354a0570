/**
 * A tiny static file server for the built renderer: module scripts do not load from file://
 * in plain Chromium. Binds 127.0.0.1 on a random port; refuses anything outside its root.
 * It also carries the harness bridge (a WebSocket at `/lectern-bridge/<token>`): one open socket
 * answers a call in about a millisecond, as Electron's IPC does, where an HTTP request per call
 * took 6-20 ms and a Playwright binding hundreds (and the benchmarks would measure the transport).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
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

/** One call from the page: which contract method, with which (JSON) arguments. */
export interface BridgeMessage {
  method: string;
  args: unknown;
}

/** Answers one bridge call with the handler's value; a throw is sent to the page as an error. */
export type BridgeEndpoint = (call: BridgeMessage) => Promise<unknown>;

export interface MountedBridge {
  /** Sends an event to every page connected under this token, after the answers already sent. */
  push(event: string, payload: unknown): void;
  unmount(): void;
}

export interface StaticServer {
  /** Origin without a trailing slash, e.g. http://127.0.0.1:41234 */
  readonly origin: string;
  /** Serves bridge calls on the WebSocket `/lectern-bridge/<token>`. */
  mountBridge(token: string, endpoint: BridgeEndpoint): MountedBridge;
  /** Serves this library's pictures (the last mounted library wins); returns the unmount function. */
  mountAssets(documentsDir: string): () => void;
  close(): Promise<void>;
}

const BRIDGE_PATH = /^\/lectern-bridge\/([0-9a-f]{32})$/;
/** A 30 MB book in one answer, with room for base64 imports: the default 100 MB could cut them. */
const MAX_MESSAGE_BYTES = 512 * 1024 * 1024;

interface BridgeSockets {
  endpoint: BridgeEndpoint;
  sockets: Set<WebSocket>;
}

function parseCall(data: unknown): (BridgeMessage & { id: number }) | null {
  try {
    const message = JSON.parse(String(data)) as Partial<BridgeMessage & { id: number }>;
    if (typeof message.id !== 'number' || typeof message.method !== 'string') return null;
    return { id: message.id, method: message.method, args: message.args };
  } catch {
    return null;
  }
}

function serveBridgeSocket(bridge: BridgeSockets, socket: WebSocket): void {
  bridge.sockets.add(socket);
  socket.on('close', () => bridge.sockets.delete(socket));
  socket.on('message', (data) => {
    const call = parseCall(data);
    if (call === null) {
      socket.close(1003, 'not a bridge call');
      return;
    }
    bridge.endpoint(call).then(
      (value) => socket.send(JSON.stringify({ id: call.id, value })),
      (error: unknown) =>
        socket.send(
          JSON.stringify({ id: call.id, error: error instanceof Error ? error.message : String(error) }),
        ),
    );
  });
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
  const bridges = new Map<string, BridgeSockets>();
  let assetsDir: string | null = null;
  const server = createServer((request, response) => {
    const isAsset = request.url?.startsWith(`${HARNESS_ASSET_PREFIX}/`) ?? false;
    const answer = isAsset
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
  const origin = `http://127.0.0.1:${port}`;
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  server.on('upgrade', (request: IncomingMessage, socket: Socket, head: Buffer) => {
    const token = BRIDGE_PATH.exec(request.url ?? '')?.[1];
    const bridge = token === undefined ? undefined : bridges.get(token);
    // Only the app's own page: another origin (or a stale token) gets no socket.
    if (bridge === undefined || request.headers.origin !== origin) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (open) => serveBridgeSocket(bridge, open));
  });
  return {
    origin,
    mountBridge(token, endpoint) {
      const bridge: BridgeSockets = { endpoint, sockets: new Set() };
      bridges.set(token, bridge);
      return {
        push: (event, payload) => {
          const message = JSON.stringify({ event, payload });
          for (const open of bridge.sockets) open.send(message);
        },
        unmount: () => {
          bridges.delete(token);
          for (const open of bridge.sockets) open.terminate();
        },
      };
    },
    mountAssets(documentsDir) {
      assetsDir = documentsDir;
      return () => {
        if (assetsDir === documentsDir) assetsDir = null;
      };
    },
    close: () =>
      new Promise<void>((done) => {
        for (const open of sockets.clients) open.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
