import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { buildFrameBundles } from '../packages/container/src/bundle/index.ts';

// The super app is served by the Plaza server at `/`; in `vite dev` the API is proxied to it.
// The container's sandboxed frames run code bundled separately (esbuild) and inlined here.
export default defineConfig(async () => ({
  plugins: [react()],
  define: { __PLAZA_FRAMES__: JSON.stringify(await buildFrameBundles()) },
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true },
  server: { proxy: { '/api': process.env.PLAZA_URL ?? 'http://127.0.0.1:8080' } },
}));
