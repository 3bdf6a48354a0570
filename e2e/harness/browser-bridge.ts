/**
 * Gives a plain Chromium page the `window.lectern` the preload gives the Electron renderer: every
 * contract method travels over one WebSocket to the harness server (same origin, so the app's CSP
 * allows it), which calls the same core handlers that ipcMain.handle calls in the app; the core's
 * events come back on the same socket, in order with the answers, as on Electron's IPC channel.
 * A spec can make the next call of a method fail (failNext), to see what the user is told.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { API_METHODS, EVENT_NAMES, type ApiMethod, type Failure } from '../../preload/api';
import type { HeldCalls } from './app';
import type { Handlers } from './core';
import { isEncodedBytes, type HarnessWindow } from './page-globals';
import type { BridgeMessage, StaticServer } from './static-server';

interface PageSocket {
  readyState: number;
  send(data: string): void;
  addEventListener(type: 'open' | 'close' | 'message', listener: (event: { data?: unknown }) => void): void;
}

type PageGlobals = HarnessWindow & {
  btoa(data: string): string;
  WebSocket: new (url: string) => PageSocket;
};

/** Runs in the page before any app script. Self-contained: Playwright serializes it. */
function defineBridge({
  methods,
  events,
  endpoint,
}: {
  methods: readonly string[];
  events: readonly string[];
  endpoint: string;
}): void {
  const page = globalThis as unknown as PageGlobals;
  const OPEN = 1;
  const socket = new page.WebSocket(endpoint);
  const waiting = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  const unsent: string[] = [];
  let nextId = 1;
  socket.addEventListener('open', () => {
    for (const message of unsent.splice(0)) socket.send(message);
  });
  socket.addEventListener('close', () => {
    for (const call of waiting.values()) call.reject(new Error('lectern harness: the bridge closed'));
    waiting.clear();
  });
  socket.addEventListener('message', ({ data }) => {
    const message = JSON.parse(String(data)) as
      { id: number; value?: unknown; error?: string } | { event: string; payload: unknown };
    if ('event' in message) {
      page.lecternHarnessEmit(message.event, message.payload);
      return;
    }
    const call = waiting.get(message.id);
    waiting.delete(message.id);
    if (message.error !== undefined) call?.reject(new Error(message.error));
    else call?.resolve(message.value);
  });
  const invoke = (method: string, args: unknown[]): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      const message = JSON.stringify({ id, method, args });
      if (socket.readyState === OPEN) socket.send(message);
      else unsent.push(message);
    });
  const toBase64 = (bytes: Uint8Array): string => {
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    }
    return page.btoa(binary);
  };
  const encode = (value: unknown): unknown => {
    if (value instanceof Uint8Array) return { lecternBytesBase64: toBase64(value) };
    if (Array.isArray(value)) return value.map(encode);
    if (typeof value === 'object' && value !== null) {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, encode(item)]));
    }
    return value;
  };
  const calls: HarnessWindow['lecternHarnessCalls'] = [];
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const api: Record<string, unknown> = {};
  for (const method of methods) {
    api[method] = (...args: unknown[]) => {
      const call: HarnessWindow['lecternHarnessCalls'][number] = { method, at: page.performance.now() };
      calls.push(call);
      if (calls.length > 200) calls.shift();
      const result = invoke(method, encode(args) as unknown[]);
      void result.then(
        () => (call.doneAt = page.performance.now()),
        () => undefined,
      );
      return result;
    };
  }
  api.subscribe = (event: string, listener: (payload: unknown) => void) => {
    if (!events.includes(event)) throw new Error(`unknown event ${event}`);
    const set = listeners.get(event) ?? new Set();
    listeners.set(event, set);
    set.add(listener);
    return () => void set.delete(listener);
  };
  Object.defineProperty(page, 'lectern', { value: Object.freeze(api), enumerable: true });
  Object.defineProperty(page, 'lecternHarnessCalls', { value: calls });
  page.lecternHarnessEmit = (event, payload) => {
    // A copy: a listener may unsubscribe while we iterate.
    for (const listener of Array.from(listeners.get(event) ?? [])) listener(payload);
  };
}

const decode = (value: unknown): unknown => {
  if (isEncodedBytes(value)) return new Uint8Array(Buffer.from(value.lecternBytesBase64, 'base64'));
  if (Array.isArray(value)) return value.map(decode);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decode(item)]));
  }
  return value;
};

/** Lets the harness close the core safely: no call starts after stop(), and drain() waits for running ones. */
export interface BridgeControl {
  stop(): void;
  drain(): Promise<void>;
  /** The next call of `method` answers `failure` without reaching the core. */
  failNext(method: ApiMethod, failure: Omit<Failure, 'ok'>): void;
  /** Calls of `method` reach the core only once released. */
  hold(method: ApiMethod): HeldCalls;
  /** Pushes one of the core's events to the page, after every answer already sent (as webContents.send). */
  forward(event: string, payload: unknown): void;
}

export async function installBridge(
  page: Page,
  server: StaticServer,
  handlers: Handlers,
): Promise<BridgeControl> {
  const allowed = new Set<string>(API_METHODS);
  const running = new Set<Promise<unknown>>();
  const queuedFailures = new Map<string, Failure[]>();
  const holds = new Map<string, { asked: boolean; released: Promise<void> }>();
  let stopped = false;
  const token = randomBytes(16).toString('hex');
  const answer = async ({ method, args }: BridgeMessage): Promise<unknown> => {
    if (!allowed.has(method) || !Array.isArray(args)) {
      throw new Error(`lectern harness: no such method ${method}`);
    }
    // The page may still call while it unloads (pagehide saves the position): after the test
    // those calls must not reach a closed library or a deleted folder.
    if (stopped) throw new Error('lectern harness: the app is closing');
    const forced = queuedFailures.get(method)?.shift();
    if (forced) return forced;
    const hold = holds.get(method);
    if (hold !== undefined) {
      hold.asked = true;
      await hold.released;
    }
    const handler = handlers[method as keyof Handlers] as (...a: unknown[]) => Promise<unknown>;
    const call = handler(...(decode(args) as unknown[]));
    running.add(call);
    try {
      return await call;
    } finally {
      running.delete(call);
    }
  };
  const mounted = server.mountBridge(token, answer);
  await page.addInitScript(defineBridge, {
    methods: [...API_METHODS],
    events: [...EVENT_NAMES],
    endpoint: `${server.origin.replace(/^http/, 'ws')}/lectern-bridge/${token}`,
  });
  return {
    stop: () => {
      stopped = true;
      mounted.unmount();
    },
    drain: async () => {
      while (running.size > 0) await Promise.allSettled(running);
    },
    failNext: (method, failure) => {
      const queue = queuedFailures.get(method) ?? [];
      queue.push({ ok: false, ...failure });
      queuedFailures.set(method, queue);
    },
    hold: (method) => {
      let release = (): void => undefined;
      const hold = { asked: false, released: new Promise<void>((resolve) => (release = resolve)) };
      holds.set(method, hold);
      return {
        release: () => {
          holds.delete(method);
          release();
        },
        asked: () => hold.asked,
      };
    },
    forward: (event, payload) => mounted.push(event, payload),
  };
}

/** Pushes an event to the page's subscribers and waits until they have run (for specs that play main). */
export async function emitInPage(page: Page, event: string, payload: unknown): Promise<void> {
  await page.evaluate(
    ([name, data]) => (globalThis as unknown as HarnessWindow).lecternHarnessEmit(name, data),
    [event, payload] as const,
  );
}
