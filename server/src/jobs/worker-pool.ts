import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Clock } from '../db/clock.ts';
import type { Db, Engine } from '../db/database.ts';
import type { Logger } from '../logging/logger.ts';
import {
  buryAbandonedJobs,
  buryJob,
  claimJobs,
  completeJob,
  extendLease,
  releaseJob,
  rescheduleJob,
} from './job.repository.ts';
import type { JobRow } from './job.table.ts';
import { jobFromRow, type Lease } from './job.ts';
import { type JobDefinition, PermanentJobError } from './job-definition.ts';
import { type RetryPolicy, retryDelay } from './retry-policy.ts';

export interface WorkerOptions {
  /** Jobs this process runs at once. */
  concurrency: number;
  /** How often an idle worker looks for due jobs (enqueues in this process wake it sooner). */
  pollIntervalMs: number;
  /** How long a claim holds a job; a running job renews it every third of this. */
  leaseMs: number;
  /** On stop, how long in-flight jobs may finish before their leases are given back. */
  drainTimeoutMs: number;
  /** Names this process in `locked_by`; defaults to host, pid and a random suffix. */
  workerId?: string;
}

export const defaultWorkerOptions: WorkerOptions = {
  concurrency: 4,
  pollIntervalMs: 1_000,
  leaseMs: 30_000,
  drainTimeoutMs: 10_000,
};

export interface WorkerPoolDeps {
  db: Db;
  engine: Engine;
  clock: Clock;
  log: Logger;
  definitions: ReadonlyMap<string, JobDefinition<unknown>>;
  retry: RetryPolicy;
}

/** The jobs this process runs: claims due jobs, runs them with their handler, records the outcome. */
export interface WorkerPool {
  readonly workerId: string;
  /** Starts polling; idempotent. */
  start(): void;
  /** Looks for work now (called when this process enqueues). */
  wake(): void;
  /** Claims and runs due jobs until none is left; resolves with how many ran. For tests and scripts. */
  runDue(): Promise<number>;
  /** Stops claiming, waits for in-flight jobs up to the drain timeout, then gives their leases back. */
  stop(timeoutMs?: number): Promise<void>;
  /** Jobs running now. */
  inFlight(): number;
}

interface Running {
  lease: Lease;
  controller: AbortController;
  heartbeat: NodeJS.Timeout;
  released: boolean;
  done: Promise<void>;
}

// After a wake-up the enqueuing transaction may not have committed yet: look again shortly.
const wakeFollowUpsMs = [25, 100, 400];
const maxErrorLength = 4_000;

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.length > maxErrorLength ? `${text.slice(0, maxErrorLength)}…` : text;
}

/** Settles with the run, or fails (aborting the run's signal) once `timeoutMs` has passed. */
async function withTimeout(run: Promise<void>, timeoutMs: number | undefined, controller: AbortController) {
  if (timeoutMs === undefined) return run;
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new Error(`The job ran longer than ${timeoutMs} ms`);
      error.name = 'TimeoutError';
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    return await Promise.race([run, expired]);
  } finally {
    clearTimeout(timer);
  }
}

