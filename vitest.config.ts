import { defineConfig } from 'vitest/config';

// Unit tests sit beside the code: main/library (plain Node) and renderer pure modules.
export default defineConfig({
  test: {
    include: ['main/**/*.test.ts', 'renderer/**/*.test.ts', 'preload/**/*.test.ts', 'common/**/*.test.ts'],
    environment: 'node',
  },
});
