/**
 * The application menu: File > Import (Ctrl/Cmd+O), View > Library and Contents, and the
 * standard roles. Text size (Ctrl/Cmd + = and -) is the reader's own shortcut, not a menu item,
 * so one keypress changes it once.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../preload/api';

export interface MenuActions {
  importDocuments(): void;
  command(command: MenuCommand): void;
}

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
        { role: 'toggleDevTools' },
      ],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}
