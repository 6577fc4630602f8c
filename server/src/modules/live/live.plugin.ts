import type { FastifyInstance } from 'fastify';
import type { BlobStore } from '../../blobs/index.ts';
import { ingestRoutes } from './ingest.routes.ts';
import { liveRoutes } from './live.routes.ts';
import type { LiveService } from './live.service.ts';
import { watchRoutes } from './watch.routes.ts';

/** Live rooms over HTTP: the creator's room and pins, the ingest URL, the viewers' stream and events. */
export async function livePlugin(
  app: FastifyInstance,
  options: { live: LiveService; blobs: BlobStore },
): Promise<void> {
  await app.register(liveRoutes, options);
  await app.register(watchRoutes, options);
  await app.register(ingestRoutes, options);
}
