import { existsSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { httpErrors } from '../../http/errors.ts';

export interface SuperAppOptions {
  /** The built super app (`web/dist`). */
  root?: string;
}

export const defaultSuperAppRoot = fileURLToPath(new URL('../../../../web/dist', import.meta.url));

/** The consoles are pages of the same build, each with its own entry under its own path. */
const consolePages = ['console', 'operator'] as const;

/** The page a client-side route belongs to: a console's entry under its path, else the super app's. */
export function pageEntry(path: string): string {
  const top = path.split('/')[0];
  const page = consolePages.find((c) => c === top);
  return page ? `${page}/index.html` : 'index.html';
}

/**
 * Serves the super app at `/` and the developer and operator consoles at `/console` and
 * `/operator`: hashed assets with immutable caching, and the page's `index.html` for every
 * other path so client-side routes load. API paths never fall through to a page: an
 * unknown `/api/…` stays a JSON 404.
 */
export async function superAppRoutes(app: FastifyInstance, options: SuperAppOptions): Promise<void> {
  const root = options.root ?? defaultSuperAppRoot;
  await app.register(fastifyStatic, { root, serve: false });
  app.get('/*', { config: { access: ['anonymous'] }, schema: { hide: true } }, async (request, reply) => {
    // The router has decoded the path once already. A `%` left in it names no page or asset
    // (their names are URL-safe), and decoding again would read `%25` as an escape: refused.
    const path = (request.params as { '*'?: string })['*'] ?? '';
    if (path.includes('%')) throw httpErrors.BAD_REQUEST({ reason: 'a page path holds no %' });
    if (path === 'api' || path.startsWith('api/') || path.startsWith('docs')) throw httpErrors.NOT_FOUND();
    if (!existsSync(join(root, 'index.html'))) {
      return reply
        .code(503)
        .type('text/html; charset=utf-8')
        .send(
          '<!doctype html><p>The super app is not built yet: run <code>npm run build -w @plaza/web</code>.</p>',
        );
    }
    const file = normalize(path);
    if (
      file &&
      !file.startsWith('..') &&
      existsSync(join(root, file)) &&
      statSync(join(root, file)).isFile()
    ) {
      const immutable = file.startsWith('assets/');
      return reply.sendFile(file, { immutable, maxAge: immutable ? '1y' : 0, cacheControl: true });
    }
    reply.header('cache-control', 'no-cache');
    return reply.sendFile(pageEntry(file), { cacheControl: false });
  });
}
