#!/usr/bin/env node
// `npm run test:crash`: bundles the crash test's TypeScript (parent and driver child) with
// rolldown into node_modules/.cache, where Node still finds the dependencies, then runs it.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const here = dirname(fileURLToPath(import.meta.url));
const outDir = join(here, '..', 'node_modules', '.cache', 'lectern-crash');

await build({
  input: { parent: join(here, 'parent.ts'), driver: join(here, 'driver.ts') },
  platform: 'node',
  // Dependencies stay in node_modules; only our own modules are bundled.
  external: (id) => !id.startsWith('.') && !id.startsWith('/'),
  output: { dir: outDir, format: 'esm', entryFileNames: '[name].mjs' },
  logLevel: 'warn',
});
const result = spawnSync(process.execPath, [join(outDir, 'parent.mjs')], {
  stdio: 'inherit',
  env: { ...process.env, LECTERN_REPO: join(here, '..') },
});
process.exit(result.status ?? 1);
