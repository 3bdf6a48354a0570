/**
 * Lectern's main process: app lifecycle, the window, the menu, the app protocol and native
 * dialogs. The only place that talks to Electron; everything else lives in main/library.
 */
import { BrowserWindow, Menu, app, dialog } from 'electron';
import { parseDeepLink } from '../common/export/deep-link';
import { join, resolve } from 'node:path';
import { DeepLinkInbox, deepLinkInArgv, registerDeepLinkClient } from './deep-links';
import { emit, registerIpc } from './ipc';
import { appUrlCheck, libraryLocation as locateLibrary } from './launch';
import { createHandlers, type ApiHandlers } from './library/handlers';
import { WorkerConverter } from './library/import/worker-converter';
import { LibraryLockedError, openLibrary, type Library } from './library/library';
import { buildMenu } from './menu';
import { electronPlatform } from './platform';
import { APP_ORIGIN, registerAppScheme, serveRenderer } from './protocol';
import { applySecurityPolicy } from './security';

const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const isAppUrl = appUrlCheck(devServerUrl);

let mainWindow: BrowserWindow | null = null;

// A deep link clicked outside the app waits here until the page takes it (see deep-links.ts).
const deepLinks = new DeepLinkInbox(() => {
  if (mainWindow) emit(mainWindow.webContents, 'openRequested', null);
});

const libraryLocation = (): string => locateLibrary(process.argv, process.env, app.getPath('userData'));

/** The sample documents a new library starts with (`documents/` beside package.json). */
function sampleDocumentsDir(): string {
  return app.isPackaged
    ? join(process.resourcesPath, 'documents')
    : join(import.meta.dirname, '../../documents');
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 860,
    minWidth: 640,
    minHeight: 480,
    title: 'Lectern',
    show: false,
    backgroundColor: '#f7f4ee',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(devServerUrl ?? `${APP_ORIGIN}/index.html`);
  return window;
}

async function importWithDialog(handlers: ApiHandlers): Promise<void> {
  const result = await handlers.chooseAndImportFiles();
  if (!result.ok) {
    dialog.showErrorBox('Lectern', result.message);
    return;
  }
  const report = result.value;
  if (report && mainWindow) {
    // libraryChanged comes from the catalog (wired in start()).
    emit(mainWindow.webContents, 'importFinished', report);
  }
}

async function start(): Promise<void> {
  let library: Library;
  // Conversions run in worker threads (built beside this file), so main keeps answering the UI.
  const converter = new WorkerConverter(join(import.meta.dirname, 'convert-worker.js'));
  try {
    library = await openLibrary({
      root: libraryLocation(),
      seedDir: sampleDocumentsDir(),
      converter: converter.convert,
      warmConverter: converter.warm,
    });
  } catch (error) {
    const message =
      error instanceof LibraryLockedError
        ? `The library at ${libraryLocation()} is open in another Lectern window.`
        : `Lectern could not open its library at ${libraryLocation()}:\n${String(error)}`;
    dialog.showErrorBox('Lectern', message);
    app.exit(1);
    return;
  }
  const handlers = createHandlers(
    library,
    electronPlatform(
      () => mainWindow,
      () => deepLinks.take(),
    ),
  );
  registerIpc(handlers, isAppUrl);
  // The catalog's changes and later notices reach the renderer as the contract's events.
  library.subscribe((event) => {
    if (!mainWindow) return;
    if (event.name === 'libraryChanged') emit(mainWindow.webContents, event.name, event.payload);
    else emit(mainWindow.webContents, event.name, event.payload);
  });
  serveRenderer(join(import.meta.dirname, '../renderer'), library.paths.documentsDir);
  Menu.setApplicationMenu(
    buildMenu({
      importDocuments: () => void importWithDialog(handlers),
      command: (command) => mainWindow && emit(mainWindow.webContents, 'menuCommand', command),
    }),
  );
  mainWindow = createWindow();
  mainWindow.on('closed', () => (mainWindow = null));
  let closed = false;
  app.on('before-quit', (event) => {
    if (closed) return;
    // Flush pending writes and release the lock before the process goes away.
    event.preventDefault();
    void Promise.all([library.close(), converter.close()]).finally(() => {
      closed = true;
      app.quit();
    });
  });
}

// A separate profile (e2e runs, several libraries side by side) is a separate instance.
const userDataOverride = process.env['LECTERN_USER_DATA'];
if (userDataOverride) app.setPath('userData', resolve(userDataOverride));
// Every renderer sandboxed, whatever a future BrowserWindow forgets to ask for (before ready).
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  applySecurityPolicy(isAppUrl);
  registerDeepLinkClient(app, process);
  // The link that started the app (Windows, Linux); later clicks come to this instance as below.
  deepLinks.offer(deepLinkInArgv(process.argv));
  app.on('second-instance', (_event, argv: string[]) => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
    deepLinks.offer(deepLinkInArgv(argv));
  });
  // macOS hands links to the running app as an event, whether it was running or started by the click.
  app.on('open-url', (event, url) => {
    event.preventDefault();
    deepLinks.offer(parseDeepLink(url));
    mainWindow?.focus();
  });
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(start);
}
