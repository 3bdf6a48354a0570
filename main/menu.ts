/**
 * The application menu: File > Import (Ctrl/Cmd+O), View > Library and Contents, and the
 * standard roles. Text size (Ctrl/Cmd + = and -) is the reader's own shortcut, not a menu item,
 * so one keypress changes it once. Developer tools only in development builds.
 */
import { Menu, app, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../preload/api';

/** What the menu's own items do; the standard roles are Electron's. */
export interface MenuActions {
  importDocuments(): void;
  command(command: MenuCommand): void;
}

/** The menu for this platform; "Toggle Developer Tools" only while `app.isPackaged` is false. */
export function buildMenu(actions: MenuActions): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: '&Import Documents…', accelerator: 'CmdOrCtrl+O', click: () => actions.importDocuments() },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { label: '&Library', accelerator: 'CmdOrCtrl+L', click: () => actions.command('show-library') },
        { label: '&Contents', accelerator: 'CmdOrCtrl+Shift+C', click: () => actions.command('toggle-toc') },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        // A packaged app's devtools would let anyone at the keyboard run code in the page.
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
