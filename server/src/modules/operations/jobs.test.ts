import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { defineJob, PermanentJobError } from '../../jobs/index.ts';
import { appsClient } from '../apps/testing.ts';

// A job that gives up at once, as a broken callback target would make one give up at last.
const doomed = defineJob({
  type: 'operations.test-doomed',
  parse: (raw) => raw as { note: string },
  async handle() {
    throw new PermanentJobError('the receiver answered 410 Gone');
  },
});

describe.each(testEngines)("the operator's dead jobs on %s", (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let c: ReturnType<typeof appsClient>;
  let operator: string;
  beforeAll(async () => {
    t = await startTestPlatform(engine, { env: { PLAZA_DEMO: 'true' } });
    c = appsClient(t);
    operator = (await c.operator()).token;
    t.jobs.register(doomed);
  });
  afterAll(async () => t?.stop());

  const deadIds = async () =>
    ((await c.call('GET', '/api/operator/jobs', { token: operator })).json.jobs as Array<{ id: string }>).map(
      (j) => j.id,
    );

  it('shows a dead job with its error, retries it, and discards it for good', async () => {
    const { id } = await t.jobs.enqueue(t.db, doomed, { note: 'one' });
    await t.jobs.workers.runDue();
    const listed = await c.call('GET', '/api/operator/jobs?state=dead', { token: operator });
    expect(listed.json.jobs).toContainEqual(
      expect.objectContaining({
        id,
        type: 'operations.test-doomed',
        status: 'dead',
        last_error: expect.stringContaining('410 Gone'),
      }),
    );
    expect(JSON.stringify(listed.json)).not.toContain('payload');

    const retried = await c.call('POST', `/api/operator/jobs/${id}/retry`, { token: operator });
    expect([retried.status, retried.json.job.status, retried.json.job.attempts]).toEqual([200, 'queued', 0]);
    expect(await deadIds()).not.toContain(id);
    const notDead = await c.call('DELETE', `/api/operator/jobs/${id}`, { token: operator });
    expect([notDead.status, notDead.json.error.code]).toEqual([409, 'JOB_NOT_DISCARDABLE']);
    await t.jobs.workers.runDue();
    expect(await deadIds()).toContain(id);

    const discarded = await c.call('DELETE', `/api/operator/jobs/${id}`, { token: operator });
    expect(discarded.status).toBe(204);
    expect(await deadIds()).not.toContain(id);
    const gone = await c.call('POST', `/api/operator/jobs/${id}/retry`, { token: operator });
    expect([gone.status, gone.json.error.code]).toEqual([404, 'JOB_NOT_FOUND']);
  });
});
