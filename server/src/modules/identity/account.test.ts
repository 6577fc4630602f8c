import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { loadConfig } from '../../config.ts';
import { manualClock } from '../../db/clock.ts';
import { createPlatform } from '../../platform.ts';
import { loginPolicy, setupTokenLifetimeMs } from './account.service.ts';
import { sessionLifetimeMs } from './session.service.ts';
import { goodPassword, identityClient, uniqueEmail } from './testing.ts';

type TestPlatform = Awaited<ReturnType<typeof startTestPlatform>>;

function setupToken(platform: TestPlatform): string {
  const url = platform.operatorSetup?.url;
  if (!url) throw new Error('no setup link');
  return new URL(url).searchParams.get('token') as string;
}

describe.each(testEngines)('operator bootstrap on %s', (engine) => {
  let t: TestPlatform;
  const clock = manualClock(Date.UTC(2026, 5, 1));
  beforeAll(async () => {
    t = await startTestPlatform(engine, { clock });
  });
  afterAll(async () => t?.stop());

  it('creates the first operator once with the printed link, and never again', async () => {
    const c = identityClient(t);
    expect(t.operatorSetup?.url).toMatch(/^http:\/\/127\.0\.0\.1:0\/setup\?token=pzsetup_/);
    expect(t.operatorSetup?.expiresAt).toBe(clock.now() + setupTokenLifetimeMs);
    const token = setupToken(t);
    const body = { token, email: 'Root@Example.com', name: 'Root', password: goodPassword };

    const forged = await c.call('POST', '/api/setup/operator', {
      body: { ...body, token: 'pzsetup_forged' },
    });
    expect(forged.status).toBe(403);
    expect(forged.json.error.code).toBe('IDENTITY_SETUP_TOKEN_INVALID');

    const created = await c.call('POST', '/api/setup/operator', { body });
    expect(created.status).toBe(201);
    expect(created.json.account).toMatchObject({ email: 'root@example.com', name: 'Root', operator: true });

    const again = await c.call('POST', '/api/setup/operator', {
      body: { ...body, email: 'second@example.com' },
    });
    expect(again.status).toBe(403);
    expect(again.json.error.code).toBe('IDENTITY_SETUP_TOKEN_INVALID');

    const signIn = await c.call('POST', '/api/sessions', {
      body: { email: 'root@example.com', password: goodPassword },
    });
    expect(signIn.status).toBe(200);
    expect(signIn.json.account.operator).toBe(true);

    // A restart on the same database finds the operator and prints no link.
    const restarted = await createPlatform({
      config: loadConfig({ PLAZA_LOG_LEVEL: 'silent', ...t.env }),
      clock,
    });
    expect(restarted.operatorSetup).toBeUndefined();
    await restarted.close();
  });
});

describe.each(testEngines)('operator setup tokens on %s', (engine) => {
  it('refuses an expired token and a token replaced by a newer start', async () => {
    const clock = manualClock(Date.UTC(2026, 5, 1));
    const t = await startTestPlatform(engine, { clock });
    try {
      const first = setupToken(t);
      const restarted = await createPlatform({
        config: loadConfig({ PLAZA_LOG_LEVEL: 'silent', ...t.env }),
        clock,
      });
      const second = setupToken(restarted as TestPlatform);
      await restarted.close();
      const c = identityClient(t);
      const body = { email: 'op@example.com', name: 'Op', password: goodPassword };
      const replaced = await c.call('POST', '/api/setup/operator', { body: { ...body, token: first } });
      expect(replaced.json.error.code).toBe('IDENTITY_SETUP_TOKEN_INVALID');
      clock.advance(setupTokenLifetimeMs + 1);
      const expired = await c.call('POST', '/api/setup/operator', { body: { ...body, token: second } });
      expect(expired.status).toBe(403);
      expect(expired.json.error.code).toBe('IDENTITY_SETUP_TOKEN_INVALID');
    } finally {
      await t.stop();
    }
  });
});

