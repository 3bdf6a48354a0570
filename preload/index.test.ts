/** The preload under a faked Electron: exactly the contract on window.lectern, events without Electron's objects. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as FakeElectron from '../main/test-support/fake-electron';
import { API_METHODS, EVENT_NAMES, channelFor, type LecternBridge } from './api';

vi.mock('electron', () => import('../main/test-support/fake-electron'));

// The preload runs on import: each test imports it afresh into a clean fake.
let fake: typeof FakeElectron.fake;
let bridge: LecternBridge;
beforeEach(async () => {
  vi.resetModules();
  const electron = (await import('electron')) as unknown as typeof FakeElectron;
  electron.resetFakeElectron();
  await import('./index');
  fake = electron.fake;
  bridge = fake.exposed.get('lectern') as LecternBridge;
});

/** Sends an event from "main" the way ipcRenderer would: an event object, then the payload. */
function sendFromMain(channel: string, payload: unknown): void {
  const electronEvent = { sender: { ipcRendererInternals: true }, ports: [] };
  for (const listener of fake.rendererListeners.get(channel) ?? []) {
    (listener as (event: unknown, payload: unknown) => void)(electronEvent, payload);
  }
}

describe('window.lectern', () => {
  it('is the only thing exposed, with exactly the contract methods plus subscribe', () => {
    expect([...fake.exposed.keys()]).toEqual(['lectern']);
    expect(Object.keys(bridge).toSorted()).toEqual([...API_METHODS, 'subscribe'].toSorted());
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('maps each method onto its own channel with its arguments', async () => {
    const bytes = new Uint8Array([0xe2, 0x80, 0x94]);
    await bridge.importFiles([{ name: 'dash.md', bytes }]);
    await bridge.renameDocument('0123456789abcdef', 'War and Peace');
    await bridge.listDocuments();
    expect(fake.invoked).toEqual([
      ['lectern:importFiles', [[{ name: 'dash.md', bytes }]]],
      ['lectern:renameDocument', ['0123456789abcdef', 'War and Peace']],
      ['lectern:listDocuments', []],
    ]);
  });
});

describe('subscribe', () => {
  it('refuses an event outside the contract and listens to nothing', () => {
    const subscribe = bridge.subscribe as (event: string, listener: () => void) => () => void;
    for (const name of ['lectern:menuCommand', 'importFiles', '__proto__', 'constructor', '']) {
      expect(() => subscribe(name, () => {}), name).toThrow(/Unknown event/);
    }
    expect(fake.rendererListeners.size).toBe(0);
  });

  it('gives the listener the payload only, never the Electron event object', () => {
    const received: unknown[][] = [];
    bridge.subscribe('menuCommand', (...args: unknown[]) => received.push(args));
    sendFromMain(channelFor('menuCommand'), 'toggle-toc');
    sendFromMain(channelFor('libraryChanged'), null);
    expect(received).toEqual([['toggle-toc']]);
  });

  it('unsubscribe removes that listener and leaves the others', () => {
    const first: unknown[] = [];
    const second: unknown[] = [];
    const stopFirst = bridge.subscribe('libraryChanged', (payload) => first.push(payload));
    bridge.subscribe('libraryChanged', (payload) => second.push(payload));
    sendFromMain(channelFor('libraryChanged'), null);
    stopFirst();
    sendFromMain(channelFor('libraryChanged'), null);
    expect(first).toEqual([null]);
    expect(second).toEqual([null, null]);
    expect(fake.rendererListeners.get(channelFor('libraryChanged'))?.size).toBe(1);
  });

  it('accepts every contract event', () => {
    for (const name of EVENT_NAMES) expect(typeof bridge.subscribe(name, () => {})).toBe('function');
  });
});
