/**
 * A worker process for the crash and concurrency tests, started with
 * `node --import tsx worker-process.ts <mode>` and PLAZA_TEST_TARGET (a database target
 * as JSON) in its environment.
 *
 * - `hang`: claims `test.hang` jobs, prints `claimed <id>` and never finishes them (the test
 *   kills it with SIGKILL).
 * - `record`: prints `ready`, waits for a line on stdin, then runs `test.record` jobs, each writing one row with its start and end times to
 *   `job_runs`, until no job is left; prints `ran <n>`.
 */
import { once } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { type DatabaseTarget, openDatabase } from '../../src/db/database.ts';
import { createJobQueue, defineJob } from '../../src/jobs/index.ts';
import { createLogger } from '../../src/logging/logger.ts';

const mode = process.argv[2];
const target = JSON.parse(process.env.PLAZA_TEST_TARGET ?? 'null') as DatabaseTarget;
const concurrency = Number(process.env.PLAZA_JOB_CONCURRENCY ?? 4);
const leaseMs = Number(process.env.PLAZA_JOB_LEASE_MS ?? 30_000);
const { db, engine } = openDatabase(target);
const queue = createJobQueue({
  db,
  engine,
  clock: { now: () => Date.now() },
  log: createLogger('error'),
  workers: { concurrency, leaseMs, pollIntervalMs: 20, workerId: `child-${process.pid}` },
});

// Microseconds since the epoch: precise enough to order runs across processes on one machine.
const micros = () => Math.round((performance.timeOrigin + performance.now()) * 1000);

if (mode === 'hang') {
  const keepAlive = setInterval(() => {}, 60_000);
  queue.register(
    defineJob({
      type: 'test.hang',
      handle: async (job) => {
        process.stdout.write(`claimed ${job.id}\n`);
        await new Promise(() => {});
        clearInterval(keepAlive);
      },
    }),
  );
  queue.workers.start();
} else if (mode === 'record') {
  let ran = 0;
  queue.register(
    defineJob({
      type: 'test.record',
      handle: async (job) => {
        const startedAt = micros();
        await sleep(1 + Math.random() * 4);
        await sql`insert into job_runs (job_id, worker, started_at, ended_at)
          values (${job.id}, ${queue.workers.workerId}, ${startedAt}, ${micros()})`.execute(db);
        ran += 1;
      },
    }),
  );
  // Start together with the other process when the test says so, so both compete from the first job.
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  process.stdin.pause();
  queue.workers.start();
  for (;;) {
    await sleep(100);
    const left = await db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['queued', 'running'])
      .executeTakeFirstOrThrow();
    if (Number(left.n) === 0) break;
  }
  await queue.workers.stop();
  await db.destroy();
  process.stdout.write(`ran ${ran}\n`);
} else {
  process.stderr.write(`unknown mode ${mode}\n`);
  process.exit(2);
}
