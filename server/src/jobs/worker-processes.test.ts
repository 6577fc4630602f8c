import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { testEngines } from '../../test/support/test-database.ts';
import { createLogger } from '../logging/logger.ts';
import { createJobQueue, defineJob } from './index.ts';
import { useJobsDatabase } from './testing.ts';

const script = fileURLToPath(new URL('../../test/support/worker-process.ts', import.meta.url));
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));

/** A worker in its own process (see test/support/worker-process.ts), with its output as lines. */
function startWorkerProcess(mode: 'hang' | 'record', env: Record<string, string>) {
  const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', script, mode], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
  });
  const lines: string[] = [];
  let stderr = '';
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop() ?? '';
    lines.push(...parts);
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
  const line = (pattern: RegExp) =>
    vi.waitFor(
      () => {
        const found = lines.find((l) => pattern.test(l));
        if (!found) throw new Error(`no line ${pattern} yet; stderr: ${stderr.slice(-2_000)}`);
        return found;
      },
      { timeout: 15_000, interval: 20 },
    );
  return { child, line, exited, stderr: () => stderr };
}

describe.each(testEngines)('worker processes on %s', (engineName) => {
  const t = useJobsDatabase(engineName);
  const children: ChildProcessWithoutNullStreams[] = [];

  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  });

  it('a worker killed with SIGKILL in the middle of a job does not lose it: it runs again, once, after the lease', async () => {
    const leaseMs = 1_200;
    const runs: number[] = [];
    const jobs = createJobQueue({
      db: t.db,
      engine: t.engine,
      clock: { now: () => Date.now() },
      log: createLogger('silent'),
      workers: { leaseMs, pollIntervalMs: 25, workerId: 'survivor' },
    });
    const { id } = await jobs.enqueue(t.db, { type: 'test.hang', payload: { step: 'charge' } });

    const doomed = startWorkerProcess('hang', {
      PLAZA_TEST_TARGET: JSON.stringify(t.target.target),
      PLAZA_JOB_LEASE_MS: String(leaseMs),
    });
    children.push(doomed.child);
    expect(await doomed.line(/^claimed /)).toBe(`claimed ${id}`);
    // Let the doomed worker renew its lease at least once, as a live worker does.
    await new Promise((resolve) => setTimeout(resolve, leaseMs / 2));
    doomed.child.kill('SIGKILL');
    expect(await doomed.exited).toEqual([null, 'SIGKILL']);
    const held = await jobs.get(id);
    expect(held).toMatchObject({ status: 'running', attempts: 1, lockedBy: `child-${doomed.child.pid}` });

    jobs.register(defineJob({ type: 'test.hang', handle: async (job) => void runs.push(job.attempts) }));
    jobs.workers.start();
    try {
      await vi.waitFor(async () => expect((await jobs.get(id)).status).toBe('done'), { timeout: 10_000 });
      const done = await jobs.get(id);
      expect(runs).toEqual([2]);
      expect(done.attempts).toBe(2);
      expect(done.finishedAt).toBeGreaterThanOrEqual(held.lockedUntil ?? Number.POSITIVE_INFINITY);
    } finally {
      await jobs.workers.stop(0);
    }
  }, 30_000);

  it('two processes with several workers each never run the same job at the same time, and run every job once', async () => {
    const total = 300;
    await sql`create table job_runs (
      job_id text not null, worker text not null, started_at bigint not null, ended_at bigint not null
    )`.execute(t.db);
    const jobs = createJobQueue({
      db: t.db,
      engine: t.engine,
      clock: { now: () => Date.now() },
      log: createLogger('silent'),
    });
    await t.db.transaction().execute(async (trx) => {
      for (let i = 0; i < total; i++) await jobs.enqueue(trx, { type: 'test.record', payload: { i } });
    });

    const env = { PLAZA_TEST_TARGET: JSON.stringify(t.target.target), PLAZA_JOB_CONCURRENCY: '4' };
    const workers = [startWorkerProcess('record', env), startWorkerProcess('record', env)];
    children.push(...workers.map((w) => w.child));
    for (const w of workers) await w.line(/^ready$/);
    for (const w of workers) w.child.stdin.write('go\n');
    const ran: number[] = [];
    for (const w of workers) {
      const [code] = await w.exited;
      expect(code, w.stderr()).toBe(0);
      ran.push(Number((await w.line(/^ran \d+$/)).split(' ')[1]));
    }
    expect(ran.reduce((a, b) => a + b, 0)).toBe(total);
    // Both processes took part, or the test would prove nothing about them competing.
    expect(Math.min(...ran)).toBeGreaterThan(0);

    const runs = (
      await sql<{ job_id: string; worker: string; started_at: number; ended_at: number }>`
        select job_id, worker, started_at, ended_at from job_runs order by job_id, started_at`.execute(t.db)
    ).rows.map((r) => ({ ...r, started_at: Number(r.started_at), ended_at: Number(r.ended_at) }));
    const byJob = new Map<string, typeof runs>();
    for (const run of runs) byJob.set(run.job_id, [...(byJob.get(run.job_id) ?? []), run]);
    for (const list of byJob.values()) {
      for (let i = 1; i < list.length; i++) {
        const [before, after] = [list[i - 1], list[i]];
        expect(after?.started_at, `job ${after?.job_id} overlapped itself`).toBeGreaterThanOrEqual(
          before?.ended_at ?? 0,
        );
      }
    }
    expect(byJob.size).toBe(total);
    expect(runs).toHaveLength(total);
    const states = await t.db
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .groupBy(['status', 'attempts'])
      .execute();
    expect(states.map((s) => ({ ...s, n: Number(s.n) }))).toEqual([
      { status: 'done', attempts: 1, n: total },
    ]);
  }, 45_000);
});
