/**
 * The packaging config (electron-builder.yml), read as electron-builder reads it: the fuses issue 8
 * asks for are flipped, the app loads only from its integrity-checked asar, the deep-link scheme is
 * registered, and the sample documents ship where main/index.ts looks for them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { APP_SCHEME } from './launch';

interface BuilderConfig {
  asar?: boolean;
  files?: string[];
  extraResources?: { from: string; to: string }[];
  protocols?: { schemes: string[] }[];
  electronFuses?: Record<string, boolean>;
  linux?: { mimeTypes?: string[] };
}

const root = join(import.meta.dirname, '..');
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
};

describe('electron-builder.yml', () => {
  it('flips the fuses that close the ways into a packaged app', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
    });
    // onlyLoadAppFromAsar and the integrity check mean nothing without an asar to load.
    expect(config.asar).toBe(true);
  });

  it('ships the built app and the sample documents where main looks for them', () => {
    expect(config.files).toContain('out/**');
    expect(packageJson.main.startsWith('out/')).toBe(true);
    expect(config.extraResources).toContainEqual(
      expect.objectContaining({ from: 'documents', to: 'documents' }),
    );
    expect(packageJson.scripts['package']).toMatch(/electron-vite build && electron-builder/);
  });

  it('registers the deep-link scheme with every OS', () => {
    expect(config.protocols?.flatMap((protocol) => protocol.schemes)).toEqual([APP_SCHEME]);
    expect(config.linux?.mimeTypes).toContain(`x-scheme-handler/${APP_SCHEME}`);
  });
});
