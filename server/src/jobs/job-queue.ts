import type { Clock } from '../db/clock.ts';
import type { Db, Engine, Executor } from '../db/database.ts';
import { newId } from '../db/ids.ts';
import type { Logger } from '../logging/logger.ts';
import { jobErrors } from './errors.ts';
import {
  deleteDeadJob,
  findJobRow,
  insertJob,
  type JobFilter,
  listJobRows,
  purgeDoneJobs,
  requeueDeadJob,
} from './job.repository.ts';
import { type Job, jobFromRow } from './job.ts';
import type { JobDefinition } from './job-definition.ts';
import { defaultRetryPolicy, type RetryPolicy } from './retry-policy.ts';
import {
  createWorkerPool,
  defaultWorkerOptions,
  type WorkerOptions,
  type WorkerPool,
} from './worker-pool.ts';

export interface EnqueueOptions {
  /** Not before this time (epoch ms); default now. */
  runAt?: number;
  /** Overrides the job type's (or the queue's) number of attempts. */
  maxAttempts?: number;
  /** Idempotency: while a job with this key exists, enqueueing it again adds nothing. */
  key?: string;
}

export interface EnqueueRequest extends EnqueueOptions {
  type: string;
  /** Stored as JSON: plain data only. */
  payload: unknown;
}

export interface Enqueued {
  id: string;
  /** False when a job with the same key already existed. */
  created: boolean;
}

/** The platform's durable queue: enqueue in your transaction, register handlers, inspect and retry. */
export interface JobQueue {
  /** Adds a handler for a job type (before or after the workers start). */
  register(...definitions: JobDefinition<unknown>[]): void;
  /**
   * Enqueues a job with `executor` — pass the transaction that makes the state change, so
   * the job exists exactly when the change commits.
   *
   * @example
   * await db.transaction().execute(async (trx) => {
   *   await markOrderPaid(trx, orderId);
   *   await jobs.enqueue(trx, deliverCallback, { orderId }, { key: `callback:${orderId}` });
   * });
   */
  enqueue<P>(
    executor: Executor,
    definition: JobDefinition<P>,
    payload: P,
    options?: EnqueueOptions,
  ): Promise<Enqueued>;
  enqueue(executor: Executor, request: EnqueueRequest): Promise<Enqueued>;
  get(id: string): Promise<Job>;
  /** Lists jobs, newest first: `{ status: 'dead' }` or `{ failed: true }` for the ones needing attention. */
  list(filter?: JobFilter): Promise<Job[]>;
  /** Puts a dead job back in the queue with a fresh set of attempts. */
  retry(id: string): Promise<Job>;
  /** Deletes a dead job for good (its work is abandoned); a job in any other status stays. */
  discard(id: string): Promise<void>;
  /** Deletes done jobs finished before `before` (their keys can then be enqueued again). */
  purgeDone(before: number): Promise<number>;
  /** This process's workers. */
  readonly workers: WorkerPool;
}

export interface JobQueueDeps {
  db: Db;
  engine: Engine;
  clock: Clock;
  log: Logger;
  retry?: Partial<RetryPolicy>;
  workers?: Partial<WorkerOptions>;
}

/**
 * Creates the queue over the platform's database. Workers do not start by themselves:
 * call `queue.workers.start()` (the platform does when `config.workers` is on).
 */
export function createJobQueue(deps: JobQueueDeps): JobQueue {
  const { db, clock } = deps;
  const retry: RetryPolicy = { ...defaultRetryPolicy, ...deps.retry };
  const definitions = new Map<string, JobDefinition<unknown>>();
  const workers = createWorkerPool(
    { db, engine: deps.engine, clock, log: deps.log, definitions, retry },
    { ...defaultWorkerOptions, ...deps.workers },
  );

  async function enqueue(
    executor: Executor,
    job: JobDefinition<unknown> | EnqueueRequest,
    payload?: unknown,
    options: EnqueueOptions = {},
  ): Promise<Enqueued> {
    const request: EnqueueRequest = 'handle' in job ? { ...options, type: job.type, payload } : job;
    const definition = definitions.get(request.type) ?? ('handle' in job ? job : undefined);
    const now = clock.now();
    const result = await insertJob(executor, {
      id: newId('job'),
      type: request.type,
      payload: JSON.stringify(request.payload ?? null),
      status: 'queued',
      max_attempts: request.maxAttempts ?? definition?.retry?.maxAttempts ?? retry.maxAttempts,
      run_at: request.runAt ?? now,
      locked_by: null,
      locked_until: null,
      last_error: null,
      key: request.key ?? null,
      created_at: now,
      updated_at: now,
      finished_at: null,
    });
    if (result.created && (request.runAt ?? now) <= now) workers.wake();
    return result;
  }

  async function get(id: string): Promise<Job> {
    const row = await findJobRow(db, id);
    if (!row) throw jobErrors.NOT_FOUND({ id });
    return jobFromRow(row);
  }

  return {
    register(...list) {
      for (const definition of list) {
        // Two modules claiming one type is a wiring bug: fail the start, not a request.
        if (definitions.has(definition.type))
          throw new Error(`Job type ${definition.type} is registered twice`);
        definitions.set(definition.type, definition);
      }
    },
    enqueue: enqueue as JobQueue['enqueue'],
    get,
    async list(filter = {}) {
      return (await listJobRows(db, filter)).map(jobFromRow);
    },
    async retry(id) {
      if (!(await requeueDeadJob(db, id, clock.now()))) {
        const job = await get(id);
        throw jobErrors.NOT_RETRYABLE({ id, status: job.status });
      }
      workers.wake();
      return get(id);
    },
    async discard(id) {
      if (!(await deleteDeadJob(db, id))) {
        const job = await get(id);
        throw jobErrors.NOT_DISCARDABLE({ id, status: job.status });
      }
    },
    purgeDone: (before) => purgeDoneJobs(db, before),
    workers,
  };
}
