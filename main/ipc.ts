/**
 * One `ipcMain.handle` per method of the contract. Each call is checked twice before it
 * reaches the core: the sending frame must be our own top-level page, and the arguments are
 * validated by the core's handlers (zod schemas in main/library).
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { API_METHODS, channelFor, type ApiMethod, type EventName, type LecternEvents } from '../preload/api';

/** Says whether a frame's URL is the app's own (see launch.ts). */
export type SenderCheck = (frameUrl: string) => boolean;

/** One async function per contract method; they validate their own arguments. */
export type ContractHandlers = { [M in ApiMethod]: (...args: unknown[]) => Promise<unknown> };

/** Registers every contract method; returns the function that removes them all again. */
export function registerIpc(handlers: ContractHandlers, isTrustedUrl: SenderCheck): () => void {
  for (const method of API_METHODS) {
    ipcMain.handle(channelFor(method), (event: IpcMainInvokeEvent, ...args: unknown[]) => {
      assertTrustedSender(event, isTrustedUrl);
      return handlers[method](...args);
    });
  }
  return () => API_METHODS.forEach((method) => ipcMain.removeHandler(channelFor(method)));
}

/** Only the window's own top-level document may call: never a subframe, a foreign or a dead page. */
function assertTrustedSender(event: IpcMainInvokeEvent, isTrustedUrl: SenderCheck): void {
  const frame = event.senderFrame;
  const alive = frame !== null && !frame.isDestroyed() && !frame.detached;
  if (!alive || frame.parent !== null || !isTrustedUrl(frame.url)) {
    // Thrown, not a Failure value: a refused sender is an attack or a bug, never a user's mistake.
    throw new Error(`Refused IPC from untrusted frame ${alive ? frame.url : '(destroyed)'}`);
  }
}

/** Sends a contract event to one window's renderer. */
export function emit<E extends EventName>(contents: WebContents, event: E, payload: LecternEvents[E]): void {
  if (!contents.isDestroyed()) contents.send(channelFor(event), payload);
}
