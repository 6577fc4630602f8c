import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/access.ts';
import {
  appidField,
  authorizationJson,
  scopeField,
  toAuthorizationJson,
  userOnly,
} from './consent.schemas.ts';
import type { ConsentService } from './consent.service.ts';

/** The user's own view of what they shared: every authorised app, and the way to take it back. */
export async function authorizationsRoutes(
  app: FastifyInstance,
  { consent }: { consent: ConsentService },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/me/authorizations',
    {
      config: userOnly,
      schema: {
        tags: ['consent'],
        summary: 'Every app the user authorised, with the scopes granted and when',
        response: { 200: z.object({ items: z.array(authorizationJson) }) },
      },
    },
    async (request) => ({
      items: (await consent.authorizations(requireUser(request).userId)).map(toAuthorizationJson),
    }),
  );

  r.delete(
    '/api/me/authorizations/:appid',
    {
      config: userOnly,
      schema: {
        tags: ['consent'],
        summary: 'Withdraw every scope granted to an app; its unused phone codes stop working',
        params: z.strictObject({ appid: appidField }),
      },
    },
    async (request, reply) => {
      await consent.revoke(requireUser(request).userId, request.params.appid);
      return reply.code(204).send();
    },
  );

  r.delete(
    '/api/me/authorizations/:appid/:scope',
    {
      config: userOnly,
      schema: {
        tags: ['consent'],
        summary: 'Withdraw one scope granted to an app',
        params: z.strictObject({ appid: appidField, scope: scopeField }),
      },
    },
    async (request, reply) => {
      const { appid, scope } = request.params;
      await consent.revoke(requireUser(request).userId, appid, scope);
      return reply.code(204).send();
    },
  );
}
