/**
 * A small hand-written stand-in for the `electron` module, so the shell's code runs in unit tests
 * (no Electron binary here). Tests install it with `vi.mock('electron', () => import(...))` and
 * inspect what the code registered through `fake`; `resetFakeElectron()` starts each test clean.
 */
import { EventEmitter } from 'node:events';

type Handler = (...args: never[]) => unknown;

/** An event object with Electron's `preventDefault()`. */
export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly fields: Record<string, unknown> = {}) {
    Object.assign(this, fields);
  }
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

/** Fires `name` on an emitter with a fresh FakeEvent first; returns the event. */
export function fire(emitter: EventEmitter, name: string, ...args: unknown[]): FakeEvent {
  const event = new FakeEvent();
  emitter.emit(name, event, ...args);
  return event;
}

class FakeWebContents extends EventEmitter {
  destroyed = false;
  sent: [string, unknown][] = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  isDestroyed(): boolean {
    return this.destroyed;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

class FakeSession extends EventEmitter {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  devicePermissionHandler: Handler | null = null;
  bluetoothPairingHandler: Handler | null = null;
  beforeRequest: Handler | null = null;
  webRequest = { onBeforeRequest: (handler: Handler) => (this.beforeRequest = handler) };
  setPermissionRequestHandler(handler: Handler): void {
    this.permissionRequestHandler = handler;
  }
  setPermissionCheckHandler(handler: Handler): void {
    this.permissionCheckHandler = handler;
  }
  setDevicePermissionHandler(handler: Handler): void {
    this.devicePermissionHandler = handler;
  }
  setBluetoothPairingHandler(handler: Handler): void {
    this.bluetoothPairingHandler = handler;
  }
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  calls: string[] = [];
  ready = Promise.resolve();
  paths: Record<string, string> = { userData: '/fake/user-data' };
  getPath(name: string): string {
    return this.paths[name] ?? `/fake/${name}`;
  }
  setPath(name: string, value: string): void {
    this.paths[name] = value;
  }
  enableSandbox(): void {
    this.calls.push('enableSandbox');
  }
  protocolClients: { protocol: string; path?: string; args?: string[] }[] = [];
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean {
    this.protocolClients.push({
      protocol,
      ...(path === undefined ? {} : { path }),
      ...(args ? { args } : {}),
    });
    return true;
  }
  requestSingleInstanceLock(): boolean {
    this.calls.push('requestSingleInstanceLock');
    return true;
  }
  whenReady(): Promise<void> {
    this.calls.push('whenReady');
    return this.ready;
  }
  quit(): void {
    this.calls.push('quit');
  }
  exit(code: number): void {
    this.calls.push(`exit ${code}`);
  }
}

class FakeBrowserWindow extends EventEmitter {
  static created: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show(): void {}
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {}
}

function createFake() {
  return {
    handlers: new Map<string, Handler>(),
    rendererListeners: new Map<string, Set<Handler>>(),
    invoked: [] as [string, unknown[]][],
    exposed: new Map<string, unknown>(),
    schemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
    fetched: [] as string[],
    fetchResponse: (url: string): Response => new Response(`contents of ${url}`, { status: 200 }),
    menuTemplate: null as unknown,
    applicationMenu: null as unknown,
    errorBoxes: [] as string[],
    openedExternally: [] as string[],
    dialogResult: { canceled: true, filePaths: [] as string[] },
    dialogCalls: [] as unknown[][],
    session: new FakeSession(),
    app: new FakeApp(),
  };
}

/** What the code under test registered; replaced by resetFakeElectron(). */
export let fake = createFake();

export function resetFakeElectron(): void {
  fake = createFake();
  FakeBrowserWindow.created = [];
}

export const ipcMain = {
  handle: (channel: string, handler: Handler) => {
    if (fake.handlers.has(channel))
      throw new Error(`Attempted to register a second handler for '${channel}'`);
    fake.handlers.set(channel, handler);
  },
  removeHandler: (channel: string) => void fake.handlers.delete(channel),
};

export const ipcRenderer = {
  invoke: (channel: string, ...args: unknown[]) => {
    fake.invoked.push([channel, args]);
    return Promise.resolve({ channel, args });
  },
  on: (channel: string, listener: Handler) => {
    const set = fake.rendererListeners.get(channel) ?? new Set<Handler>();
    set.add(listener);
    fake.rendererListeners.set(channel, set);
  },
  removeListener: (channel: string, listener: Handler) =>
    void fake.rendererListeners.get(channel)?.delete(listener),
};

export const contextBridge = {
  exposeInMainWorld: (key: string, value: unknown) => void fake.exposed.set(key, value),
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => void fake.schemes.push(...schemes),
  handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
    void fake.protocolHandlers.set(scheme, handler),
};

export const net = {
  fetch: (url: string) => {
    fake.fetched.push(url);
    return Promise.resolve(fake.fetchResponse(url));
  },
};

export const session = {
  get defaultSession(): FakeSession {
    return fake.session;
  },
};

export const app = new Proxy({} as FakeApp, {
  get: (_target, key) => {
    const value: unknown = Reflect.get(fake.app, key);
    return typeof value === 'function' ? (value as Handler).bind(fake.app) : value;
  },
});

export const shell = {
  openExternal: (url: string) => {
    fake.openedExternally.push(url);
    return Promise.resolve();
  },
};

export const dialog = {
  showOpenDialog: (...args: unknown[]) => {
    fake.dialogCalls.push(args);
    return Promise.resolve(fake.dialogResult);
  },
  showErrorBox: (_title: string, message: string) => void fake.errorBoxes.push(message),
};

export const Menu = {
  buildFromTemplate: (template: unknown) => {
    fake.menuTemplate = template;
    return { template };
  },
  setApplicationMenu: (menu: unknown) => void (fake.applicationMenu = menu),
};

export { FakeBrowserWindow as BrowserWindow, FakeWebContents, FakeSession };
