/**
 * The durable jobs/outbox: work that must happen because of a state change is enqueued in
 * the same transaction as that change, then run by workers that claim it with a lease.
 * Nothing is lost on a crash; a job may run more than once, so handlers are idempotent.
 */
export { jobErrors } from './errors.ts';
export type { JobFilter } from './job.repository.ts';
export type { JobStatus, JobTables } from './job.table.ts';
export type { Job, Lease } from './job.ts';
export {
  defineJob,
  type JobContext,
  type JobDefinition,
  type JobHandler,
  PermanentJobError,
} from './job-definition.ts';
export {
  createJobQueue,
  type Enqueued,
  type EnqueueOptions,
  type EnqueueRequest,
  type JobQueue,
  type JobQueueDeps,
} from './job-queue.ts';
export { jobMigrations } from './migrations/index.ts';
export { dayLongRetryPolicy, defaultRetryPolicy, type RetryPolicy, retryDelay } from './retry-policy.ts';
export { defaultWorkerOptions, type WorkerOptions, type WorkerPool } from './worker-pool.ts';
