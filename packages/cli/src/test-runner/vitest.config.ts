import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The config `plaza test` runs a mini program's own tests with: the program's folder is the
// root, and `@plaza/simulator` resolves to Plaza's simulator wherever the program lives.
const root = process.env.PLAZA_TEST_ROOT ?? process.cwd();

export default defineConfig({
  root,
  resolve: {
    alias: { '@plaza/simulator': fileURLToPath(import.meta.resolve('@plaza/simulator')) },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/.plaza/**'],
    testTimeout: 30_000,
  },
});
