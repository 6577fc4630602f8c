import type { FastifyInstance } from 'fastify';
import type { BlobStore } from '../../blobs/index.ts';
import { appIndustryRoutes } from './app-industry.routes.ts';
import { categoryRoutes } from './category.routes.ts';
import type { IndustriesService } from './industries.service.ts';
import { qualificationRoutes, scanContentTypes } from './qualification.routes.ts';

/** Industries over HTTP: the tree and its editing, licences and their review, apps' categories. */
export async function industriesPlugin(
  app: FastifyInstance,
  options: { industries: IndustriesService; blobs: BlobStore; scanBytes: number },
): Promise<void> {
  // Encapsulated: only this plugin's routes take raw scan bytes. Twice the limit still
  // reaches the service, which refuses a scan over it with its own coded error.
  app.addContentTypeParser(
    scanContentTypes,
    { parseAs: 'buffer', bodyLimit: options.scanBytes * 2 },
    (_request, body, done) => done(null, body),
  );
  await app.register(categoryRoutes, options);
  await app.register(qualificationRoutes, options);
  await app.register(appIndustryRoutes, options);
}
