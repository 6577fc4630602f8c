import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it, vi } from 'vitest';
import { testEngines } from '../../test/support/test-database.ts';
import { startTestPlatform } from '../../test/support/test-platform.ts';
import { defineJob } from './index.ts';

describe.each(testEngines)('the platform’s jobs on %s', (engine) => {
  it('starts workers when configured, and close() lets an in-flight job finish before the database closes', async () => {
    const platform = await startTestPlatform(engine, {
      env: { PLAZA_WORKERS: 'true', PLAZA_JOB_POLL_MS: '50', PLAZA_JOB_DRAIN_MS: '5000' },
    });
    const finished: string[] = [];
    let started = false;
    platform.jobs.register(
      defineJob<{ who: string }>({
        type: 'test.welcome',
        handle: async (job, ctx) => {
          started = true;
          await sleep(300);
          // Still able to write: the database closes only after the drain.
          await ctx.db.selectFrom('jobs').select('id').where('id', '=', job.id).execute();
          finished.push(job.payload.who);
        },
      }),
    );
    const { id } = await platform.db
      .transaction()
      .execute((trx) => platform.jobs.enqueue(trx, { type: 'test.welcome', payload: { who: 'ada' } }));
    await vi.waitFor(() => expect(started).toBe(true), { timeout: 2_000 });
    const status = await platform.jobs.get(id);
    expect(status.status).toBe('running');

    await platform.close();
    expect(finished).toEqual(['ada']);
    await platform.stop();
  });

  it('does not run jobs when workers are off', async () => {
    const platform = await startTestPlatform(engine);
    const ran: string[] = [];
    platform.jobs.register(defineJob({ type: 'test.idle', handle: async (job) => void ran.push(job.id) }));
    const { id } = await platform.jobs.enqueue(platform.db, { type: 'test.idle', payload: null });
    await sleep(200);
    expect(ran).toEqual([]);
    expect((await platform.jobs.get(id)).status).toBe('queued');
    await platform.stop();
  });
});
