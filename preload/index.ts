/**
 * Exposes exactly the methods of the contract (preload/api.ts) as `window.lectern`, plus one
 * `subscribe` for the contract's events. No ipcRenderer, no generic send, no Electron objects.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { API_METHODS, EVENT_NAMES, channelFor, type EventName, type LecternBridge } from './api';

const methods = Object.fromEntries(
  API_METHODS.map((method) => [
    method,
    (...args: unknown[]) => ipcRenderer.invoke(channelFor(method), ...args),
  ]),
);

function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
  if (!(EVENT_NAMES as readonly string[]).includes(event)) throw new Error(`Unknown event ${String(event)}`);
  // Hand the renderer the payload only, never the Electron event object.
  const relay = (_event: unknown, payload: unknown) => listener(payload);
  ipcRenderer.on(channelFor(event), relay);
  return () => ipcRenderer.removeListener(channelFor(event), relay);
}

const bridge = { ...methods, subscribe } as unknown as LecternBridge;
contextBridge.exposeInMainWorld('lectern', bridge);
