/** What the core asks of the operating system: native open dialogs and the system browser. */
import { dialog, shell, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { IMPORT_DIALOG_FILTER_NAME, IMPORT_EXTENSIONS } from '../common/formats';
import type { OpenRequest } from '../preload/api';
import type { Platform } from './library/handlers';

const DOCUMENT_FILTERS = [
  { name: IMPORT_DIALOG_FILTER_NAME, extensions: IMPORT_EXTENSIONS.map((extension) => extension.slice(1)) },
];

/** `window()` is the window dialogs attach to (none while it is closed). */
export function electronPlatform(
  window: () => BrowserWindow | null,
  takeOpenRequest: () => OpenRequest | null,
): Platform {
  const pickFiles = async (title: string, multiple: boolean): Promise<string[] | null> => {
    const options: OpenDialogOptions = {
      title,
      properties: multiple ? ['openFile', 'multiSelections'] : ['openFile'],
      filters: DOCUMENT_FILTERS,
    };
    const parent = window();
    const result = parent
      ? await dialog.showOpenDialog(parent, options)
      : await dialog.showOpenDialog(options);
    return result.canceled ? null : result.filePaths;
  };
  return {
    chooseFilesToImport: () => pickFiles('Import documents', true),
    chooseFileToUpdate: async (title) => (await pickFiles(`Update “${title}” from file`, false))?.[0] ?? null,
    chooseExportFolder: async (title) => {
      const options: OpenDialogOptions = {
        title: `Export the notes of “${title}” into a folder`,
        buttonLabel: 'Export here',
        properties: ['openDirectory', 'createDirectory'],
      };
      const parent = window();
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    chooseAnnotationFile: async () => {
      const options: OpenDialogOptions = {
        title: 'Import highlights',
        properties: ['openFile'],
        filters: [
          { name: 'Highlights (Kindle, Hypothesis, W3C)', extensions: ['txt', 'json', 'jsonld'] },
          { name: 'All files', extensions: ['*'] },
        ],
      };
      const parent = window();
      const result = parent
        ? await dialog.showOpenDialog(parent, options)
        : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    openExternal: (url) => shell.openExternal(url),
    takeOpenRequest,
  };
}
