import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface TestServer {
  origin: string;
  /** Every `/probe/...` request that reached this server. */
  hits: string[];
  close(): Promise<void>;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => boolean | undefined;

/**
 * A loopback HTTP server for browser tests. `/probe/*` answers anything (CORS open, so only
 * the sandbox can be what stops a request) and records that it was reached.
 */
export async function startTestServer(handler: Handler = () => false): Promise<TestServer> {
  const hits: string[] = [];
  const server: Server = createServer((req, res) => {
    const url = req.url ?? '/';
    if (url.startsWith('/probe/')) {
      hits.push(url);
      res.writeHead(200, {
        'access-control-allow-origin': '*',
        'access-control-allow-headers': '*',
        'content-type': 'text/javascript',
      });
      res.end('/* reached */');
      return;
    }
    if (handler(req, res)) return;
    res.writeHead(404);
    res.end('not found');
  });
  // The probe's WebSocket upgrade is a hit too.
  server.on('upgrade', (req, socket) => {
    hits.push(req.url ?? '/');
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const TYPES: Record<string, string> = {
  js: 'text/javascript',
  json: 'application/json',
  css: 'text/css',
  png: 'image/png',
  html: 'text/html',
};

/** Serves `files` under `prefix` (`/pkg/shop/manifest.json`). */
export function serveFiles(prefix: string, files: Map<string, Buffer | string>): Handler {
  return (req, res) => {
    const path = (req.url ?? '').split('?')[0]!;
    if (!path.startsWith(prefix)) return false;
    const file = files.get(decodeURIComponent(path.slice(prefix.length)));
    if (file === undefined) return false;
    const extension = path.split('.').pop() ?? '';
    res.writeHead(200, {
      'content-type': TYPES[extension] ?? 'application/octet-stream',
      // Fonts load with CORS, and view frames have an opaque origin: font CDNs answer with this too.
      ...(/^(ttf|otf|woff2?)$/.test(extension) ? { 'access-control-allow-origin': '*' } : {}),
    });
    res.end(file);
    return true;
  };
}
