import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { manualClock } from '../../db/clock.ts';
import { appsClient } from '../apps/testing.ts';
import { identityClient } from '../identity/testing.ts';
import { deletionConfirmation } from './data-rights.routes.ts';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** The merchants' servers on loopback: every callback they get, answered 200. */
async function startReceiver() {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function verified(r: Received, secret: string) {
  return new Webhook(secret).verify(r.body, {
    'webhook-id': String(r.headers['webhook-id']),
    'webhook-timestamp': String(r.headers['webhook-timestamp']),
    'webhook-signature': String(r.headers['webhook-signature']),
  }) as { type: string; data: { openid: string; unionid: string; deleted_at: string } };
}

describe.each(testEngines)('data rights on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let c: ReturnType<typeof appsClient>;
  let people: ReturnType<typeof identityClient>;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  // Real time: receivers check webhook timestamps against their own clock.
  const clock = manualClock(Date.now());

  beforeAll(async () => {
    t = await startTestPlatform(engine, { clock, env: { PLAZA_DEMO: 'true' } });
    c = appsClient(t);
    people = identityClient(t);
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await t?.stop();
    await receiver?.close();
  });

  async function app(privacy: unknown[]) {
    const owner = await c.orgOwner();
    const created = await c.createApp(owner, { privacy, webhook_url: receiver.url });
    const id = (await t.apps.findByAppid(created.appid))?.id as string;
    return { ...created, id, token: await c.clientToken(created.appid, created.secret) };
  }

  /** One-tap login over HTTP: the super app's code, exchanged by the merchant's server. */
  async function logIn(userToken: string, a: { appid: string; secret: string }): Promise<string> {
    const code = await c.call('POST', `/api/runtime/apps/${a.appid}/login`, { token: userToken });
    const session = await c.call('POST', '/api/apps/jscode2session', {
      body: { appid: a.appid, secret: a.secret, code: code.json.code },
    });
    expect(session.status, JSON.stringify(session.json)).toBe(200);
    return session.json.openid as string;
  }

  /** A user who logged in to A, shared the phone with A and the location with B. */
  async function activeUser() {
    const a = await app([{ scope: 'phone_number', reason: 'To call you about your order' }]);
    const b = await app([{ scope: 'location', reason: 'To find the nearest store' }]);
    const user = await people.endUser();
    const openidA = await logIn(user.token, a);
    for (const [x, scope] of [
      [a, 'phone_number'],
      [b, 'location'],
    ] as const) {
      const res = await c.call('POST', `/api/runtime/apps/${x.appid}/consent`, {
        token: user.token,
        body: { scope, granted: true },
      });
      expect(res.status).toBe(200);
    }
    const phoneCode = (await c.call('POST', `/api/runtime/apps/${a.appid}/phone-code`, { token: user.token }))
      .json.code as string;
    return { a, b, user, openidA, phoneCode };
  }

  it('exports what every module holds about the user, and no secrets', async () => {
    const { a, b, user, openidA } = await activeUser();
    const res = await c.call('GET', '/api/me/export', { token: user.token });
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('attachment');
    expect(res.headers['cache-control']).toBe('no-store');
    const { sections } = res.json;
    expect(res.json).toMatchObject({ format: 1, user_id: user.user.id });
    expect(sections.identity.account).toMatchObject({ id: user.user.id, phone: user.user.phone });
    expect(sections.identity.sessions).toHaveLength(1);
    expect(sections.identity.sessions[0]).toEqual({
      id: expect.any(String),
      created_at: expect.any(Number),
      expires_at: expect.any(Number),
      revoked_at: null,
    });
    expect(sections.identity.sign_in_codes).toHaveLength(1);
    expect(sections.login.apps).toEqual([
      { appid: a.appid, openid: openidA, unionid: expect.any(String), first_seen_at: expect.any(Number) },
    ]);
    expect(sections.login.login_codes).toEqual([
      { appid: a.appid, issued_at: expect.any(Number), used_at: expect.any(Number) },
    ]);
    expect(sections.consent.decisions).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ app_id: a.id, scope: 'phone_number', decision: 'granted' }),
        expect.objectContaining({ app_id: b.id, scope: 'location', decision: 'granted' }),
      ]),
    );
    expect(sections.consent.phone_codes).toHaveLength(1);

    // Nothing that could act as the user, or check a guess at a credential, leaves.
    const text = JSON.stringify(res.json);
    expect(text).not.toContain(user.token);
    expect(text).not.toContain(user.csrf);
    expect(text).not.toMatch(/hash|csrf|session_key|password|secret/i);
    const sessionRow = await t.db
      .selectFrom('auth_session')
      .select('token_hash')
      .where('subject_id', '=', user.user.id)
      .executeTakeFirstOrThrow();
    expect(text).not.toContain(sessionRow.token_hash);

    // Other users see only themselves.
    const stranger = await people.endUser();
    const theirs = await c.call('GET', '/api/me/export', { token: stranger.token });
    expect(theirs.json.sections.login.apps).toEqual([]);
    expect(theirs.json.sections.consent.decisions).toEqual([]);
    expect((await c.call('GET', '/api/me/export')).status).toBe(401);
  });

  it('refuses deletion without the confirmation and changes nothing', async () => {
    const { user } = await activeUser();
    const cases: Array<[unknown, string]> = [
      [undefined, 'HTTP_MALFORMED_JSON'],
      [{}, 'HTTP_VALIDATION'],
      [{ confirmation: true }, 'HTTP_VALIDATION'],
      [{ confirmation: deletionConfirmation, also: 'this' }, 'HTTP_VALIDATION'],
      [{ confirmation: 'yes' }, 'DATA_RIGHTS_CONFIRMATION_MISMATCH'],
    ];
    for (const [body, code] of cases) {
      const res = await c.call('DELETE', '/api/me', {
        token: user.token,
        ...(body === undefined ? { headers: { 'content-type': 'application/json' } } : { body }),
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe(code);
    }
    const still = await c.call('GET', '/api/me/export', { token: user.token });
    expect(still.status).toBe(200);
    expect(still.json.sections.identity.account.phone).toBe(user.user.phone);
    expect(still.json.sections.consent.decisions).toHaveLength(2);
    expect(
      await t.db
        .selectFrom('webhook_delivery')
        .selectAll()
        .where('event_type', '=', 'user.deleted')
        .execute(),
    ).toEqual([]);
  });

  it('erases the account, revokes sessions and tells each app, signed, with its openid', async () => {
    const { a, b, user, openidA, phoneCode } = await activeUser();
    const openidB = await t.login.openidFor(b.id, user.user.id);

    const res = await c.call('DELETE', '/api/me', {
      token: user.token,
      body: { confirmation: deletionConfirmation },
    });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ deleted: true, erased_at: clock.now(), apps_notified: 2 });

    // The old session is dead; what the apps' servers could still ask for fails.
    expect((await c.call('GET', '/api/me/export', { token: user.token })).status).toBe(401);
    expect((await c.call('GET', '/api/me/authorizations', { token: user.token })).status).toBe(401);
    const exchange = await c.call('POST', '/api/apps/phone_number', {
      token: a.token,
      body: { code: phoneCode },
    });
    expect(exchange.json.error.code).toBe('CONSENT_PHONE_CODE_INVALID');
    await expect(t.login.resolveOpenid(a.id, openidA)).rejects.toMatchObject({
      code: 'LOGIN_UNKNOWN_OPENID',
    });
    expect(await t.identity.getUser(user.user.id)).toBeUndefined();
    expect(await t.consent.isGranted(user.user.id, b.appid, 'location')).toBe(false);

    // Each app's server receives one signed user.deleted with the openid it knew.
    receiver.received.length = 0;
    await t.jobs.workers.runDue();
    const byApp = new Map<string, ReturnType<typeof verified>>();
    for (const r of receiver.received) {
      for (const x of [a, b]) {
        try {
          byApp.set(x.appid, verified(r, x.webhookSecret));
        } catch {
          // Signed for the other app.
        }
      }
    }
    expect(receiver.received).toHaveLength(2);
    expect(byApp.get(a.appid)).toMatchObject({ type: 'user.deleted', data: { openid: openidA } });
    expect(byApp.get(b.appid)).toMatchObject({ type: 'user.deleted', data: { openid: openidB } });
    expect(byApp.get(a.appid)?.data.deleted_at).toBe(new Date(clock.now()).toISOString());

    // Again (a retry, a second device): nothing erased or sent twice.
    const again = await t.dataRights.eraseAccount(user.user.id);
    expect(again).toMatchObject({ erasedNow: false, appsNotified: 2, erasedAt: clock.now() });
    expect(await t.jobs.workers.runDue()).toBe(0);
    expect(receiver.received).toHaveLength(2);

    // The same phone signs in as a new person, whom the app knows by a new openid.
    const reborn = await people.endUser(user.user.phone);
    expect(reborn.user.id).not.toBe(user.user.id);
    const newOpenid = await logIn(reborn.token, a);
    expect(newOpenid).not.toBe(openidA);
    const fresh = await c.call('GET', '/api/me/export', { token: reborn.token });
    expect(fresh.json.sections.consent.decisions).toEqual([]);
    expect(fresh.json.sections.identity.sessions).toHaveLength(1);
  });

  it('erases once when two deletions race', async () => {
    const { a, b, user } = await activeUser();
    const results = await Promise.all([
      t.dataRights.eraseAccount(user.user.id),
      t.dataRights.eraseAccount(user.user.id),
    ]);
    expect(results.filter((r) => r.erasedNow)).toHaveLength(1);
    const sent = await t.db
      .selectFrom('webhook_delivery')
      .select('app_id')
      .where('event_type', '=', 'user.deleted')
      .where('app_id', 'in', [a.id, b.id])
      .execute();
    expect(sent.map((r) => r.app_id).sort()).toEqual([a.id, b.id].sort());
    // The loser's look-up of the ids to notify must not record the erased user in an app again.
    const appUsers = await t.db
      .selectFrom('app_user')
      .select('app_id')
      .where('user_id', '=', user.user.id)
      .execute();
    expect(appUsers).toEqual([]);
  });
});
