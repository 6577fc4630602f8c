import type { OperatorJob } from '@plaza/api-types/console';
import type { SameShape } from '@plaza/api-types/platform';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Job, JobQueue } from '../../jobs/index.ts';

// The payload is left out on purpose: it may carry an end user's data the operator has no need of.
const jobJson = z.object({
  id: z.string(),
  type: z.string(),
  status: z.enum(['queued', 'running', 'done', 'dead']),
  attempts: z.number(),
  max_attempts: z.number(),
  last_error: z.string().nullable(),
  created_at: z.number(),
  updated_at: z.number(),
  finished_at: z.number().nullable(),
});

const pinned: SameShape<z.infer<typeof jobJson>, OperatorJob> = true;
void pinned;

const toJobJson = (j: Job): z.infer<typeof jobJson> => ({
  id: j.id,
  type: j.type,
  status: j.status,
  attempts: j.attempts,
  max_attempts: j.maxAttempts,
  last_error: j.lastError,
  created_at: j.createdAt,
  updated_at: j.updatedAt,
  finished_at: j.finishedAt,
});

const jobParam = z.strictObject({ id: z.string().min(1).max(64) });

/** Dead jobs (and those failing while they retry) for the operator: read the error, retry, discard. */
export async function jobsRoutes(app: FastifyInstance, options: { jobs: JobQueue }): Promise<void> {
  const { jobs } = options;
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/operator/jobs',
    {
      config: { access: ['operator'] },
      schema: {
        tags: ['operations'],
        summary: 'Dead jobs, or every job whose last run failed, newest first (operators)',
        querystring: z.strictObject({
          state: z.enum(['dead', 'failed']).default('dead'),
          type: z.string().min(1).max(100).optional(),
          before: z.string().min(1).max(64).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: z.object({ jobs: z.array(jobJson) }) },
      },
    },
    async (request) => {
      const q = request.query;
      const found = await jobs.list({
        ...(q.state === 'dead' ? { status: 'dead' as const } : { failed: true }),
        ...(q.type ? { type: q.type } : {}),
        ...(q.before ? { before: q.before } : {}),
        limit: q.limit,
      });
      return { jobs: found.map(toJobJson) };
    },
  );

  r.post(
    '/api/operator/jobs/:id/retry',
    {
      config: { access: ['operator'], idempotent: true },
      schema: {
        tags: ['operations'],
        summary: 'Put a dead job back in the queue with a fresh set of attempts (operators)',
        params: jobParam,
        response: { 200: z.object({ job: jobJson }) },
      },
    },
    async (request) => ({ job: toJobJson(await jobs.retry(request.params.id)) }),
  );

  r.delete(
    '/api/operator/jobs/:id',
    {
      config: { access: ['operator'], idempotent: true },
      schema: {
        tags: ['operations'],
        summary: 'Discard a dead job for good (operators)',
        params: jobParam,
      },
    },
    async (request, reply) => {
      await jobs.discard(request.params.id);
      return reply.code(204).send();
    },
  );
}
