import { existsSync, type FSWatcher, readFileSync, watch } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { build as compile } from '@plaza/compiler';
import {
  buildComponentModules,
  buildContainerScript,
  COMPONENT_GALLERY_DIR,
  componentGalleryHtml,
} from '@plaza/container/bundle';
import { CliError } from '../../errors.ts';
import type { CommandIo } from '../../io.ts';
import { formatDiagnostic } from '../../report/compiler-diagnostic.ts';
import { devPageHtml } from './dev-page.ts';
import { type DevBuild, type HotUpdate, planHotUpdate } from './hot-update.ts';
import type { LaunchPath } from './launch-path.ts';

export interface DevServerOptions {
  io: CommandIo;
  /** 0 picks a free port; without it the dev port (5180, or PLAZA_DEV_PORT) and the next free one. */
  port?: number;
  /** Rebuild when a file of the program changes (default true). */
  watch?: boolean;
  /** The page to open first and its query (`onLoad` options); the entry page by default. */
  launch?: LaunchPath;
  /** Mount the program for the automator's browser driver (`--auto-port`). */
  automation?: boolean;
}

export interface DevServer {
  url: string;
  /** The version of the latest successful build (1, 2, …). */
  version(): number;
  /** Builds now and tells connected pages. */
  rebuild(): Promise<boolean>;
  close(): Promise<void>;
}

/** A build announced to the dev pages; `hot` when the running program can take it in place. */
type BuildEvent =
  | { ok: true; version: number; ms: number; hot?: HotUpdate }
  | { ok: false; errors: string[] };

const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  json: 'application/json',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  svg: 'image/svg+xml',
  webp: 'image/webp',
};
const DEFAULT_PORT = 5180;
const SETTLE_MS = 20;

/**
 * Serves a program for development on 127.0.0.1: the dev page, the container, the latest
 * build of the package, and a server-sent event stream that announces each rebuild.
 * @example const server = await startDevServer('examples/takeout', { io: processIo }); console.log(server.url);
 */
