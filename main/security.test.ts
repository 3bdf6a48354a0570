/** The security policy under a faked Electron: every way out of the app page is refused. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { appUrlCheck } from './launch';
import { applySecurityPolicy } from './security';
import { FakeEvent, FakeWebContents, fake, fire, resetFakeElectron } from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

let contents: FakeWebContents;
beforeEach(() => {
  resetFakeElectron();
  applySecurityPolicy(appUrlCheck('http://localhost:5173/'));
  contents = new FakeWebContents();
  fake.app.emit('web-contents-created', new FakeEvent(), contents);
});

const FOREIGN = [
  'https://evil.example/',
  'http://localhost:5173@evil.com/',
  'lectern://evil/index.html',
  'file:///etc/passwd',
  'javascript:alert(1)',
];

/** Calls a handler the code registered and returns what it answered through its callback. */
function answerOf(register: ((...args: never[]) => unknown) | null, ...args: unknown[]): unknown[] {
  const answers: unknown[] = [];
  (register as (...rest: unknown[]) => void)(...args, (...answer: unknown[]) => answers.push(...answer));
  return answers;
}

/** Fires will-frame-navigate; says whether the navigation was refused. */
function navigate(url: string, isMainFrame: boolean): boolean {
  const event = new FakeEvent({ url, isMainFrame });
  contents.emit('will-frame-navigate', event);
  return event.defaultPrevented;
}

/** Whether the request filter cancels a request for `url`. */
const cancelled = (url: string) =>
  (answerOf(fake.session.beforeRequest, { url })[0] as { cancel: boolean }).cancel;

describe('navigation', () => {
  it.each(['will-navigate', 'will-redirect'])('%s to a foreign URL is refused', (name) => {
    for (const url of FOREIGN) expect(fire(contents, name, url).defaultPrevented, url).toBe(true);
  });

  it.each(['will-navigate', 'will-redirect'])('%s inside the app goes ahead', (name) => {
    expect(fire(contents, name, 'lectern://app/index.html#chapter-2').defaultPrevented).toBe(false);
    expect(fire(contents, name, 'http://localhost:5173/').defaultPrevented).toBe(false);
  });

  it('will-frame-navigate: refuses subframes and foreign main-frame URLs', () => {
    expect(navigate('lectern://app/index.html#notes', true)).toBe(false);
    expect(navigate('lectern://app/index.html', false)).toBe(true);
    expect(navigate('about:blank', false)).toBe(true);
    for (const url of FOREIGN) expect(navigate(url, true), url).toBe(true);
  });

  it('denies every new window, even one of the app', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'lectern://app/index.html' })).toEqual({ action: 'deny' });
  });

  it('refuses to attach a webview', () => {
    expect(fire(contents, 'will-attach-webview', {}, { src: 'lectern://app/' }).defaultPrevented).toBe(true);
  });
});

describe('permissions and devices', () => {
  it('refuses every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(answerOf(fake.session.permissionRequestHandler, contents, permission)).toEqual([false]);
      expect((fake.session.permissionCheckHandler as (...args: unknown[]) => boolean)(null, permission)).toBe(
        false,
      );
    }
  });

  it('refuses device permissions and Bluetooth pairing', () => {
    const devicePermission = fake.session.devicePermissionHandler as (details: object) => boolean;
    expect(devicePermission({ deviceType: 'usb', origin: 'lectern://app' })).toBe(false);
    expect(answerOf(fake.session.bluetoothPairingHandler, { pairingKind: 'confirm' })).toEqual([
      { confirmed: false },
    ]);
  });

  it.each([
    ['select-hid-device', [{ deviceList: [{ deviceId: 'hid-1' }] }], null],
    ['select-serial-port', [[{ portId: 'port-1' }], contents], ''],
    ['select-usb-device', [{ deviceList: [{ deviceId: 'usb-1' }] }], undefined],
  ] as const)('cancels the %s chooser', (name, args, cancelAnswer) => {
    const answers: unknown[] = [];
    const event = fire(fake.session, name, ...args, (id?: unknown) => answers.push(id));
    expect(event.defaultPrevented).toBe(true);
    expect(answers).toEqual([cancelAnswer]);
  });

  it('cancels the Bluetooth device chooser', () => {
    const answers: unknown[] = [];
    const event = fire(contents, 'select-bluetooth-device', [{ deviceId: 'bt-1' }], (id: string) =>
      answers.push(id),
    );
    expect(event.defaultPrevented).toBe(true);
    expect(answers).toEqual(['']);
  });
});

describe('requests', () => {
  it.each([...FOREIGN, 'https://example.com/cover.png', 'ws://localhost:5173/', 'http://127.0.0.1/'])(
    'cancels %s',
    (url) => expect(cancelled(url)).toBe(true),
  );

  it.each([
    'lectern://app/assets/index.js',
    'http://localhost:5173/@vite/client',
    'data:image/png;base64,iVBORw0KGgo=',
    'devtools://devtools/bundled/inspector.html',
  ])('lets %s through', (url) => expect(cancelled(url)).toBe(false));
});