export function createWorkerPool(deps: WorkerPoolDeps, options: WorkerOptions): WorkerPool {
  const { db, engine, clock, log, definitions } = deps;
  const workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const running = new Map<string, Running>();
  let state: 'idle' | 'polling' | 'stopping' = 'idle';
  let timer: NodeJS.Timeout | undefined;
  let followUps: number[] = [];
  let currentPoll: Promise<void> | undefined;
  let pollAgain = false;
  let lastReap = Number.NEGATIVE_INFINITY;

  async function claim(limit: number): Promise<JobRow[]> {
    return claimJobs(db, engine, {
      workerId,
      types: [...definitions.keys()],
      limit,
      now: clock.now(),
      leaseMs: options.leaseMs,
    });
  }

  async function reap(): Promise<void> {
    const now = clock.now();
    lastReap = now;
    const buried = await buryAbandonedJobs(db, now);
    if (buried > 0) log.warn({ buried }, 'jobs whose worker died on their last attempt are dead');
  }

  async function recordFailure(
    lease: Lease,
    row: JobRow,
    definition: JobDefinition<unknown> | undefined,
    error: unknown,
  ): Promise<void> {
    const now = clock.now();
    const message = describeError(error);
    const job = {
      id: row.id,
      type: row.type,
      attempts: Number(row.attempts),
      maxAttempts: Number(row.max_attempts),
    };
    const permanent = error instanceof PermanentJobError || definition === undefined;
    if (permanent || job.attempts >= job.maxAttempts) {
      log.error({ jobId: job.id, type: job.type, attempts: job.attempts, err: error }, 'job is dead');
      await buryJob(db, lease, { now, error: message });
      return;
    }
    const policy = { ...deps.retry, ...definition.retry };
    const runAt = now + retryDelay(job.attempts, policy);
    log.warn(
      { jobId: job.id, type: job.type, attempts: job.attempts, runAt, err: error },
      'job failed; will retry',
    );
    await rescheduleJob(db, lease, { now, runAt, error: message });
  }

  async function execute(row: JobRow, entry: Running): Promise<void> {
    const { lease, controller } = entry;
    const definition = definitions.get(row.type);
    try {
      const job = jobFromRow(row);
      if (!definition) throw new PermanentJobError(`No handler for job type ${row.type}`);
      let payload: unknown;
      try {
        payload = definition.parse ? definition.parse(job.payload) : job.payload;
      } catch (error) {
        throw new PermanentJobError(`Invalid payload: ${describeError(error)}`, { cause: error });
      }
      await withTimeout(
        definition.handle(
          { ...job, payload },
          { db, log: log.child({ jobId: job.id, type: job.type }), signal: controller.signal, workerId },
        ),
        definition.timeoutMs,
        controller,
      );
      clearInterval(entry.heartbeat);
      if (entry.released) return;
      if (!(await completeJob(db, lease, clock.now()))) {
        log.warn({ jobId: row.id }, 'job finished after its lease was lost; another run may repeat it');
      }
    } catch (error) {
      clearInterval(entry.heartbeat);
      if (entry.released) return;
      await recordFailure(lease, row, definition, error);
    }
  }

  function launch(row: JobRow): Running {
    const lease: Lease = { id: row.id, workerId, attempt: Number(row.attempts) };
    const controller = new AbortController();
    const heartbeat = setInterval(
      () => {
        extendLease(db, lease, clock.now(), options.leaseMs).then(
          (held) => {
            if (held || entry.released) return;
            clearInterval(heartbeat);
            controller.abort(new Error('The lease on this job was lost'));
          },
          (error: unknown) => log.warn({ jobId: row.id, err: error }, 'could not extend a job lease'),
        );
      },
      Math.max(10, Math.floor(options.leaseMs / 3)),
    );
    heartbeat.unref();
    const entry: Running = { lease, controller, heartbeat, released: false, done: Promise.resolve() };
    running.set(row.id, entry);
    entry.done = execute(row, entry)
      .catch((error: unknown) => log.error({ jobId: row.id, err: error }, 'could not record a job outcome'))
      .finally(() => {
        running.delete(row.id);
        if (state === 'polling') void poll();
      });
    return entry;
  }

  function schedule(): void {
    clearTimeout(timer);
    if (state !== 'polling') return;
    timer = setTimeout(() => void poll(), followUps.shift() ?? options.pollIntervalMs);
    timer.unref();
  }

  /** One round: reap if due, then claim into the free slots until none are left or nothing is due. */
  async function pollRound(): Promise<void> {
    try {
      if (clock.now() - lastReap >= options.pollIntervalMs) await reap();
      do {
        pollAgain = false;
        const free = options.concurrency - running.size;
        if (free <= 0) break;
        const rows = await claim(free);
        for (const row of rows) launch(row);
        if (rows.length === free) pollAgain = true;
      } while (pollAgain && state === 'polling');
    } catch (error) {
      log.error({ err: error }, 'claiming jobs failed');
    }
  }

  function poll(): Promise<void> {
    if (state !== 'polling') return Promise.resolve();
    if (currentPoll) {
      pollAgain = true;
      return currentPoll;
    }
    // The round settles before it is marked done: with every slot busy and no reap due it
    // awaits nothing, so clearing `currentPoll` inside it would run before this assignment
    // and leave a settled round here for good, turning every later poll away.
    // A poll asked for after the round's last claim (a job finished meanwhile) runs now.
    currentPoll = pollRound().finally(() => {
      currentPoll = undefined;
      const again = pollAgain;
      pollAgain = false;
      if (again) void poll();
      else schedule();
    });
    return currentPoll;
  }

  return {
    workerId,
    start() {
      if (state !== 'idle') return;
      state = 'polling';
      void poll();
    },
    wake() {
      if (state !== 'polling') return;
      followUps = [...wakeFollowUpsMs];
      void poll();
    },
    async runDue() {
      let total = 0;
      await reap();
      for (;;) {
        const rows = await claim(options.concurrency);
        if (rows.length === 0) return total;
        total += rows.length;
        await Promise.all(rows.map((row) => launch(row).done));
      }
    },
    async stop(timeoutMs = options.drainTimeoutMs) {
      if (state === 'stopping') return;
      state = 'stopping';
      clearTimeout(timer);
      await currentPoll;
      if (running.size > 0) {
        let expire: NodeJS.Timeout | undefined;
        await Promise.race([
          Promise.allSettled([...running.values()].map((r) => r.done)),
          new Promise((resolve) => {
            expire = setTimeout(resolve, timeoutMs);
          }),
        ]);
        clearTimeout(expire);
      }
      const left = [...running.values()];
      if (left.length > 0) log.warn({ jobs: left.length }, 'giving back the leases of jobs still running');
      await Promise.all(
        left.map(async (entry) => {
          entry.released = true;
          clearInterval(entry.heartbeat);
          entry.controller.abort(new Error('The worker is shutting down'));
          await releaseJob(db, entry.lease, clock.now()).catch((error: unknown) =>
            log.warn({ jobId: entry.lease.id, err: error }, 'could not give a job lease back'),
          );
        }),
      );
      state = 'idle';
    },
    inFlight: () => running.size,
  };
}