export async function startDevServer(dir: string, options: DevServerOptions): Promise<DevServer> {
  const root = resolve(options.io.cwd, dir);
  const { io } = options;
  let files = new Map<string, Buffer | string>();
  let version = 0;
  let last: BuildEvent = { ok: false, errors: ['building…'] };
  const listeners = new Set<ServerResponse>();
  let container: Promise<string> | undefined;
  let componentModules: Promise<Record<string, string>> | undefined;
  let gallery: Map<string, Buffer | string> | undefined;
  const config = {
    ...devConfig(root),
    ...(options.launch ? { launch: options.launch } : {}),
    ...(options.automation ? { automation: true } : {}),
  };
  let pages: string[] = [];
  let built: DevBuild | undefined;

  const announce = (event: BuildEvent) => {
    last = event;
    for (const res of listeners) res.write(`event: build\ndata: ${JSON.stringify(event)}\n\n`);
  };

  const rebuild = async () => {
    const started = performance.now();
    const result = compile(root);
    if (!result.files || !result.manifest || result.errors.length > 0) {
      const errors = result.errors.map((error) =>
        formatDiagnostic(error, result.root ?? root, io.cwd).trimEnd(),
      );
      io.stderr(
        `${errors.join('\n')}\nBuild failed: ${errors.length} error${errors.length === 1 ? '' : 's'}.\n`,
      );
      announce({ ok: false, errors });
      return false;
    }
    files = result.files;
    pages = [...result.manifest.pages];
    const next = result.parts ? { manifest: result.manifest, parts: result.parts } : undefined;
    const hot = built && next ? planHotUpdate(built, next) : undefined;
    built = next;
    version += 1;
    const ms = Math.round(performance.now() - started);
    if (version > 1) io.stdout(`Rebuilt in ${ms} ms, ${hot ? 'swapping it in' : 'reloading'}.\n`);
    announce({ ok: true, version, ms, ...(hot ? { hot } : {}) });
    return true;
  };

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]!);
    if (path === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(devPageHtml(config));
      return;
    }
    if (path === '/container.js') {
      container ??= buildContainerScript();
      container.then(
        (script) => {
          res.writeHead(200, { 'content-type': TYPES.js!, 'cache-control': 'no-store' });
          res.end(script);
        },
        (error: Error) => {
          res.writeHead(500);
          res.end(String(error.message));
        },
      );
      return;
    }
    // Components loaded on first use (map, editor, live-player), asked for by the container.
    const component = /^\/plaza-components\/([a-z-]+)\.js$/.exec(path);
    if (component) {
      componentModules ??= buildComponentModules();
      componentModules.then(
        (modules) => {
          const code = modules[component[1]!];
          res.writeHead(code === undefined ? 404 : 200, {
            'content-type': TYPES.js!,
            'cache-control': 'no-store',
          });
          res.end(code ?? 'not found');
        },
        (error: Error) => {
          res.writeHead(500);
          res.end(String(error.message));
        },
      );
      return;
    }
    if (path === '/__gallery') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(componentGalleryHtml('/__gallery/package/'));
      return;
    }
    if (path.startsWith('/__gallery/package/')) {
      gallery ??= compile(COMPONENT_GALLERY_DIR).files;
      const file = gallery?.get(path.slice('/__gallery/package/'.length));
      res.writeHead(file === undefined ? 404 : 200, {
        'content-type': TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream',
      });
      res.end(file ?? 'not found');
      return;
    }
    if (path === '/events') {
      res.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`event: build\ndata: ${JSON.stringify(last)}\n\n`);
      listeners.add(res);
      req.on('close', () => listeners.delete(res));
      return;
    }
    const match = /^\/package\/(\d+)\/(.+)$/.exec(path);
    // A program swapped up to the latest build still asks for its images under its first
    // version: every version's path serves the latest files.
    const file = match && Number(match[1]) <= version ? files.get(match[2]!) : undefined;
    if (file === undefined) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.split('.').pop() ?? ''] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    res.end(file);
  };

  await rebuild();
  // A launch page the program does not declare would only show the container's error page.
  if (options.launch && version > 0 && !pages.includes(options.launch.path)) {
    throw new CliError('CLI_BAD_LAUNCH_PATH', options.launch.path);
  }
  const server = createServer(handle);
  const port = await listen(server, options.port);
  let watcher: FSWatcher | undefined;
  if (options.watch !== false) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    watcher = watch(root, { recursive: true }, (_event, name) => {
      const file = String(name ?? '');
      if (/(^|[\\/])(\.plaza|node_modules|\.git)([\\/]|$)/.test(file)) return;
      if (timer !== undefined) clearTimeout(timer);
      // Editors write a file in several steps (write, rename, touch) within a few milliseconds:
      // build once they are done.
      timer = setTimeout(() => void rebuild(), SETTLE_MS);
    });
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    version: () => version,
    rebuild,
    close: () =>
      new Promise((done) => {
        watcher?.close();
        for (const res of listeners) res.end();
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** Listens on the given port, or on the dev port and the next ones when it is taken. */
async function listen(server: Server, wanted: number | undefined): Promise<number> {
  const first = wanted ?? Number(process.env.PLAZA_DEV_PORT ?? DEFAULT_PORT);
  const tries = wanted === undefined ? 10 : 1;
  for (let i = 0; i < tries; i++) {
    try {
      await new Promise<void>((ok, fail) => {
        server.once('error', fail);
        server.listen(first === 0 ? 0 : first + i, '127.0.0.1', () => {
          server.off('error', fail);
          ok();
        });
      });
      return (server.address() as AddressInfo).port;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || i === tries - 1) throw error;
    }
  }
  throw new Error('no free port');
}

/**
 * Domains the program may use while developing, from `project.config.json`
 * (`"plaza": { "requestDomains": [...], "webViewDomains": [...] }`): the platform's
 * registration holds them in production.
 */
function devConfig(root: string): { appName: string; requestDomains: string[]; webViewDomains: string[] } {
  const file = join(root, 'project.config.json');
  let project: Record<string, unknown> = {};
  if (existsSync(file)) {
    try {
      project = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch {
      project = {};
    }
  }
  const plaza = (project.plaza ?? {}) as { requestDomains?: unknown; webViewDomains?: unknown };
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  const name =
    typeof project.projectname === 'string' ? project.projectname : (root.split(/[\\/]/).pop() ?? 'app');
  return {
    appName: name,
    requestDomains: list(plaza.requestDomains),
    webViewDomains: list(plaza.webViewDomains),
  };
}
