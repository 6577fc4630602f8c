import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Clock } from '../../db/clock.ts';
import { requireApp } from '../../http/access.ts';
import { httpErrors } from '../../http/errors.ts';
import type { AppsService } from './apps.service.ts';
import type { CredentialService } from './credential.service.ts';

/** Fields shared by every route a merchant's server calls with appid + secret. */
export const appCredentialFields = {
  appid: z.string().min(1).max(64),
  secret: z.string().min(1).max(256),
};

/** `client_credential`: the merchant's server trades appid + secret for a bearer token. */
export async function clientTokenRoutes(
  app: FastifyInstance,
  options: { credentials: CredentialService; apps: Pick<AppsService, 'get'>; clock: Clock },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/oauth/client_token',
    {
      config: { access: ['anonymous'] },
      schema: {
        tags: ['apps'],
        summary: 'Get a client token (2 hours) for server-to-server calls',
        body: z.strictObject({ ...appCredentialFields, grant_type: z.literal('client_credential') }),
        response: {
          200: z.object({
            access_token: z.string(),
            token_type: z.literal('Bearer'),
            expires_in: z.number(),
          }),
        },
      },
    },
    async (request, reply) => {
      const token = await options.credentials.issueClientToken(
        request.body.appid,
        request.body.secret,
        request.ip,
      );
      return reply.header('cache-control', 'no-store').send({
        access_token: token.accessToken,
        token_type: 'Bearer' as const,
        expires_in: token.expiresIn,
      });
    },
  );

  r.get(
    '/api/oauth/token_info',
    {
      config: { access: ['app'] },
      schema: {
        tags: ['apps'],
        summary: 'Which app the presented client token belongs to, and how long it has left',
        response: { 200: z.object({ appid: z.string(), expires_in: z.number() }) },
      },
    },
    async (request) => {
      const p = requireApp(request);
      const [app, expiresAt] = await Promise.all([
        options.apps.get(p.appId),
        options.credentials.clientTokenExpiry(p.tokenId),
      ]);
      if (!app || expiresAt === undefined) throw httpErrors.INVALID_CREDENTIALS();
      return {
        appid: app.appid,
        expires_in: Math.max(0, Math.floor((expiresAt - options.clock.now()) / 1000)),
      };
    },
  );
}
