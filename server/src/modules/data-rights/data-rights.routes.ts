import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../http/access.ts';
import type { DataRightsService } from './data-rights.service.ts';
import { dataRightsErrors } from './errors.ts';

/** The phrase a user types to delete their account: a deliberate act, never a stray request. */
export const deletionConfirmation = 'delete my account';

/** The user's own data: download all of it, or delete the account. */
export async function dataRightsRoutes(
  app: FastifyInstance,
  options: { dataRights: DataRightsService },
): Promise<void> {
  const { dataRights } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/me/export',
    {
      config: { access: ['user'] },
      schema: {
        tags: ['data rights'],
        summary: 'Everything the platform holds about the signed-in user, as JSON (no secrets)',
        response: {
          200: z.object({
            format: z.literal(1),
            user_id: z.string(),
            exported_at: z.number(),
            sections: z.record(z.string(), z.unknown()),
          }),
        },
      },
    },
    async (request, reply) => {
      const data = await dataRights.exportFor(requireUser(request).userId);
      return reply
        .header('cache-control', 'no-store')
        .header('content-disposition', 'attachment; filename="plaza-personal-data.json"')
        .send({
          format: data.format,
          user_id: data.userId,
          exported_at: data.exportedAt,
          sections: data.sections,
        });
    },
  );

  r.delete(
    '/api/me',
    {
      config: { access: ['user'] },
      schema: {
        tags: ['data rights'],
        summary: `Delete the account: data erased or pseudonymised, sessions revoked, each app told (confirmation: "${deletionConfirmation}")`,
        body: z.strictObject({ confirmation: z.string().max(100) }),
        response: {
          200: z.object({ deleted: z.literal(true), erased_at: z.number(), apps_notified: z.number() }),
        },
      },
    },
    async (request) => {
      const userId = requireUser(request).userId;
      if (request.body.confirmation.trim().toLowerCase() !== deletionConfirmation) {
        throw dataRightsErrors.CONFIRMATION_MISMATCH();
      }
      const erased = await dataRights.eraseAccount(userId);
      return { deleted: true as const, erased_at: erased.erasedAt, apps_notified: erased.appsNotified };
    },
  );
}
