import type { FastifyInstance } from 'fastify';
import type { BlobStore } from '../../blobs/index.ts';
import { runtimeRoutes } from './runtime.routes.ts';
import { archiveContentTypes, versionsRoutes } from './versions.routes.ts';
import type { VersionsService } from './versions.service.ts';

// Headroom over the unpacked limit for gzip overhead on incompressible files.
const archiveSlackBytes = 1024 * 1024;

/** The versions module's HTTP surface, with its own parser for package archives. */
export async function versionsPlugin(
  app: FastifyInstance,
  options: { versions: VersionsService; blobs: BlobStore },
): Promise<void> {
  const uploadBodyLimit = options.versions.limits.totalBytes + archiveSlackBytes;
  // Encapsulated: only this plugin's routes accept raw archives.
  app.addContentTypeParser(
    archiveContentTypes,
    { parseAs: 'buffer', bodyLimit: uploadBodyLimit },
    (_req, body, done) => done(null, body),
  );
  await app.register(versionsRoutes, { versions: options.versions, blobs: options.blobs, uploadBodyLimit });
  await app.register(runtimeRoutes, options);
}
