import { defineConfig } from 'vitest/config';

// Browser tests drive the BUILT extension (`npm run build` first). One file at a time: two cores,
// and each file owns a whole browser.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    maxWorkers: 1,
    reporters: ['default'],
  },
});
