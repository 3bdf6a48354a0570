#!/usr/bin/env node
// `npm run bench` (after `electron-vite build`): runs the benchmark suite, a Playwright
// config of its own so it shares the e2e harness. Extra arguments pass through, e.g.
// `npm run bench -- library` to run one file.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'node_modules', '@playwright', 'test', 'cli.js');
const result = spawnSync(
  process.execPath,
  [cli, 'test', '-c', join(root, 'bench', 'bench.config.ts'), ...process.argv.slice(2)],
  {
    cwd: root,
    stdio: 'inherit',
  },
);
process.exit(result.status ?? 1);
