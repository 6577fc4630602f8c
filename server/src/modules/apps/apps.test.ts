import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { manualClock } from '../../db/clock.ts';
import { appsClient } from './testing.ts';

describe.each(testEngines)('apps on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let c: ReturnType<typeof appsClient>;
  const clock = manualClock(Date.UTC(2026, 6, 1));
  beforeAll(async () => {
    t = await startTestPlatform(engine, { clock, env: { PLAZA_DEMO: 'true' } });
    c = appsClient(t);
  });
  afterAll(async () => t?.stop());

  it('creates an app and shows its secret once, storing only a hash', async () => {
    const owner = await c.orgOwner();
    const res = await c.call('POST', `/api/orgs/${owner.orgId}/apps`, {
      token: owner.token,
      headers: { 'idempotency-key': 'create-takeout' },
      body: {
        name: ' Takeout ',
        category: 'food_delivery',
        icon_url: 'https://cdn.example.com/icon.png',
        description: 'Noodles, fast',
        request_domains: ['https://API.example.com/', 'https://api.example.com'],
        webhook_url: 'https://hooks.example.com/plaza',
        privacy: [{ scope: 'location', reason: 'To find the nearest kitchen' }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const { app, secret, webhook_secret } = res.json;
    expect(app.appid).toMatch(/^tt[0-9a-f]{16}$/);
    expect(app).toMatchObject({
      org_id: owner.orgId,
      name: 'Takeout',
      request_domains: ['https://api.example.com'],
      status: 'active',
      privacy: [{ scope: 'location', reason: 'To find the nearest kitchen' }],
    });
    expect(secret).toMatch(/^pzas_[A-Za-z0-9_-]{43}$/);
    expect(webhook_secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);

    const read = await c.call('GET', `/api/apps/${app.appid}`, { token: owner.token });
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.json)).not.toContain(secret);
    const listed = await c.call('GET', `/api/orgs/${owner.orgId}/apps`, { token: owner.token });
    expect(listed.json.apps.map((a: { appid: string }) => a.appid)).toEqual([app.appid]);
    expect(JSON.stringify(listed.json)).not.toContain(secret);

    const stored = await t.db.selectFrom('app_secret').selectAll().execute();
    const mine = stored.filter((s) => s.secret_hash === createHash('sha256').update(secret).digest('hex'));
    expect(mine).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(secret);
    // A response carrying a secret is never kept for Idempotency-Key replays.
    const replays = await t.db.selectFrom('idempotency_key').selectAll().execute();
    expect(JSON.stringify(replays)).not.toContain(secret);

    const audit = await c.call('GET', `/api/apps/${app.appid}/audit`, { token: owner.token });
    expect(audit.json.entries).toHaveLength(1);
    expect(audit.json.entries[0]).toMatchObject({
      action: 'app.created',
      actor: { kind: 'account', id: owner.account.id },
      created_at: clock.now(),
    });
    expect(JSON.stringify(audit.json)).not.toContain(secret);
    expect(JSON.stringify(audit.json)).not.toContain(webhook_secret);
  });

  it('refuses bad profiles with a coded 400 and creates nothing', async () => {
    const owner = await c.orgOwner();
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ request_domains: ['http://api.example.com'] }, 'APP_INVALID_REQUEST_DOMAIN'],
      [{ request_domains: ['https://10.0.0.1'] }, 'APP_INVALID_REQUEST_DOMAIN'],
      [{ request_domains: ['https://localhost'] }, 'APP_INVALID_REQUEST_DOMAIN'],
      [{ request_domains: ['https://api.example.com/v1'] }, 'APP_INVALID_REQUEST_DOMAIN'],
      [{ request_domains: ['https://api.example.com:8443'] }, 'APP_INVALID_REQUEST_DOMAIN'],
      [{ request_domains: ['https://*.example.com'] }, 'APP_INVALID_REQUEST_DOMAIN'],
      [{ webhook_url: 'ftp://hooks.example.com' }, 'APP_INVALID_URL'],
      [{ webhook_url: 'https://user:pw@hooks.example.com' }, 'APP_INVALID_URL'],
      [{ icon_url: 'http://cdn.example.com/i.png' }, 'APP_INVALID_URL'],
      [{ category: 'education', privacy: [{ scope: 'location', reason: 'x' }] }, 'APP_SCOPE_NOT_ALLOWED'],
      [
        {
          privacy: [
            { scope: 'profile', reason: 'a' },
            { scope: 'profile', reason: 'b' },
          ],
        },
        'APP_DUPLICATE_SCOPE',
      ],
      [{ category: 'casino' }, 'HTTP_VALIDATION'],
      [{ privacy: [{ scope: 'contacts', reason: 'x' }] }, 'HTTP_VALIDATION'],
      [{ secret: 'mine' }, 'HTTP_VALIDATION'],
    ];
    for (const [extra, code] of cases) {
      const res = await c.call('POST', `/api/orgs/${owner.orgId}/apps`, {
        token: owner.token,
        body: { name: 'X', category: 'food_delivery', ...extra },
      });
      expect([res.status, res.json.error.code], JSON.stringify(extra)).toEqual([400, code]);
    }
    const listed = await c.call('GET', `/api/orgs/${owner.orgId}/apps`, { token: owner.token });
    expect(listed.json.apps).toEqual([]);
  });

  it('records each change in the audit log with before and after', async () => {
    const owner = await c.orgOwner();
    const { appid } = await c.createApp(owner, { description: 'old' });
    const res = await c.call('PATCH', `/api/apps/${appid}`, {
      token: owner.token,
      body: { description: 'new', webhook_url: 'https://hooks.example.com/x' },
    });
    expect(res.status).toBe(200);
    expect(res.json.app).toMatchObject({
      description: 'new',
      webhook_url: 'https://hooks.example.com/x',
      name: 'Takeout',
    });
    const bad = await c.call('PATCH', `/api/apps/${appid}`, {
      token: owner.token,
      body: { webhook_url: 'file:///etc' },
    });
    expect(bad.json.error.code).toBe('APP_INVALID_URL');
    await c.call('POST', `/api/apps/${appid}/secret/rotate`, {
      token: owner.token,
      body: { grace_seconds: 0 },
    });
    await c.call('POST', `/api/apps/${appid}/webhook-secret/rotate`, { token: owner.token });
    const audit = (await c.call('GET', `/api/apps/${appid}/audit`, { token: owner.token })).json.entries;
    expect(audit.map((e: { action: string }) => e.action)).toEqual([
      'webhook_secret.rotated',
      'secret.rotated',
      'app.updated',
      'app.created',
    ]);
    expect(audit[2]).toMatchObject({
      before: { description: 'old', webhookUrl: null },
      after: { description: 'new', webhookUrl: 'https://hooks.example.com/x' },
    });
    const page = await c.call('GET', `/api/apps/${appid}/audit?limit=1&before=${audit[1].id}`, {
      token: owner.token,
    });
    expect(page.json.entries.map((e: { action: string }) => e.action)).toEqual(['app.updated']);
  });

  it('rotates the secret: the old one works during the grace period, then stops', async () => {
    const owner = await c.orgOwner();
    const { appid, secret: first } = await c.createApp(owner);
    const rotated = await c.call('POST', `/api/apps/${appid}/secret/rotate`, {
      token: owner.token,
      body: { grace_seconds: 3600 },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.json.previous_expires_at).toBe(clock.now() + 3600_000);
    const second = rotated.json.secret as string;
    expect(second).not.toBe(first);

    const token = (secret: string) =>
      c.call('POST', '/api/oauth/client_token', { body: { appid, secret, grant_type: 'client_credential' } });
    expect((await token(first)).status).toBe(200);
    expect((await token(second)).status).toBe(200);
    clock.advance(3600_000);
    const late = await token(first);
    expect([late.status, late.json.error.code]).toEqual([401, 'APP_INVALID_CREDENTIALS']);
    expect((await token(second)).status).toBe(200);

    // A rotation with no grace ends the current secret at once.
    const third = (
      await c.call('POST', `/api/apps/${appid}/secret/rotate`, {
        token: owner.token,
        body: { grace_seconds: 0 },
      })
    ).json.secret as string;
    expect((await token(second)).status).toBe(401);
    expect((await token(third)).status).toBe(200);
    const tooLong = await c.call('POST', `/api/apps/${appid}/secret/rotate`, {
      token: owner.token,
      body: { grace_seconds: 8 * 24 * 3600 },
    });
    expect(tooLong.json.error.code).toBe('HTTP_VALIDATION');
    expect((await token(third)).status).toBe(200);
  });

  it('changes credentials only with the admin role; developers edit, viewers read', async () => {
    const owner = await c.orgOwner();
    const { appid } = await c.createApp(owner);
    const dev = await c.developer();
    const viewer = await c.developer();
    await t.identity.addMember(owner.account.id, owner.orgId, dev.account.email, 'developer');
    await t.identity.addMember(owner.account.id, owner.orgId, viewer.account.email, 'viewer');

    expect((await c.call('GET', `/api/apps/${appid}`, { token: viewer.token })).status).toBe(200);
    expect((await c.call('GET', `/api/apps/${appid}/audit`, { token: viewer.token })).status).toBe(200);
    const viewerEdit = await c.call('PATCH', `/api/apps/${appid}`, {
      token: viewer.token,
      body: { name: 'V' },
    });
    expect([viewerEdit.status, viewerEdit.json.error.code]).toEqual([403, 'IDENTITY_ORG_ROLE_TOO_LOW']);
    const viewerCreate = await c.call('POST', `/api/orgs/${owner.orgId}/apps`, {
      token: viewer.token,
      body: { name: 'V', category: 'retail' },
    });
    expect(viewerCreate.status).toBe(403);

    expect(
      (await c.call('PATCH', `/api/apps/${appid}`, { token: dev.token, body: { name: 'D' } })).status,
    ).toBe(200);
    expect((await c.call('GET', `/api/apps/${appid}/webhook-secret`, { token: dev.token })).status).toBe(200);
    const devRotate = await c.call('POST', `/api/apps/${appid}/secret/rotate`, {
      token: dev.token,
      body: { grace_seconds: 0 },
    });
    expect([devRotate.status, devRotate.json.error.code]).toEqual([403, 'IDENTITY_ORG_ROLE_TOO_LOW']);
    expect(
      (await c.call('POST', `/api/apps/${appid}/webhook-secret/rotate`, { token: dev.token })).status,
    ).toBe(403);
  });

  it('issues client tokens that last two hours, side by side, and refuses forged ones', async () => {
    const owner = await c.orgOwner();
    const a = await c.createApp(owner);
    const b = await c.createApp(owner);
    const res = await c.call('POST', '/api/oauth/client_token', {
      body: { appid: a.appid, secret: a.secret, grant_type: 'client_credential' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({
      access_token: expect.stringMatching(/^pzt_/),
      token_type: 'Bearer',
      expires_in: 7200,
    });
    const first = res.json.access_token as string;
    const stored = await t.db.selectFrom('app_client_token').select('token_hash').execute();
    expect(JSON.stringify(stored)).not.toContain(first);

    clock.advance(3600_000);
    const second = await c.clientToken(a.appid, a.secret);
    const info = (token: string) => c.call('GET', '/api/oauth/token_info', { token });
    expect((await info(first)).json).toEqual({ appid: a.appid, expires_in: 3600 });
    expect((await info(second)).json).toEqual({ appid: a.appid, expires_in: 7200 });
    expect((await info(await c.clientToken(b.appid, b.secret))).json.appid).toBe(b.appid);

    clock.advance(3600_000);
    const expired = await info(first);
    expect([expired.status, expired.json.error.code]).toEqual([401, 'HTTP_INVALID_CREDENTIALS']);
    expect((await info(second)).status).toBe(200);
    const forged = await info(`pzt_${'A'.repeat(43)}`);
    expect([forged.status, forged.json.error.code]).toEqual([401, 'HTTP_INVALID_CREDENTIALS']);

    const wrong = [
      { appid: a.appid, secret: b.secret, grant_type: 'client_credential' },
      { appid: 'tt0000000000000000', secret: a.secret, grant_type: 'client_credential' },
      { appid: a.appid, secret: `${a.secret}x`, grant_type: 'client_credential' },
    ];
    for (const body of wrong) {
      const refused = await c.call('POST', '/api/oauth/client_token', { body });
      expect([refused.status, refused.json.error.code]).toEqual([401, 'APP_INVALID_CREDENTIALS']);
    }
    const badGrant = await c.call('POST', '/api/oauth/client_token', {
      body: { appid: a.appid, secret: a.secret, grant_type: 'password' },
    });
    expect(badGrant.json.error.code).toBe('HTTP_VALIDATION');
  });

  it('throttles wrong secrets per appid and address with a 429', async () => {
    const owner = await c.orgOwner();
    const { appid, secret } = await c.createApp(owner);
    const ip = '203.0.113.7';
    const attempt = (s: string, from = ip) =>
      c.call('POST', '/api/oauth/client_token', {
        ip: from,
        body: { appid, secret: s, grant_type: 'client_credential' },
      });
    for (let i = 0; i < 10; i++) expect((await attempt('pzas_wrong')).status).toBe(401);
    const limited = await attempt(secret);
    expect([limited.status, limited.json.error.code]).toEqual([429, 'APP_CREDENTIALS_THROTTLED']);
    expect(limited.json.error.details.retry_after_seconds).toBeGreaterThan(0);
    expect(limited.headers['retry-after']).toBeDefined();
    // Another address is not punished for this one, and the window passes.
    expect((await attempt(secret, '203.0.113.8')).status).toBe(200);
    clock.advance(15 * 60_000);
    expect((await attempt(secret)).status).toBe(200);
  });

  it('refuses other orgs, app tokens, end users and anonymous callers on every console route', async () => {
    const owner = await c.orgOwner();
    const { appid, secret } = await c.createApp(owner);
    const stranger = await c.orgOwner();
    const appToken = await c.clientToken(appid, secret);
    const user = await c.endUser();
    const routes: Array<[string, string, unknown?]> = [
      ['GET', `/api/apps/${appid}`],
      ['PATCH', `/api/apps/${appid}`, { name: 'Mine now' }],
      ['POST', `/api/apps/${appid}/secret/rotate`, { grace_seconds: 0 }],
      ['GET', `/api/apps/${appid}/webhook-secret`],
      ['POST', `/api/apps/${appid}/webhook-secret/rotate`],
      ['GET', `/api/apps/${appid}/audit`],
      ['GET', `/api/orgs/${owner.orgId}/apps`],
      ['POST', `/api/orgs/${owner.orgId}/apps`, { name: 'Mine', category: 'retail' }],
    ];
    for (const [method, url, body] of routes) {
      const opts = body === undefined ? {} : { body };
      const other = await c.call(method, url, { token: stranger.token, ...opts });
      expect([other.status, url], `${method} ${url}`).toEqual([404, url]);
      expect((await c.call(method, url, { token: appToken, ...opts })).status, `${method} ${url}`).toBe(403);
      expect((await c.call(method, url, { token: user.token, ...opts })).status, `${method} ${url}`).toBe(
        403,
      );
      expect((await c.call(method, url, opts)).status, `${method} ${url}`).toBe(401);
    }
    const audit = (await c.call('GET', `/api/apps/${appid}/audit`, { token: owner.token })).json.entries;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['app.created']);
    expect((await c.call('GET', '/api/oauth/token_info', { token: owner.token })).status).toBe(403);
    expect((await c.call('GET', '/api/oauth/token_info', { token: user.token })).status).toBe(403);
    expect((await c.call('GET', '/api/oauth/token_info')).status).toBe(401);
  });

  it('lets operators take an app down, which stops its tokens, and bring it back', async () => {
    const operator = await c.operator();
    const owner = await c.orgOwner();
    const { appid, secret } = await c.createApp(owner);
    const token = await c.clientToken(appid, secret);
    const byOwner = await c.call('POST', `/api/apps/${appid}/takedown`, {
      token: owner.token,
      body: { reason: 'x' },
    });
    expect(byOwner.status).toBe(403);
    const down = await c.call('POST', `/api/apps/${appid}/takedown`, {
      token: operator.token,
      body: { reason: 'Sells counterfeit goods' },
    });
    expect(down.json.app).toMatchObject({ status: 'taken_down', takedown_reason: 'Sells counterfeit goods' });
    expect((await c.call('GET', `/api/apps/${appid}`, { token: operator.token })).status).toBe(200);
    expect((await c.call('GET', '/api/oauth/token_info', { token })).status).toBe(401);
    const refused = await c.call('POST', '/api/oauth/client_token', {
      body: { appid, secret, grant_type: 'client_credential' },
    });
    expect([refused.status, refused.json.error.code]).toEqual([403, 'APP_TAKEN_DOWN']);
    const again = await c.call('POST', `/api/apps/${appid}/takedown`, {
      token: operator.token,
      body: { reason: 'x' },
    });
    expect(again.json.error.code).toBe('APP_ALREADY_IN_STATUS');
    expect(
      (await c.call('POST', `/api/apps/${appid}/reinstate`, { token: operator.token })).json.app.status,
    ).toBe('active');
    expect((await c.call('GET', '/api/oauth/token_info', { token })).status).toBe(200);
    const audit = (await c.call('GET', `/api/apps/${appid}/audit`, { token: owner.token })).json.entries;
    expect(audit[1]).toMatchObject({
      action: 'app.taken_down',
      actor: { kind: 'operator', id: operator.accountId },
    });
  });

  it('serves the industry catalogue', async () => {
    const res = await c.call('GET', '/api/app-categories');
    expect(res.json.categories.find((x: { id: string }) => x.id === 'food_delivery')).toMatchObject({
      commission_bps: 250,
    });
  });
});
