import type { FastifyInstance } from 'fastify';
import type { BlobStore } from '../../blobs/index.ts';
import { agentRoutes } from './agent.routes.ts';
import { imageContentTypes } from './customer-service.schemas.ts';
import type { CustomerServiceService } from './customer-service.service.ts';
import { imageRoutes } from './image.routes.ts';
import { merchantRoutes } from './merchant.routes.ts';
import { operatorRoutes } from './operator.routes.ts';
import { userRoutes } from './user.routes.ts';

/** Customer service over HTTP: the user's chats, the agent inbox, the merchant's API, the operator's reports. */
export async function customerServicePlugin(
  app: FastifyInstance,
  options: { support: CustomerServiceService; blobs: BlobStore },
): Promise<void> {
  // Encapsulated: only this plugin's routes take raw image bytes. Twice the limit still
  // reaches the service, which refuses an image over it with its own coded error.
  app.addContentTypeParser(
    imageContentTypes,
    { parseAs: 'buffer', bodyLimit: options.support.limits.imageBytes * 2 },
    (_request, body, done) => done(null, body),
  );
  await app.register(userRoutes, options);
  await app.register(agentRoutes, options);
  await app.register(merchantRoutes, options);
  await app.register(operatorRoutes, options);
  await app.register(imageRoutes, options);
}
