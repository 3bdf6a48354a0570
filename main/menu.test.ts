/** The application menu under a faked Electron: its items call the right actions; no devtools when packaged. */
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMenu } from './menu';
import { fake, resetFakeElectron } from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

const performed: string[] = [];
const actions = {
  importDocuments: () => void performed.push('import'),
  command: (command: string) => void performed.push(command),
};

/** Every item of the template, submenus flattened. */
function items(): MenuItemConstructorOptions[] {
  const walk = (list: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
    list.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? walk(item.submenu) : [])]);
  return walk(fake.menuTemplate as MenuItemConstructorOptions[]);
}
const byLabel = (label: string) => items().find((item) => item.label === label);
const roles = () => items().flatMap((item) => (item.role ? [item.role] : []));

const realPlatform = process.platform;
const setPlatform = (platform: string) => Object.defineProperty(process, 'platform', { value: platform });

beforeEach(() => {
  resetFakeElectron();
  performed.length = 0;
});
afterEach(() => setPlatform(realPlatform));

describe('buildMenu', () => {
  it('offers Toggle Developer Tools in development', () => {
    fake.app.isPackaged = false;
    buildMenu(actions);
    expect(roles()).toContain('toggleDevTools');
  });

  it('leaves developer tools out of a packaged app', () => {
    fake.app.isPackaged = true;
    buildMenu(actions);
    expect(roles()).not.toContain('toggleDevTools');
    expect(roles()).toContain('togglefullscreen');
  });

  it('wires Import, Library and Contents to their actions and shortcuts', () => {
    buildMenu(actions);
    const clickOf = (label: string) => byLabel(label)?.click as () => void;
    clickOf('&Import Documents…')();
    clickOf('&Library')();
    clickOf('&Contents')();
    expect(performed).toEqual(['import', 'show-library', 'toggle-toc']);
    expect(byLabel('&Import Documents…')?.accelerator).toBe('CmdOrCtrl+O');
    expect(byLabel('&Library')?.accelerator).toBe('CmdOrCtrl+L');
    expect(byLabel('&Contents')?.accelerator).toBe('CmdOrCtrl+Shift+C');
  });

  it('has the app menu and Close on macOS, Quit elsewhere', () => {
    setPlatform('darwin');
    buildMenu(actions);
    expect(roles()).toEqual(expect.arrayContaining(['appMenu', 'close']));
    expect(roles()).not.toContain('quit');
    setPlatform('linux');
    buildMenu(actions);
    expect(roles()).toContain('quit');
    expect(roles()).not.toContain('appMenu');
  });
});
