import { defineConfig } from 'vitest/config';

// One runner for the whole workspace: unit tests sit beside the code they test.
export default defineConfig({
  test: {
    include: ['{server,packages,examples,web,bench}/**/*.test.ts', 'e2e/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/.plaza/**'],
    pool: 'forks',
    testTimeout: 30_000,
    // On CI a failed test gets one more try, so one dropped browser tap on a loaded machine
    // does not sink a run; a test that fails twice still fails.
    retry: process.env.CI ? 1 : 0,
    hookTimeout: 60_000,
  },
});
