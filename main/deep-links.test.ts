/** Deep links from outside: which arguments count as one, the inbox that holds it, OS registration. */
import { describe, expect, it } from 'vitest';
import { DeepLinkInbox, deepLinkInArgv, registerDeepLinkClient } from './deep-links';

const DOC = '0123456789abcdef';
const HL = 'fedcba9876543210';

describe('deepLinkInArgv', () => {
  it('finds the link among Electron’s and Chromium’s own arguments', () => {
    const argv = ['/opt/Lectern/lectern', '--no-sandbox', `lectern://open?doc=${DOC}&highlight=${HL}`];
    expect(deepLinkInArgv(argv)).toEqual({ documentId: DOC, highlightId: HL });
    expect(deepLinkInArgv(['lectern', `LECTERN://open?doc=${DOC}`, `lectern://open?doc=${DOC}`])).toEqual({
      documentId: DOC,
      highlightId: null,
    });
  });

  it('ignores anything that is not exactly a deep link', () => {
    const hostile = [
      'lectern://app/index.html',
      `lectern://open?doc=${DOC}&highlight=${HL}&then=evil`,
      `lectern://open?doc=${DOC.toUpperCase()}`,
      `lectern://open?doc=../../etc/passwd`,
      `lectern://open?doc=${DOC}#<script>alert(1)</script>`,
      `lectern://open?doc=${DOC}`.padEnd(5000, 'x'),
      `--library=lectern://open?doc=${DOC}`,
      'javascript:alert(1)',
      '',
    ];
    expect(deepLinkInArgv(hostile)).toBeNull();
    expect(deepLinkInArgv([])).toBeNull();
  });
});

describe('DeepLinkInbox', () => {
  it('keeps the newest link until taken, once, and says when one arrives', () => {
    let arrivals = 0;
    const inbox = new DeepLinkInbox(() => arrivals++);
    inbox.offer(null);
    expect(arrivals).toBe(0);
    expect(inbox.take()).toBeNull();
    inbox.offer({ documentId: DOC, highlightId: null });
    inbox.offer({ documentId: DOC, highlightId: HL });
    expect(arrivals).toBe(2);
    expect(inbox.take()).toEqual({ documentId: DOC, highlightId: HL });
    expect(inbox.take()).toBeNull();
  });
});

describe('registerDeepLinkClient', () => {
  const recorder = () => {
    const calls: unknown[][] = [];
    return {
      calls,
      setAsDefaultProtocolClient: (...args: unknown[]) => calls.push(args) > 0,
    };
  };

  it('registers the packaged app for the scheme', () => {
    const app = recorder();
    registerDeepLinkClient(app, { execPath: '/opt/Lectern/lectern', argv: ['/opt/Lectern/lectern'] });
    expect(app.calls).toEqual([['lectern']]);
  });

  it('under the bare Electron binary, names the script to run so a click does not start an empty Electron', () => {
    const app = recorder();
    registerDeepLinkClient(app, {
      defaultApp: true,
      execPath: '/repo/node_modules/electron/dist/electron',
      argv: ['/repo/node_modules/electron/dist/electron', 'out/main/index.js'],
    });
    const [call] = app.calls as [[string, string, string[]]];
    expect(call[0]).toBe('lectern');
    expect(call[1]).toBe('/repo/node_modules/electron/dist/electron');
    const [script = ''] = call[2];
    expect(script).toMatch(/\/out\/main\/index\.js$/);
    expect(script.startsWith('/')).toBe(true);
  });
});
