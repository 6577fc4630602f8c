import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { manualClock } from '../../db/clock.ts';
import { appsClient } from '../apps/testing.ts';
import { createLoginService } from './login.service.ts';

describe.each(testEngines)('one-tap login on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let c: ReturnType<typeof appsClient>;
  const clock = manualClock(Date.UTC(2026, 7, 1));
  beforeAll(async () => {
    t = await startTestPlatform(engine, { clock, env: { PLAZA_DEMO: 'true' } });
    c = appsClient(t);
  });
  afterAll(async () => t?.stop());

  async function loginCode(userToken: string, appid: string): Promise<string> {
    const res = await c.call('POST', `/api/runtime/apps/${appid}/login`, { token: userToken });
    expect(res.status).toBe(200);
    expect(res.json.expires_in).toBe(300);
    return res.json.code as string;
  }

  const exchange = (app: { appid: string; secret: string }, code: Record<string, string> | string) =>
    c.call('POST', '/api/apps/jscode2session', {
      body: { appid: app.appid, secret: app.secret, ...(typeof code === 'string' ? { code } : code) },
    });

  it('exchanges a code once for openid, unionid and a session key', async () => {
    const owner = await c.orgOwner();
    const app = await c.createApp(owner);
    const user = await c.endUser();
    const code = await loginCode(user.token, app.appid);
    const first = await exchange(app, code);
    expect(first.status).toBe(200);
    expect(first.json).toEqual({
      openid: expect.stringMatching(/^o[A-Za-z0-9_-]{32}$/),
      unionid: expect.stringMatching(/^u[A-Za-z0-9_-]{32}$/),
      session_key: expect.stringMatching(/^[A-Za-z0-9+/]{22}==$/),
    });
    expect(JSON.stringify(first.json)).not.toContain(user.userId);
    const again = await exchange(app, code);
    expect([again.status, again.json.error.code]).toEqual([400, 'LOGIN_CODE_USED']);

    // Nothing in plain: the code is hashed and the session key sealed.
    const codes = await t.db.selectFrom('login_code').selectAll().execute();
    expect(JSON.stringify(codes)).not.toContain(code);
    const sessions = await t.db.selectFrom('app_user_session').selectAll().execute();
    expect(JSON.stringify(sessions)).not.toContain(first.json.session_key);
    expect(await t.login.sessionKeyOf(app.appid, user.userId)).toEqual({
      sessionKey: first.json.session_key,
      issuedAt: clock.now(),
    });
    expect(await t.login.resolveOpenid(app.appid, first.json.openid)).toBe(user.userId);
    expect(await t.login.openidFor(app.app.appid, user.userId)).toBe(first.json.openid);
  });

  it('records a user in an app once when many ask for the openid at the same moment', async () => {
    const app = await c.createApp(await c.orgOwner());
    const user = await c.endUser();
    const ids = await Promise.all(
      Array.from({ length: 12 }, () => t.login.openidFor(app.appid, user.userId)),
    );
    expect(new Set(ids).size).toBe(1);
    const rows = await t.db
      .selectFrom('app_user')
      .select('openid')
      .where('user_id', '=', user.userId)
      .execute();
    expect(rows).toEqual([{ openid: ids[0] }]);
  });

  it('lets exactly one of two concurrent exchanges of a code win', async () => {
    const app = await c.createApp(await c.orgOwner());
    const user = await c.endUser();
    for (let round = 0; round < 3; round++) {
      const code = await loginCode(user.token, app.appid);
      const results = await Promise.all([exchange(app, code), exchange(app, code), exchange(app, code)]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 400, 400]);
      expect(results.filter((r) => r.status === 400).map((r) => r.json.error.code)).toEqual([
        'LOGIN_CODE_USED',
        'LOGIN_CODE_USED',
      ]);
    }
  });

  it('refuses expired, forged and cross-app codes and wrong secrets, consuming nothing', async () => {
    const owner = await c.orgOwner();
    const a = await c.createApp(owner);
    const b = await c.createApp(owner);
    const user = await c.endUser();

    const stale = await loginCode(user.token, a.appid);
    clock.advance(5 * 60_000);
    const expired = await exchange(a, stale);
    expect([expired.status, expired.json.error.code]).toEqual([400, 'LOGIN_CODE_EXPIRED']);

    const code = await loginCode(user.token, a.appid);
    const crossApp = await exchange(b, code);
    expect([crossApp.status, crossApp.json.error.code]).toEqual([400, 'LOGIN_CODE_INVALID']);
    const wrongSecret = await exchange({ appid: a.appid, secret: b.secret }, code);
    expect([wrongSecret.status, wrongSecret.json.error.code]).toEqual([401, 'APP_INVALID_CREDENTIALS']);
    const forged = await exchange(a, 'not-a-code');
    expect([forged.status, forged.json.error.code]).toEqual([400, 'LOGIN_CODE_INVALID']);
    const both = await exchange(a, { code, js_code: code });
    expect(both.json.error.code).toBe('LOGIN_CODE_REQUIRED');
    const none = await exchange(a, {});
    expect(none.json.error.code).toBe('LOGIN_CODE_REQUIRED');
    // After all that, the code still works once for its own app.
    expect((await exchange(a, code)).status).toBe(200);

    // WeChat's and Douyin's field names name the same code.
    expect((await exchange(a, { js_code: await loginCode(user.token, a.appid) })).status).toBe(200);
    expect((await exchange(a, { anonymous_code: await loginCode(user.token, a.appid) })).status).toBe(200);
  });

  it('gives pairwise openids per app and one unionid per org', async () => {
    const orgOne = await c.orgOwner();
    const orgTwo = await c.orgOwner();
    const a = await c.createApp(orgOne);
    const b = await c.createApp(orgOne);
    const other = await c.createApp(orgTwo);
    const alice = await c.endUser();
    const bob = await c.endUser();
    const ids = async (user: { token: string }, app: typeof a) =>
      (await exchange(app, await loginCode(user.token, app.appid))).json as {
        openid: string;
        unionid: string;
      };

    const aliceA = await ids(alice, a);
    const aliceA2 = await ids(alice, a);
    const aliceB = await ids(alice, b);
    const aliceOther = await ids(alice, other);
    const bobA = await ids(bob, a);
    expect(aliceA2.openid).toBe(aliceA.openid);
    expect(aliceB.openid).not.toBe(aliceA.openid);
    expect(aliceOther.openid).not.toBe(aliceA.openid);
    expect(bobA.openid).not.toBe(aliceA.openid);
    expect(aliceB.unionid).toBe(aliceA.unionid);
    expect(aliceOther.unionid).not.toBe(aliceA.unionid);
    expect(bobA.unionid).not.toBe(aliceA.unionid);

    // Reverse lookups stay inside their app.
    expect(await t.login.resolveOpenid(a.appid, aliceA.openid)).toBe(alice.userId);
    await expect(t.login.resolveOpenid(b.appid, aliceA.openid)).rejects.toMatchObject({
      code: 'LOGIN_UNKNOWN_OPENID',
    });
    expect(await t.login.unionidFor(b.appid, alice.userId)).toBe(aliceA.unionid);

    // The key lives in the database: another instance derives the same ids.
    const elsewhere = createLoginService({ db: t.db, clock, apps: t.apps });
    expect(await elsewhere.openidFor(a.appid, alice.userId)).toBe(aliceA.openid);
    const keys = await t.db.selectFrom('platform_key').select('name').execute();
    expect(keys.map((k) => k.name).sort()).toEqual(['login.pairwise-ids', 'login.session-key-seal']);
  });

  it('issues codes only to signed-in end users of active apps', async () => {
    const owner = await c.orgOwner();
    const app = await c.createApp(owner);
    const appToken = await c.clientToken(app.appid, app.secret);
    const user = await c.endUser();
    const url = `/api/runtime/apps/${app.appid}/login`;
    expect((await c.call('POST', url)).status).toBe(401);
    expect((await c.call('POST', url, { token: owner.token })).status).toBe(403);
    expect((await c.call('POST', url, { token: appToken })).status).toBe(403);
    const unknown = await c.call('POST', '/api/runtime/apps/tt0000000000000000/login', { token: user.token });
    expect([unknown.status, unknown.json.error.code]).toEqual([404, 'APP_NOT_FOUND']);

    const code = await loginCode(user.token, app.appid);
    const operator = await c.operator();
    await c.call('POST', `/api/apps/${app.appid}/takedown`, {
      token: operator.token,
      body: { reason: 'fraud' },
    });
    const down = await c.call('POST', url, { token: user.token });
    expect([down.status, down.json.error.code]).toEqual([403, 'APP_TAKEN_DOWN']);
    const exchanged = await exchange(app, code);
    expect([exchanged.status, exchanged.json.error.code]).toEqual([403, 'APP_TAKEN_DOWN']);
  });
});
