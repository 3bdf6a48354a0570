import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code: the core and the shell (main/, Node; Electron faked), the
// preload, the shared pure layer and the renderer's pure modules. `npm run test:unit` measures
// coverage (summary printed, HTML in coverage/) and fails under the thresholds below.
export default defineConfig({
  test: {
    include: ['main/**/*.test.ts', 'renderer/**/*.test.ts', 'preload/**/*.test.ts', 'common/**/*.test.ts'],
    environment: 'node',
    // The palette test reads the theme tokens from app.css (`?raw`); other CSS stays unprocessed.
    css: { include: [/renderer\/styles\/app\.css/] },
    coverage: {
      provider: 'v8',
      include: ['main/**/*.ts', 'preload/**/*.ts', 'common/**/*.ts', 'renderer/**/*.ts'],
      exclude: [
        '**/*.test.ts',
        '**/*.d.ts',
        '**/test-support/**',
        '**/test-support.ts',
        '**/test-fixtures.ts',
        'e2e/**',
        'bench/**',
      ],
      reporter: ['text-summary', 'html'],
      reportsDirectory: 'coverage',
      // Per area, over all its files together; the renderer's views are covered by e2e, not here.
      thresholds: {
        'main/library/**': { lines: 90 },
        'common/**': { lines: 90 },
        'main/*.ts': { lines: 80 },
        'preload/**': { lines: 80 },
      },
    },
  },
});
