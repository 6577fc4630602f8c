import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type AccountPrincipal, requireAccount } from '../../http/access.ts';
import type { ContentService } from './content.service.ts';

export interface MountingRouteOptions {
  content: ContentService;
  /** Throws unless the account may change this app (a developer of its org, or more). */
  authorizeAppEditor(account: AccountPrincipal, appid: string): Promise<void>;
  /** Throws unless the account may read this app's settings. */
  authorizeAppReader(account: AccountPrincipal, appid: string): Promise<void>;
}

const appidParam = z.strictObject({ appid: z.string().min(1).max(64) });
const mountingJson = z.object({
  appid: z.string(),
  mode: z.enum(['open', 'authorised']),
  creators: z.array(z.string()),
});

/** Who may mount the app on videos and in live rooms: set by its developers. */
export async function mountingRoutes(app: FastifyInstance, options: MountingRouteOptions): Promise<void> {
  const { content } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/apps/:appid/mounting',
    {
      config: { access: ['developer', 'operator'] },
      schema: {
        tags: ['content'],
        summary: 'Who may mount the app: every creator (open) or only the creators it authorised',
        params: appidParam,
        response: { 200: mountingJson },
      },
    },
    async (request) => {
      const { appid } = request.params;
      await options.authorizeAppReader(requireAccount(request), appid);
      return { appid, ...(await content.mounting(appid)) };
    },
  );

  r.put(
    '/api/apps/:appid/mounting',
    {
      config: { access: ['developer', 'operator'] },
      schema: {
        tags: ['content'],
        summary:
          "Set who may mount the app (`authorised`: only the listed creators' videos and live rooms may carry it)",
        params: appidParam,
        body: z.strictObject({
          mode: z.enum(['open', 'authorised']),
          creators: z.array(z.string().min(1).max(64)).max(500).default([]),
        }),
        response: { 200: mountingJson },
      },
    },
    async (request) => {
      const { appid } = request.params;
      await options.authorizeAppEditor(requireAccount(request), appid);
      return { appid, ...(await content.setMounting(appid, request.body)) };
    },
  );
}
