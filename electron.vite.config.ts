import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';

// Lectern keeps main/, preload/ and renderer/ at the top level (see DESIGN.md),
// so every entry point is spelled out instead of relying on electron-vite's src/ default.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      lib: {
        entry: {
          index: resolve(import.meta.dirname, 'main/index.ts'),
          // The worker thread that converts imported files (main/library/import/worker-converter.ts).
          'convert-worker': resolve(import.meta.dirname, 'main/convert-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      lib: { entry: resolve(import.meta.dirname, 'preload/index.ts') },
      // A sandboxed preload cannot load ES modules.
      rolldownOptions: { output: { format: 'cjs', entryFileNames: 'index.cjs' } },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'renderer'),
    build: {
      outDir: resolve(import.meta.dirname, 'out/renderer'),
      rolldownOptions: { input: resolve(import.meta.dirname, 'renderer/index.html') },
    },
    worker: { format: 'es' },
  },
});
