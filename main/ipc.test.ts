/** The IPC boundary under a faked Electron: one handler per contract method, foreign senders refused. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { API_METHODS, channelFor } from '../preload/api';
import { emit, registerIpc, type ContractHandlers } from './ipc';
import { appUrlCheck } from './launch';
import { FakeWebContents, fake, resetFakeElectron } from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

const calls: [string, unknown[]][] = [];
const handlers = Object.fromEntries(
  API_METHODS.map((method) => [
    method,
    async (...args: unknown[]) => {
      calls.push([method, args]);
      return { answeredBy: method };
    },
  ]),
) as ContractHandlers;

interface FrameShape {
  url: string;
  parent?: object | null;
  destroyed?: boolean;
  detached?: boolean;
}
const frame = ({ url, parent = null, destroyed = false, detached = false }: FrameShape) => ({
  url,
  parent,
  detached,
  isDestroyed: () => destroyed,
});
const topFrame = frame({ url: 'lectern://app/index.html' });

function invoke(method: string, senderFrame: object | null, ...args: unknown[]): unknown {
  const handler = fake.handlers.get(channelFor(method as 'listDocuments'));
  if (!handler) throw new Error(`no handler for ${method}`);
  return (handler as (event: object, ...rest: unknown[]) => unknown)({ senderFrame }, ...args);
}

beforeEach(() => {
  resetFakeElectron();
  calls.length = 0;
});

describe('registerIpc', () => {
  it('registers exactly one handler per contract method and nothing else', () => {
    registerIpc(handlers, appUrlCheck(undefined));
    expect([...fake.handlers.keys()].toSorted()).toEqual(API_METHODS.map(channelFor).toSorted());
    expect(fake.handlers.size).toBe(API_METHODS.length);
  });

  it('passes each method its own arguments and answers with its result', async () => {
    registerIpc(handlers, appUrlCheck(undefined));
    for (const method of API_METHODS) {
      await expect(invoke(method, topFrame, 'a', 2)).resolves.toEqual({ answeredBy: method });
    }
    expect(calls).toEqual(API_METHODS.map((method) => [method, ['a', 2]]));
  });

  it('lets the dev server page call under npm run dev', async () => {
    registerIpc(handlers, appUrlCheck('http://localhost:5173/'));
    await expect(invoke('listDocuments', frame({ url: 'http://localhost:5173/' }))).resolves.toBeTruthy();
  });

  const refused: [string, object | null][] = [
    ['a subframe of the app', frame({ url: 'lectern://app/index.html', parent: topFrame })],
    ['a foreign page', frame({ url: 'https://evil.example/' })],
    ['another host of the app scheme', frame({ url: 'lectern://evil/index.html' })],
    ['a file:// page', frame({ url: 'file:///home/me/lectern/index.html' })],
    ['a dev-server look-alike', frame({ url: 'http://localhost:5173@evil.com/' })],
    ['another port of the dev host', frame({ url: 'http://localhost:5174/' })],
    ['a destroyed frame', frame({ url: 'lectern://app/index.html', destroyed: true })],
    ['a detached frame', frame({ url: 'lectern://app/index.html', detached: true })],
    ['no frame at all', null],
  ];
  it.each(refused)('refuses %s and never calls the core', (_name, senderFrame) => {
    registerIpc(handlers, appUrlCheck('http://localhost:5173/'));
    expect(() => invoke('deleteDocument', senderFrame, '0123456789abcdef')).toThrow(/Refused IPC/);
    expect(calls).toEqual([]);
  });

  it('unsubscribe removes every handler, so registering again works', () => {
    const unregister = registerIpc(handlers, appUrlCheck(undefined));
    unregister();
    expect(fake.handlers.size).toBe(0);
    expect(() => registerIpc(handlers, appUrlCheck(undefined))).not.toThrow();
  });
});

describe('emit', () => {
  it('sends the payload on the event channel', () => {
    const contents = new FakeWebContents();
    emit(contents as never, 'menuCommand', 'toggle-toc');
    expect(contents.sent).toEqual([['lectern:menuCommand', 'toggle-toc']]);
  });

  it('sends nothing to a destroyed page', () => {
    const contents = new FakeWebContents();
    contents.destroyed = true;
    emit(contents as never, 'libraryChanged', { kind: 'added', ids: [] });
    expect(contents.sent).toEqual([]);
  });
});
