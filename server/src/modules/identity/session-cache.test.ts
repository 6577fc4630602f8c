import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { loadConfig } from '../../config.ts';
import { createPlatform, type Platform } from '../../platform.ts';
import { identityClient } from './testing.ts';

type TestPlatform = Awaited<ReturnType<typeof startTestPlatform>>;

// Two platforms on one database stand for two server processes: each has its own
// connections and its own cache of resolved sessions.
describe.each(testEngines)('resolved sessions kept per process, on %s', (engine) => {
  let a: TestPlatform;
  let b: Platform;
  beforeAll(async () => {
    a = await startTestPlatform(engine);
    b = await createPlatform({
      config: loadConfig({ PLAZA_LOG_LEVEL: 'silent', PLAZA_WORKERS: 'false', ...a.env }),
    });
  });
  afterAll(async () => {
    await b?.close();
    await a?.stop();
  });

  const me = (p: Platform, token: string) => identityClient(p).call('GET', '/api/me/account', { token });

  it('refuses a session signed out in the other process on the very next request', async () => {
    const dev = await identityClient(a).developer();
    // Both processes have resolved (and may keep) the session.
    for (let i = 0; i < 3; i++) {
      expect((await me(a, dev.token)).status).toBe(200);
      expect((await me(b, dev.token)).status).toBe(200);
    }
    const out = await identityClient(b).call('DELETE', '/api/sessions/current', { token: dev.token });
    expect(out.status).toBe(204);
    expect((await me(a, dev.token)).json.error.code).toBe('HTTP_INVALID_CREDENTIALS');
    expect((await me(b, dev.token)).status).toBe(401);
  });

  it('refuses a session of this process signed out here, and keeps others working', async () => {
    const c = identityClient(a);
    const kept = await c.developer();
    const ended = await c.developer();
    expect((await me(a, kept.token)).status).toBe(200);
    expect((await me(a, ended.token)).status).toBe(200);
    expect((await c.call('DELETE', '/api/sessions/current', { token: ended.token })).status).toBe(204);
    expect((await me(a, ended.token)).status).toBe(401);
    expect((await me(a, kept.token)).status).toBe(200);
  });

  it("takes an operator's rights away at once, whoever writes the change", async () => {
    const dev = await identityClient(a).developer();
    await sql`update account set operator = 1 where id = ${dev.account.id}`.execute(b.db);
    const places = (p: Platform) =>
      identityClient(p).call('GET', '/api/operator/place-claims', { token: dev.token });
    expect((await me(a, dev.token)).json.account.operator).toBe(true);
    expect((await places(a)).status).toBe(200);
    expect((await places(b)).status).toBe(200);
    // Written straight into the table, past every route: the database itself moves the epoch.
    await sql`update account set operator = 0 where id = ${dev.account.id}`.execute(b.db);
    expect((await places(a)).status).toBe(403);
    expect((await places(b)).status).toBe(403);
  });
});
