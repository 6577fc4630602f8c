import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type BlobStore, sendBlob } from '../../blobs/index.ts';
import { optionalUser, requireAccountOrApp } from '../../http/access.ts';
import { idField } from './customer-service.schemas.ts';
import type { CustomerServiceService, ImageViewer } from './customer-service.service.ts';
import { supportErrors } from './errors.ts';

function viewerOf(request: FastifyRequest): ImageViewer {
  const user = optionalUser(request);
  if (user) return { kind: 'user', userId: user.userId };
  const p = requireAccountOrApp(request);
  return p.kind === 'app' ? { kind: 'app', appId: p.appId } : { kind: 'account', accountId: p.accountId };
}

/** The images of chats, read by their user, the app's agents and the app's server. */
export async function imageRoutes(
  app: FastifyInstance,
  options: { support: CustomerServiceService; blobs: BlobStore },
): Promise<void> {
  const { support, blobs } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customer-service'];

  r.get(
    '/api/support/images/:message_id',
    {
      config: { access: ['user', 'developer', 'app'] },
      schema: {
        tags,
        summary: "A chat image: for the chat's user, the members of its app's org and the app's server",
        params: z.strictObject({ message_id: idField }),
      },
    },
    async (request, reply) => {
      const viewer = viewerOf(request);
      const image = await support.image(viewer, request.params.message_id);
      if (!(await sendBlob(request, reply, blobs, { sha256: image.sha256, contentType: image.type })))
        throw supportErrors.MESSAGE_NOT_FOUND({ message_id: request.params.message_id });
      return reply;
    },
  );
}
