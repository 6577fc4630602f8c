import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testEngines } from '../../test/support/test-database.ts';
import { manualClock } from '../db/clock.ts';
import { createLogger } from '../logging/logger.ts';
import { createJobQueue, defineJob, type JobQueue, PermanentJobError } from './index.ts';
import { claimJobs, completeJob } from './job.repository.ts';
import { useJobsDatabase } from './testing.ts';
import type { WorkerOptions } from './worker-pool.ts';

const silent = createLogger('silent');

describe.each(testEngines)('jobs queue on %s', (engineName) => {
  const t = useJobsDatabase(engineName);
  const queues: JobQueue[] = [];

  afterEach(async () => {
    await Promise.all(queues.splice(0).map((q) => q.workers.stop(0)));
  });

  function queue(
    options: { clock?: { now(): number }; workers?: Partial<WorkerOptions>; baseMs?: number } = {},
  ): JobQueue {
    const q = createJobQueue({
      db: t.db,
      engine: t.engine,
      clock: options.clock ?? { now: () => Date.now() },
      log: silent,
      retry: { baseMs: options.baseMs ?? 1_000, capMs: 60_000 },
      workers: { pollIntervalMs: 50, ...options.workers },
    });
    queues.push(q);
    return q;
  }

  it('enqueues with the caller’s transaction: a rollback leaves no job, a commit leaves one', async () => {
    const jobs = queue();
    await expect(
      t.db.transaction().execute(async (trx) => {
        await jobs.enqueue(trx, { type: 'test.noop', payload: { n: 1 } });
        throw new Error('the state change failed');
      }),
    ).rejects.toThrow('the state change failed');
    expect(await jobs.list()).toEqual([]);

    await t.db.transaction().execute(async (trx) => {
      await jobs.enqueue(trx, { type: 'test.noop', payload: { n: 2 } });
    });
    const [job] = await jobs.list();
    expect(job).toMatchObject({ type: 'test.noop', payload: { n: 2 }, status: 'queued', attempts: 0 });
  });

  it('an idempotency key makes a second enqueue add nothing', async () => {
    const jobs = queue();
    const first = await jobs.enqueue(t.db, { type: 'test.noop', payload: 1, key: 'order:42' });
    const second = await t.db
      .transaction()
      .execute((trx) => jobs.enqueue(trx, { type: 'test.noop', payload: 2, key: 'order:42' }));
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    expect((await jobs.list()).map((j) => j.payload)).toEqual([1]);
  });

  it('runs a registered job with its typed payload, once', async () => {
    const jobs = queue();
    const seen: string[] = [];
    const greet = defineJob<{ name: string }>({
      type: 'test.greet',
      handle: async (job) => {
        seen.push(`hello ${job.payload.name} (attempt ${job.attempts})`);
      },
    });
    jobs.register(greet);
    const { id } = await jobs.enqueue(t.db, greet, { name: 'Ada' });
    expect(await jobs.workers.runDue()).toBe(1);
    expect(await jobs.workers.runDue()).toBe(0);
    expect(seen).toEqual(['hello Ada (attempt 1)']);
    expect(await jobs.get(id)).toMatchObject({ status: 'done', lockedBy: null, lastError: null });
    expect(() => jobs.register(greet)).toThrow('registered twice');
  });

  it('does not run a job before its runAt, nor a type this process has no handler for', async () => {
    const clock = manualClock();
    const jobs = queue({ clock });
    jobs.register(defineJob({ type: 'test.later', handle: async () => {} }));
    await jobs.enqueue(t.db, { type: 'test.later', payload: null, runAt: clock.now() + 5_000 });
    await jobs.enqueue(t.db, { type: 'test.unknown', payload: null });
    expect(await jobs.workers.runDue()).toBe(0);
    clock.advance(5_000);
    expect(await jobs.workers.runDue()).toBe(1);
    expect((await jobs.list({ status: 'queued' })).map((j) => j.type)).toEqual(['test.unknown']);
  });

  it('retries with exponential backoff and full jitter, then marks the job dead with its last error', async () => {
    const clock = manualClock();
    const jobs = queue({ clock, baseMs: 1_000 });
    let fail = true;
    jobs.register(
      defineJob({
        type: 'test.flaky',
        handle: async (job) => {
          if (fail) throw new Error(`boom ${job.attempts}`);
        },
      }),
    );
    const { id } = await jobs.enqueue(t.db, { type: 'test.flaky', payload: {}, maxAttempts: 3 });

    // After the n-th failure the wait is drawn from [0, base·2^(n-1)].
    for (const [attempt, ceiling] of [
      [1, 1_000],
      [2, 2_000],
    ] as const) {
      expect(await jobs.workers.runDue()).toBe(1);
      const job = await jobs.get(id);
      expect(job).toMatchObject({ status: 'queued', attempts: attempt, lastError: `Error: boom ${attempt}` });
      expect(job.runAt - clock.now()).toBeGreaterThanOrEqual(0);
      expect(job.runAt - clock.now()).toBeLessThan(ceiling);
      if (job.runAt > clock.now()) expect(await jobs.workers.runDue()).toBe(0);
      clock.set(job.runAt);
    }
    expect(await jobs.workers.runDue()).toBe(1);
    const dead = await jobs.get(id);
    expect(dead).toMatchObject({
      status: 'dead',
      attempts: 3,
      lastError: 'Error: boom 3',
      finishedAt: clock.now(),
    });
    clock.advance(3_600_000);
    expect(await jobs.workers.runDue()).toBe(0);

    expect((await jobs.list({ status: 'dead' })).map((j) => j.id)).toEqual([id]);
    expect((await jobs.list({ failed: true })).map((j) => j.id)).toEqual([id]);

    fail = false;
    expect(await jobs.retry(id)).toMatchObject({ status: 'queued', attempts: 0 });
    expect(await jobs.workers.runDue()).toBe(1);
    expect(await jobs.get(id)).toMatchObject({ status: 'done', attempts: 1 });
    await expect(jobs.retry(id)).rejects.toMatchObject({ code: 'JOB_NOT_RETRYABLE' });
    await expect(jobs.retry('job_missing')).rejects.toMatchObject({ code: 'JOB_NOT_FOUND' });
  });

  it('a permanent failure or a payload that does not parse is dead at once', async () => {
    const jobs = queue();
    jobs.register(
      defineJob({
        type: 'test.gone',
        handle: async () => {
          throw new PermanentJobError('the order no longer exists');
        },
      }),
      defineJob<{ orderId: string }>({
        type: 'test.strict',
        parse: (payload) => {
          const p = payload as { orderId?: unknown };
          if (typeof p?.orderId !== 'string') throw new Error('orderId must be a string');
          return { orderId: p.orderId };
        },
        handle: async () => {},
      }),
    );
    const gone = await jobs.enqueue(t.db, { type: 'test.gone', payload: {} });
    const strict = await jobs.enqueue(t.db, { type: 'test.strict', payload: { orderId: 7 } });
    expect(await jobs.workers.runDue()).toBe(2);
    expect(await jobs.get(gone.id)).toMatchObject({
      status: 'dead',
      attempts: 1,
      lastError: 'PermanentJobError: the order no longer exists',
    });
    expect(await jobs.get(strict.id)).toMatchObject({ status: 'dead', attempts: 1 });
    expect((await jobs.get(strict.id)).lastError).toContain('orderId must be a string');
  });

  it('a lease that runs out (its worker died) makes the job run again; the dead worker’s completion is refused', async () => {
    const clock = manualClock();
    const jobs = queue({ clock, workers: { leaseMs: 10_000 } });
    const runs: number[] = [];
    jobs.register(defineJob({ type: 'test.lease', handle: async (job) => void runs.push(job.attempts) }));
    const { id } = await jobs.enqueue(t.db, { type: 'test.lease', payload: {} });

    // A worker claims the job and then vanishes without a word.
    const [claimed] = await claimJobs(t.db, t.engine, {
      workerId: 'ghost',
      types: ['test.lease'],
      limit: 1,
      now: clock.now(),
      leaseMs: 10_000,
    });
    expect(claimed).toMatchObject({ id, status: 'running', locked_by: 'ghost' });

    clock.advance(9_999);
    expect(await jobs.workers.runDue()).toBe(0);
    clock.advance(1);
    expect(await jobs.workers.runDue()).toBe(1);
    expect(runs).toEqual([2]);
    expect(await jobs.get(id)).toMatchObject({ status: 'done', attempts: 2 });
    expect(await completeJob(t.db, { id, workerId: 'ghost', attempt: 1 }, clock.now())).toBe(false);
  });

  it('a job whose worker died on its last attempt is marked dead, not lost', async () => {
    const clock = manualClock();
    const jobs = queue({ clock });
    jobs.register(defineJob({ type: 'test.last', handle: async () => {} }));
    const { id } = await jobs.enqueue(t.db, { type: 'test.last', payload: {}, maxAttempts: 1 });
    await claimJobs(t.db, t.engine, {
      workerId: 'ghost',
      types: ['test.last'],
      limit: 1,
      now: clock.now(),
      leaseMs: 1_000,
    });
    clock.advance(1_000);
    expect(await jobs.workers.runDue()).toBe(0);
    const job = await jobs.get(id);
    expect(job.status).toBe('dead');
    expect(job.lastError).toContain('lease ran out');
  });

  it('a running worker extends its lease, so a long job is not taken by another worker', async () => {
    const a = queue({ workers: { leaseMs: 450, workerId: 'a' } });
    const b = queue({ workers: { leaseMs: 450, workerId: 'b' } });
    const runs: string[] = [];
    for (const [q, name] of [
      [a, 'a'],
      [b, 'b'],
    ] as const) {
      q.register(
        defineJob({
          type: 'test.long',
          handle: async () => {
            runs.push(name);
            await sleep(1_400);
          },
        }),
      );
    }
    const { id } = await a.enqueue(t.db, { type: 'test.long', payload: {} });
    const running = a.workers.runDue();
    // Three lease lengths: without renewal, b would take the job over.
    const deadline = Date.now() + 1_350;
    let stolen = 0;
    while (Date.now() < deadline) {
      stolen += await b.workers.runDue();
      await sleep(30);
    }
    expect(await running).toBe(1);
    expect(stolen).toBe(0);
    expect(runs).toEqual(['a']);
    expect(await a.get(id)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('a run past its timeout fails, aborts its signal and is retried', async () => {
    const clock = manualClock();
    const jobs = queue({ clock });
    const signals: AbortSignal[] = [];
    jobs.register(
      defineJob({
        type: 'test.slow',
        timeoutMs: 50,
        handle: async (job, ctx) => {
          signals.push(ctx.signal);
          if (job.attempts === 1) await new Promise(() => {});
        },
      }),
    );
    const { id } = await jobs.enqueue(t.db, { type: 'test.slow', payload: {} });
    expect(await jobs.workers.runDue()).toBe(1);
    expect(signals[0]?.aborted).toBe(true);
    expect(await jobs.get(id)).toMatchObject({
      status: 'queued',
      attempts: 1,
      lastError: 'TimeoutError: The job ran longer than 50 ms',
    });
    clock.set((await jobs.get(id)).runAt);
    expect(await jobs.workers.runDue()).toBe(1);
    expect(await jobs.get(id)).toMatchObject({ status: 'done', attempts: 2 });
  });

  it('a handler learns through its signal that it lost the lease', async () => {
    const jobs = queue({ workers: { leaseMs: 90 } });
    let aborted: unknown;
    jobs.register(
      defineJob({
        type: 'test.lost',
        handle: async (_job, ctx) => {
          await new Promise((resolve) => ctx.signal.addEventListener('abort', resolve));
          aborted = ctx.signal.reason;
          throw ctx.signal.reason;
        },
      }),
    );
    const { id } = await jobs.enqueue(t.db, { type: 'test.lost', payload: {} });
    const running = jobs.workers.runDue();
    await vi.waitFor(async () => expect((await jobs.get(id)).status).toBe('running'));
    // Another worker took the job over (as after a long pause of this one).
    await t.db.updateTable('jobs').set({ locked_by: 'usurper' }).where('id', '=', id).execute();
    await running;
    expect(String(aborted)).toContain('lease');
    // The failure of a run that lost its lease is not recorded over the new holder's claim.
    expect(await jobs.get(id)).toMatchObject({ status: 'running', lockedBy: 'usurper', lastError: null });
  });

  it('started workers pick a job up as soon as this process enqueues it, even inside a transaction', async () => {
    const jobs = queue({ workers: { pollIntervalMs: 60_000 } });
    const done: string[] = [];
    jobs.register(
      defineJob<string>({ type: 'test.wake', handle: async (job) => void done.push(job.payload) }),
    );
    jobs.workers.start();
    await sleep(50);
    await jobs.enqueue(t.db, { type: 'test.wake', payload: 'direct' });
    await vi.waitFor(() => expect(done).toEqual(['direct']), { timeout: 1_000 });
    await t.db.transaction().execute(async (trx) => {
      await jobs.enqueue(trx, { type: 'test.wake', payload: 'in a transaction' });
      await sleep(60);
    });
    await vi.waitFor(() => expect(done).toEqual(['direct', 'in a transaction']), { timeout: 1_000 });
  });

  it('keeps running jobs enqueued while every slot is busy (a wake-up that finds no free slot must not stall the workers)', async () => {
    // A long poll interval: only wake-ups and finished jobs can bring the next job in.
    const jobs = queue({ workers: { concurrency: 1, pollIntervalMs: 60_000 } });
    const done: number[] = [];
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    jobs.register(
      defineJob<number>({
        type: 'test.busy',
        handle: async (job) => {
          if (job.payload === 0) await gate;
          done.push(job.payload);
        },
      }),
    );
    jobs.workers.start();
    await sleep(20);
    await jobs.enqueue(t.db, { type: 'test.busy', payload: 0 });
    await vi.waitFor(() => expect(jobs.workers.inFlight()).toBe(1), { timeout: 1_000 });
    // Each of these wakes the workers while the one slot is taken.
    for (let n = 1; n < 20; n++)
      await t.db.transaction().execute((trx) => jobs.enqueue(trx, { type: 'test.busy', payload: n }));
    release();
    await vi.waitFor(() => expect(done).toHaveLength(20), { timeout: 3_000 });
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n));
  });

  it('runs at most `concurrency` jobs at once', async () => {
    const jobs = queue({ workers: { concurrency: 3 } });
    let now = 0;
    let peak = 0;
    jobs.register(
      defineJob({
        type: 'test.parallel',
        handle: async () => {
          now += 1;
          peak = Math.max(peak, now);
          await sleep(80);
          now -= 1;
        },
      }),
    );
    for (let i = 0; i < 7; i++) await jobs.enqueue(t.db, { type: 'test.parallel', payload: i });
    jobs.workers.start();
    await vi.waitFor(async () => expect(await jobs.list({ status: 'done' })).toHaveLength(7), {
      timeout: 3_000,
    });
    expect(peak).toBe(3);
  });

  it('stopping waits for in-flight jobs, and gives back the lease of one that outlasts the drain', async () => {
    const jobs = queue();
    let signal: AbortSignal | undefined;
    jobs.register(
      defineJob({ type: 'test.short', handle: () => sleep(150) }),
      defineJob({
        type: 'test.endless',
        handle: async (_job, ctx) => {
          signal = ctx.signal;
          await new Promise(() => {});
        },
      }),
    );
    const short = await jobs.enqueue(t.db, { type: 'test.short', payload: {} });
    jobs.workers.start();
    await vi.waitFor(() => expect(jobs.workers.inFlight()).toBe(1));
    await jobs.workers.stop(2_000);
    expect(await jobs.get(short.id)).toMatchObject({ status: 'done' });

    const endless = await jobs.enqueue(t.db, { type: 'test.endless', payload: {} });
    jobs.workers.start();
    await vi.waitFor(() => expect(signal).toBeDefined());
    // The handler never settles: that stop returns at all is the grace period at work.
    await jobs.workers.stop(100);
    expect(signal?.aborted).toBe(true);
    // Given back without counting the interrupted run: another worker takes it at once.
    expect(await jobs.get(endless.id)).toMatchObject({ status: 'queued', attempts: 0, lockedBy: null });
  });
});
