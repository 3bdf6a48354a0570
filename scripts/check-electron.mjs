#!/usr/bin/env node
// Runs before `npm start` and `npm run dev`: where Electron's binary was never downloaded (installed
// with ELECTRON_SKIP_BINARY_DOWNLOAD, or offline), say what happened and what to do, without a stack trace.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

function electronBinary() {
  try {
    const binary = require('electron');
    return typeof binary === 'string' && existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

if (electronBinary() === null) {
  console.error(
    [
      'Lectern cannot start: the Electron binary is not installed.',
      '',
      'npm installs the package but downloads the binary separately, which did not happen here',
      '(ELECTRON_SKIP_BINARY_DOWNLOAD was set, or there was no network during install).',
      '',
      'To fix it, with network access and ELECTRON_SKIP_BINARY_DOWNLOAD unset:',
      '  node node_modules/electron/install.js     (downloads just the binary)',
      '  or: rm -rf node_modules && npm install',
      '',
      'The tests do not need it: `npm test` runs the app in Chromium where Electron is missing.',
    ].join('\n'),
  );
  process.exit(1);
}
