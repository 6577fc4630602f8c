import type { FastifyInstance } from 'fastify';
import type { JobQueue } from '../../jobs/index.ts';
import { jobsRoutes } from './jobs.routes.ts';

/** The operator's view of the platform's machinery: the jobs that need a decision. */
export async function operationsPlugin(app: FastifyInstance, options: { jobs: JobQueue }): Promise<void> {
  await app.register(jobsRoutes, options);
}
