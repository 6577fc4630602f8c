import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireAccount } from '../../http/access.ts';
import { appIndustriesJson, categoryId, idParam, tags, toAppIndustriesJson } from './industries.schemas.ts';
import type { IndustriesService } from './industries.service.ts';

const params = z.strictObject({ appid: idParam });

/** The categories an app chose and how they stand: for its org's console. */
export async function appIndustryRoutes(
  app: FastifyInstance,
  options: { industries: IndustriesService },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const industries = options.industries.apps;

  r.get(
    '/api/apps/:appid/industry-categories',
    {
      config: { access: ['developer'] },
      schema: {
        tags,
        summary:
          "The app's categories, each active, pending (a licence waits for approval) or suspended (a licence expired), and the capabilities it may use now",
        params,
        response: { 200: appIndustriesJson },
      },
    },
    async (request) => {
      const { accountId, operator } = requireAccount(request);
      const s = await industries.standingOf({ accountId, operator }, request.params.appid);
      return toAppIndustriesJson(request.params.appid, s);
    },
  );

  r.put(
    '/api/apps/:appid/industry-categories',
    {
      config: { access: ['developer'] },
      schema: {
        tags,
        summary:
          "Choose the app's categories (without sub-categories); the primary one's commission and holding period apply to its new orders",
        params,
        body: z.strictObject({
          categories: z.array(categoryId).min(1).max(5),
          primary: categoryId,
        }),
        response: { 200: appIndustriesJson },
      },
    },
    async (request) => {
      const { accountId, operator } = requireAccount(request);
      const s = await industries.choose({ accountId, operator }, request.params.appid, request.body);
      return toAppIndustriesJson(request.params.appid, s);
    },
  );
}
