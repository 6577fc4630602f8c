import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idField, reportJson, toReportJson } from './customer-service.schemas.ts';
import type { CustomerServiceService } from './customer-service.service.ts';

/** The operator's view of users' reports of chats. */
export async function operatorRoutes(
  app: FastifyInstance,
  options: { support: CustomerServiceService },
): Promise<void> {
  const { support } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['customer-service'];

  r.get(
    '/api/operator/support/reports',
    {
      config: { access: ['operator'] },
      schema: {
        tags,
        summary: "Users' reports of customer-service chats, newest first",
        querystring: z.strictObject({
          before: idField.optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
        response: { 200: z.object({ items: z.array(reportJson) }) },
      },
    },
    async (request) => ({ items: (await support.reports(request.query)).map(toReportJson) }),
  );
}