describe.each(testEngines)('developer accounts on %s', (engine) => {
  let t: TestPlatform;
  const clock = manualClock(Date.UTC(2026, 5, 1));
  let c: ReturnType<typeof identityClient>;
  beforeAll(async () => {
    t = await startTestPlatform(engine, { clock });
    c = identityClient(t);
  });
  afterAll(async () => t?.stop());

  it('signs up, signs in with cookies and a bearer token, and signs out', async () => {
    const email = uniqueEmail();
    const created = await c.call('POST', '/api/accounts', {
      body: { email, name: ' Ada ', password: goodPassword },
    });
    expect(created.status).toBe(201);
    expect(created.json.account).toMatchObject({ email, name: 'Ada', operator: false });
    expect(created.json.account).not.toHaveProperty('password_hash');

    const signIn = await c.call('POST', '/api/sessions', {
      body: { email: email.toUpperCase(), password: goodPassword },
    });
    expect(signIn.status).toBe(200);
    expect(signIn.json.token).toMatch(/^pzs_/);
    const { plaza_session: session, plaza_csrf: csrf } = signIn.cookies;
    expect(session?.value).toBe(signIn.json.token);
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');
    expect(session?.path).toBe('/');
    expect(csrf?.value).toBe(signIn.json.csrf_token);
    expect(csrf?.httpOnly).toBeFalsy();

    const viaBearer = await c.call('GET', '/api/me/account', { token: signIn.json.token });
    expect(viaBearer.json.account.id).toBe(created.json.account.id);
    const viaCookie = await c.call('GET', '/api/me/account', {
      cookies: { plaza_session: signIn.json.token },
    });
    expect(viaCookie.json.account.email).toBe(email);

    const out = await c.call('DELETE', '/api/sessions/current', { token: signIn.json.token });
    expect(out.status).toBe(204);
    expect(out.cookies.plaza_session?.value).toBe('');
    const after = await c.call('GET', '/api/me/account', { token: signIn.json.token });
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe('HTTP_INVALID_CREDENTIALS');
  });

  it('refuses a second account with the same email, in any case', async () => {
    const email = uniqueEmail();
    await c.signUp(email);
    const again = await c.call('POST', '/api/accounts', {
      body: { email: email.toUpperCase(), name: 'X', password: goodPassword },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('IDENTITY_EMAIL_TAKEN');
  });

  it('answers a wrong password and an unknown email alike', async () => {
    const email = uniqueEmail();
    await c.signUp(email);
    const wrong = await c.call('POST', '/api/sessions', { body: { email, password: 'not the password' } });
    const unknown = await c.call('POST', '/api/sessions', {
      body: { email: uniqueEmail(), password: goodPassword },
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.json).toEqual(unknown.json);
    expect(wrong.json.error.code).toBe('IDENTITY_INVALID_LOGIN');
    expect(wrong.cookies.plaza_session).toBeUndefined();
  });

  it('locks an email after repeated failures, from any address, until the window passes', async () => {
    const email = uniqueEmail();
    await c.signUp(email);
    for (let i = 0; i < loginPolicy.maxFailures; i++) {
      const res = await c.call('POST', '/api/sessions', { body: { email, password: `wrong-${i}` } });
      expect(res.status).toBe(401);
    }
    const locked = await c.call('POST', '/api/sessions', { body: { email, password: goodPassword } });
    expect(locked.status).toBe(429);
    expect(locked.json.error.code).toBe('IDENTITY_LOGIN_LOCKED');
    expect(locked.json.error.details.retry_after_seconds).toBe(loginPolicy.lockMs / 1000);
    clock.advance(loginPolicy.lockMs + 1);
    const later = await c.call('POST', '/api/sessions', { body: { email, password: goodPassword } });
    expect(later.status).toBe(200);
  });

  it('limits sign-in attempts per IP address', async () => {
    const ip = '192.0.2.77';
    let last = 0;
    let limited: { json: { error: { code: string } }; headers: Record<string, unknown> } | undefined;
    for (let i = 0; i < 25 && !limited; i++) {
      // An invalid body is cheap, and still counts: the limit runs before validation.
      const res = await c.call('POST', '/api/sessions', { ip, body: { email: 'x' } });
      last = res.status;
      if (res.status === 429) limited = res;
    }
    expect(last).toBe(429);
    expect(limited?.json.error.code).toBe('HTTP_RATE_LIMITED');
    expect(limited?.headers['retry-after']).toBeDefined();
    const elsewhere = await c.call('POST', '/api/sessions', { body: { email: 'x' } });
    expect(elsewhere.status).toBe(400);
  });

  it('needs the CSRF header on cookie mutations, not on bearer ones', async () => {
    const dev = await c.developer();
    const body = { name: 'Acme' };
    const none = await c.call('POST', '/api/orgs', { cookies: dev.cookies, body });
    expect(none.status).toBe(403);
    expect(none.json.error.code).toBe('HTTP_CSRF');
    const wrong = await c.call('POST', '/api/orgs', { cookies: dev.cookies, csrf: 'guess', body });
    expect(wrong.json.error.code).toBe('HTTP_CSRF');
    const signOutNoCsrf = await c.call('DELETE', '/api/sessions/current', { cookies: dev.cookies });
    expect(signOutNoCsrf.json.error.code).toBe('HTTP_CSRF');
    expect((await c.call('GET', '/api/orgs', { cookies: dev.cookies })).json.orgs).toEqual([]);

    const right = await c.call('POST', '/api/orgs', { cookies: dev.cookies, csrf: dev.csrf, body });
    expect(right.status).toBe(201);
    const bearer = await c.call('POST', '/api/orgs', { token: dev.token, body });
    expect(bearer.status).toBe(201);
  });

  it('refuses forged, expired and malformed credentials with 401', async () => {
    const dev = await c.developer();
    for (const token of ['pzs_forged', `pzs_${'A'.repeat(43)}`, 'pzu_forged']) {
      const res = await c.call('GET', '/api/me/account', { token });
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('HTTP_INVALID_CREDENTIALS');
    }
    const forgedCookie = await c.call('GET', '/api/me/account', { cookies: { plaza_session: 'pzs_forged' } });
    expect(forgedCookie.status).toBe(401);
    const malformed = await c.call('GET', '/api/me/account', { headers: { authorization: 'Basic abc' } });
    expect(malformed.status).toBe(401);
    const none = await c.call('GET', '/api/me/account');
    expect(none.json.error.code).toBe('HTTP_UNAUTHENTICATED');

    clock.advance(sessionLifetimeMs.account + 1);
    const expired = await c.call('GET', '/api/me/account', { token: dev.token });
    expect(expired.status).toBe(401);
    expect(expired.json.error.code).toBe('HTTP_INVALID_CREDENTIALS');
    // A stale cookie does not stand in the way of signing in again.
    const fresh = await c.call('POST', '/api/sessions', {
      cookies: dev.cookies,
      body: { email: dev.account.email, password: goodPassword },
    });
    expect(fresh.status).toBe(200);
  });

  it('documents its operations in OpenAPI with who may call them', async () => {
    const doc = (await t.app.inject('/openapi.json')).json();
    expect(doc.paths['/api/sessions'].post.description).toContain('anyone');
    expect(doc.paths['/api/me/account'].get.description).toContain('developer');
    expect(doc.paths['/api/orgs/{orgId}/members'].post).toBeDefined();
    expect(doc.paths['/api/users/otp'].post.requestBody).toBeDefined();
  });

  it('picks the session cookie the route is for when a browser holds both', async () => {
    const dev = await c.developer();
    const cookies = { ...dev.cookies, plaza_user_session: 'pzu_stale' };
    const asDeveloper = await c.call('GET', '/api/me/account', { cookies });
    expect(asDeveloper.json.account.id).toBe(dev.account.id);
    const asUser = await c.call('GET', '/api/me', { cookies });
    expect(asUser.status).toBe(401);
    expect(asUser.json.error.code).toBe('HTTP_INVALID_CREDENTIALS');
  });

  it('purges dead sessions and lapsed lockouts, keeping live ones', async () => {
    const stale = await c.developer();
    const failed = uniqueEmail();
    await c.call('POST', '/api/sessions', { body: { email: failed, password: 'wrong password' } });
    clock.advance(sessionLifetimeMs.account + 25 * 3600_000);
    const live = await c.developer();
    expect(await t.identity.purgeExpired()).toBeGreaterThanOrEqual(2);
    const left = await t.db.selectFrom('auth_session').select('subject_id').execute();
    expect(left.map((r) => r.subject_id)).toContain(live.account.id);
    expect(left.map((r) => r.subject_id)).not.toContain(stale.account.id);
    expect(await t.db.selectFrom('login_throttle').selectAll().where('email', '=', failed).execute()).toEqual(
      [],
    );
    expect((await c.call('GET', '/api/me/account', { token: live.token })).status).toBe(200);
  });

  it('keeps an end-user token out of developer routes', async () => {
    const res = await c.call('GET', '/api/me', { token: (await c.developer()).token });
    expect(res.status).toBe(403);
    expect(res.json.error.code).toBe('HTTP_FORBIDDEN');
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const email = uniqueEmail();
    const cases: unknown[] = [
      { email, name: 'A', password: goodPassword, operator: true },
      { email, name: 42, password: goodPassword },
      { email, name: 'A'.repeat(101), password: goodPassword },
      { email, name: 'A', password: 'x'.repeat(201) },
      { email, name: 'A', password: 'short' },
      { email: 'not-an-email', name: 'A', password: goodPassword },
      { email: `${'a'.repeat(300)}@example.com`, name: 'A', password: goodPassword },
      { email, name: '   ', password: goodPassword },
      [],
    ];
    for (const body of cases) {
      const res = await c.call('POST', '/api/accounts', { body });
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json.error.code).toBe('HTTP_VALIDATION');
    }
    const signIn = await c.call('POST', '/api/sessions', { body: { email, password: goodPassword } });
    expect(signIn.json.error.code).toBe('IDENTITY_INVALID_LOGIN');
    expect(await t.identity.findAccountByEmail(email)).toBeUndefined();
  });
});

describe('per-IP limits behind a reverse proxy', () => {
  /** Sign-in attempts from the proxy's address until the limit answers; the last status. */
  async function exhaust(c: ReturnType<typeof identityClient>, forwardedFor: string) {
    let last = 0;
    for (let i = 0; i < 25 && last !== 429; i++)
      last = (
        await c.call('POST', '/api/sessions', {
          ip: '127.0.0.1',
          headers: { 'x-forwarded-for': forwardedFor },
          body: { email: 'x' },
        })
      ).status;
    return last;
  }

  it('count each client named by a trusted proxy apart, and ignore the header from anyone else', async () => {
    const trusting = await startTestPlatform('sqlite', { env: { PLAZA_TRUST_PROXY: 'loopback' } });
    const plain = await startTestPlatform('sqlite');
    try {
      const behindProxy = identityClient(trusting);
      expect(await exhaust(behindProxy, '198.51.100.1')).toBe(429);
      // Another client behind the same proxy still gets through.
      expect(await exhaust(behindProxy, '198.51.100.2')).toBe(429);
      const other = await behindProxy.call('POST', '/api/sessions', {
        ip: '127.0.0.1',
        headers: { 'x-forwarded-for': '198.51.100.3' },
        body: { email: 'x' },
      });
      expect(other.status).toBe(400);

      // Without a trusted proxy the header is the caller's word: all of it is one address.
      const direct = identityClient(plain);
      expect(await exhaust(direct, '198.51.100.1')).toBe(429);
      const spoofed = await direct.call('POST', '/api/sessions', {
        ip: '127.0.0.1',
        headers: { 'x-forwarded-for': '198.51.100.9' },
        body: { email: 'x' },
      });
      expect(spoofed.status).toBe(429);
    } finally {
      await trusting.stop();
      await plain.stop();
    }
  });
});
