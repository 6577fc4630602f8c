import type { Db } from '../db/database.ts';
import type { Logger } from '../logging/logger.ts';
import type { Job } from './job.ts';
import type { RetryPolicy } from './retry-policy.ts';

/** What a handler gets besides its job. */
export interface JobContext {
  db: Db;
  log: Logger;
  /**
   * Aborted when this worker lost the lease (another worker may now run the job) or is
   * shutting down past its drain timeout: stop early, and pass it to fetch and the like.
   */
  signal: AbortSignal;
  workerId: string;
}

/**
 * Runs one job. It may run more than once for the same job — after a crash, a lost lease,
 * or a failure after its side effect — so it must be idempotent: check before acting, use
 * the job id (or `job.key`) as the idempotency key of anything it sends, and write its
 * results in a way a second run recognises.
 */
export type JobHandler<P> = (job: Job<P>, ctx: JobContext) => Promise<void>;

/** A job type: its name, its handler, and optionally how its payload is checked and retried. */
export interface JobDefinition<P> {
  type: string;
  // Method syntax on purpose: it lets a definition of any payload be registered as one of unknown.
  handle(job: Job<P>, ctx: JobContext): Promise<void>;
  /** Checks the stored payload before each run; a payload that fails is dead at once. */
  parse?(payload: unknown): P;
  retry?: Partial<RetryPolicy>;
  /**
   * A run taking longer fails (and is retried): its signal aborts and its slot is freed.
   * Without it a handler that hangs while its process lives holds the job for good, since
   * the worker keeps renewing the lease.
   */
  timeoutMs?: number;
}

/**
 * Declares a job type. Register it on the queue once; enqueue with it to get a typed payload.
 *
 * @example
 * export const deliverCallback = defineJob<{ orderId: string }>({
 *   type: 'payments.deliver-callback',
 *   retry: dayLongRetryPolicy,
 *   handle: async (job, ctx) => { await send(job.payload.orderId, { idempotencyKey: job.id, signal: ctx.signal }); },
 * });
 * platform.jobs.register(deliverCallback);
 * await platform.jobs.enqueue(trx, deliverCallback, { orderId });
 */
export function defineJob<P>(definition: JobDefinition<P>): JobDefinition<P> {
  return definition;
}

/**
 * Thrown by a handler for a failure that retrying cannot fix (the payload names something
 * that no longer exists, the merchant revoked access): the job is dead at once.
 */
export class PermanentJobError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = 'PermanentJobError';
  }
}
