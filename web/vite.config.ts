import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { buildComponentModules, buildFrameBundles } from '../packages/container/src/bundle/index.ts';

/**
 * The code of the components a page frame loads on first use (map, editor, live-player), at
 * `/plaza-components/<name>.js` where the container asks for it: emitted into the build,
 * served by `vite dev`.
 */
function plazaComponents(): Plugin {
  let modules: Promise<Record<string, string>> | undefined;
  const load = () => {
    modules ??= buildComponentModules();
    return modules;
  };
  return {
    name: 'plaza-components',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const match = /^\/plaza-components\/([a-z-]+)\.js$/.exec((req.url ?? '').split('?')[0]!);
        if (!match) return next();
        load().then((found) => {
          const code = found[match[1]!];
          if (code === undefined) return next();
          res.setHeader('content-type', 'text/javascript');
          res.end(code);
        }, next);
      });
    },
    async generateBundle() {
      for (const [name, source] of Object.entries(await load()))
        this.emitFile({ type: 'asset', fileName: `plaza-components/${name}.js`, source });
    },
  };
}

// The super app is served by the Plaza server at `/`, the developer and operator consoles at
// `/console` and `/operator` (pages of the same build); in `vite dev` the API is proxied to it.
// The container's sandboxed frames run code bundled separately (esbuild) and inlined here.
export default defineConfig(async () => ({
  plugins: [react(), plazaComponents()],
  define: { __PLAZA_FRAMES__: JSON.stringify(await buildFrameBundles()) },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      input: {
        main: fileURLToPath(new URL('index.html', import.meta.url)),
        console: fileURLToPath(new URL('console/index.html', import.meta.url)),
        operator: fileURLToPath(new URL('operator/index.html', import.meta.url)),
      },
    },
  },
  server: { proxy: { '/api': process.env.PLAZA_URL ?? 'http://127.0.0.1:8080' } },
}));
