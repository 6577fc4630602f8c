import { defineConfig } from 'vitest/config';

// One runner for the whole workspace: unit tests sit beside the code they test.
export default defineConfig({
  test: {
    include: ['{server,packages,examples,bench}/**/*.test.ts', 'web/**/*.test.{ts,tsx}', 'e2e/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/.plaza/**'],
    pool: 'forks',
    testTimeout: 30_000,
    // A failed test is never run again: one that fails once has found something (running it
    // again once hid lost money).
    hookTimeout: 60_000,
  },
});
