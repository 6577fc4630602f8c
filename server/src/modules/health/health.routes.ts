import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { httpErrors } from '../../http/errors.ts';

export interface HealthProbe {
  /** Resolves when the database answers and every migration has run; rejects with the reason otherwise. */
  ready(): Promise<{ database: 'ok'; migrations: 'current' }>;
}

const alive = z.object({ status: z.literal('ok') });
const ready = z.object({
  status: z.literal('ready'),
  database: z.literal('ok'),
  migrations: z.literal('current'),
});

/** `/healthz`: the process answers. `/readyz`: it can serve (database reachable, schema current). */
export async function healthRoutes(app: FastifyInstance, options: { probe: HealthProbe }): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/healthz',
    {
      config: { access: ['anonymous'] },
      schema: { tags: ['health'], summary: 'Process is alive', response: { 200: alive } },
    },
    async () => ({ status: 'ok' as const }),
  );
  r.get(
    '/readyz',
    {
      config: { access: ['anonymous'] },
      schema: {
        tags: ['health'],
        summary: 'Database reachable and migrations current',
        response: { 200: ready },
      },
    },
    async (request) => {
      try {
        return { status: 'ready' as const, ...(await options.probe.ready()) };
      } catch (error) {
        request.log.warn({ err: error }, 'not ready');
        throw httpErrors.UNAVAILABLE(
          undefined,
          'Not ready: the database is unreachable or migrations are pending',
        );
      }
    },
  );
}
