/** Native dialogs and the system browser under a faked Electron. */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { electronPlatform } from './platform';
import { BrowserWindow, fake, resetFakeElectron } from './test-support/fake-electron';

vi.mock('electron', () => import('./test-support/fake-electron'));

beforeEach(() => resetFakeElectron());

describe('electronPlatform', () => {
  it('attaches the import dialog to the window and returns the picked files', async () => {
    const window = new BrowserWindow({});
    fake.dialogResult = { canceled: false, filePaths: ['/books/a.md', '/books/b.epub'] };
    const platform = electronPlatform(
      () => window as never,
      () => null,
    );
    await expect(platform.chooseFilesToImport()).resolves.toEqual(['/books/a.md', '/books/b.epub']);
    const [parent, options] = fake.dialogCalls[0] as [unknown, { properties: string[]; filters: unknown[] }];
    expect(parent).toBe(window);
    expect(options.properties).toEqual(['openFile', 'multiSelections']);
    expect(options.filters).toHaveLength(1);
  });

  it('answers null when the user cancels, and opens without a parent when the window is closed', async () => {
    const platform = electronPlatform(
      () => null,
      () => null,
    );
    await expect(platform.chooseFilesToImport()).resolves.toBeNull();
    await expect(platform.chooseFileToUpdate('War and Peace')).resolves.toBeNull();
    const [options] = fake.dialogCalls[1] as [{ title: string; properties: string[] }];
    expect(options.title).toBe('Update “War and Peace” from file');
    expect(options.properties).toEqual(['openFile']);
  });

  it('picks one file to update from and hands links to the system browser', async () => {
    fake.dialogResult = { canceled: false, filePaths: ['/books/new.md'] };
    const platform = electronPlatform(
      () => null,
      () => null,
    );
    await expect(platform.chooseFileToUpdate('Notes')).resolves.toBe('/books/new.md');
    await platform.openExternal('https://example.com/');
    expect(fake.openedExternally).toEqual(['https://example.com/']);
  });
});
