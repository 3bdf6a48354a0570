/**
 * One `ipcMain.handle` per method of the contract. Each call is checked twice before it
 * reaches the core: the sending frame must be our own top-level page, and the arguments are
 * validated by the core's handlers (zod schemas in main/library/schemas.ts).
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { API_METHODS, channelFor, type EventName, type LecternEvents } from '../preload/api';
import type { ApiHandlers } from './library/handlers';

export type SenderCheck = (frameUrl: string) => boolean;

export function registerIpc(handlers: ApiHandlers, isTrustedUrl: SenderCheck): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelFor(method), (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      assertTrustedSender(event, isTrustedUrl);
      return handlers[method](...args);
    });
  }
  return () => API_METHODS.forEach((method) => ipcMain.removeHandler(channelFor(method)));
}

function assertTrustedSender(event: IpcMainInvokeEvent, isTrustedUrl: SenderCheck): void {
  const frame = event.senderFrame;
  // Only the window's own top-level document may call: never a subframe, never a foreign page.
  if (!frame || frame.parent !== null || !isTrustedUrl(frame.url)) {
    throw new Error(`Refused IPC from untrusted frame ${frame?.url ?? '(destroyed)'}`);
  }
}

/** Sends a contract event to one window's renderer. */
export function emit<E extends EventName>(contents: WebContents, event: E, payload: LecternEvents[E]): void {
  if (!contents.isDestroyed()) contents.send(channelFor(event), payload);
}
