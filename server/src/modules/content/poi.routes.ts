import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireOperator } from '../../http/access.ts';
import { anchorInput, idParam, poiJson, toPoiJson } from './content.schemas.ts';
import type { ContentService } from './content.service.ts';

/** Points of interest: the operator creates them, anyone reads them. */
export async function poiRoutes(app: FastifyInstance, options: { content: ContentService }): Promise<void> {
  const { content } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/pois',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['content'],
        summary: 'Create a point of interest (a store) carrying service anchors',
        body: z.strictObject({
          name: z.string().min(1).max(100),
          address: z.string().min(1).max(300),
          lat: z.number().min(-90).max(90),
          lng: z.number().min(-180).max(180),
          anchors: z.array(anchorInput).max(5).default([]),
        }),
        response: { 201: poiJson },
      },
    },
    async (request, reply) => {
      const created = await content.createPoi({
        ...request.body,
        createdBy: requireOperator(request).accountId,
      });
      return reply.code(201).send(toPoiJson(created));
    },
  );
  r.get(
    '/api/pois/:id',
    {
      config: { access: ['anonymous'] },
      schema: { tags: ['content'], params: idParam, response: { 200: poiJson } },
    },
    async (request) => toPoiJson(await content.getPoi(request.params.id)),
  );
}
