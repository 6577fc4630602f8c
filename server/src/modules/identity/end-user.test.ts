import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { manualClock } from '../../db/clock.ts';
import { otpPolicy } from './end-user.service.ts';
import { identityClient, uniquePhone } from './testing.ts';

describe.each(testEngines)('end-user phone sign-in on %s (demo mode)', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let c: ReturnType<typeof identityClient>;
  const clock = manualClock(Date.UTC(2026, 5, 1));
  beforeAll(async () => {
    t = await startTestPlatform(engine, { clock, env: { PLAZA_DEMO: 'true' } });
    c = identityClient(t);
  });
  afterAll(async () => t?.stop());

  async function sendCode(phone: string): Promise<string> {
    const sent = await c.call('POST', '/api/users/otp', { body: { phone } });
    expect(sent.status).toBe(202);
    const inbox = await c.call('GET', `/api/dev/inbox?phone=${encodeURIComponent(phone)}`);
    expect(inbox.status).toBe(200);
    return inbox.json.messages[0].code;
  }

  const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

  it('signs in with a code, creates the user once, and signs out', async () => {
    const phone = uniquePhone();
    const sent = await c.call('POST', '/api/users/otp', {
      body: { phone: `${phone.slice(0, 3)} ${phone.slice(3, 6)}-${phone.slice(6)}` },
    });
    expect(sent.json).toEqual({
      phone,
      expires_at: clock.now() + otpPolicy.lifetimeMs,
      resend_after: clock.now() + otpPolicy.resendAfterMs,
    });
    const inbox = (await c.call('GET', `/api/dev/inbox?phone=${encodeURIComponent(phone)}`)).json.messages;
    expect(inbox).toHaveLength(1);
    expect(inbox[0].code).toMatch(/^\d{6}$/);

    const signIn = await c.call('POST', '/api/users/sessions', { body: { phone, code: inbox[0].code } });
    expect(signIn.status).toBe(200);
    expect(signIn.json.token).toMatch(/^pzu_/);
    expect(signIn.json.user).toMatchObject({ phone });
    expect(signIn.cookies.plaza_user_session?.httpOnly).toBe(true);
    expect(signIn.cookies.plaza_user_csrf?.value).toBe(signIn.json.csrf_token);

    const me = await c.call('GET', '/api/me', { token: signIn.json.token });
    expect(me.json.user).toEqual(signIn.json.user);
    const meCookie = await c.call('GET', '/api/me', { cookies: { plaza_user_session: signIn.json.token } });
    expect(meCookie.json.user.id).toBe(signIn.json.user.id);
    expect((await t.identity.getUser(signIn.json.user.id))?.phone).toBe(phone);

    clock.advance(otpPolicy.resendAfterMs);
    const second = await c.call('POST', '/api/users/sessions', {
      body: { phone, code: await sendCode(phone) },
    });
    expect(second.json.user.id).toBe(signIn.json.user.id);

    const noCsrf = await c.call('DELETE', '/api/users/sessions/current', {
      cookies: { plaza_user_session: signIn.json.token },
    });
    expect(noCsrf.json.error.code).toBe('HTTP_CSRF');
    const out = await c.call('DELETE', '/api/users/sessions/current', {
      cookies: { plaza_user_session: signIn.json.token },
      csrf: signIn.json.csrf_token,
    });
    expect(out.status).toBe(204);
    expect((await c.call('GET', '/api/me', { token: signIn.json.token })).status).toBe(401);
    expect((await c.call('GET', '/api/me', { token: second.json.token })).status).toBe(200);
    expect((await c.call('GET', '/api/me/account', { token: second.json.token })).status).toBe(403);
  });

  it('signs users in through the test client helper', async () => {
    const a = await c.endUser();
    const b = await c.endUser();
    expect(a.user.id).not.toBe(b.user.id);
    expect((await c.call('GET', '/api/me', { cookies: a.cookies })).json.user.id).toBe(a.user.id);
  });

  it('refuses a wrong code, then a used code', async () => {
    const phone = uniquePhone();
    const code = await sendCode(phone);
    const wrong = await c.call('POST', '/api/users/sessions', { body: { phone, code: wrongCode(code) } });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toMatchObject({ code: 'IDENTITY_OTP_INVALID', details: { attempts_left: 4 } });
    expect(wrong.cookies.plaza_user_session).toBeUndefined();
    expect((await c.call('POST', '/api/users/sessions', { body: { phone, code } })).status).toBe(200);
    const reused = await c.call('POST', '/api/users/sessions', { body: { phone, code } });
    expect(reused.status).toBe(401);
    expect(reused.json.error.code).toBe('IDENTITY_OTP_INVALID');
  });

  it('refuses an expired code', async () => {
    const phone = uniquePhone();
    const code = await sendCode(phone);
    clock.advance(otpPolicy.lifetimeMs);
    const res = await c.call('POST', '/api/users/sessions', { body: { phone, code } });
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('IDENTITY_OTP_EXPIRED');
  });

  it('kills a code after five wrong tries, even for the right code', async () => {
    const phone = uniquePhone();
    const code = await sendCode(phone);
    for (let i = 0; i < otpPolicy.maxAttempts; i++) {
      const res = await c.call('POST', '/api/users/sessions', { body: { phone, code: wrongCode(code) } });
      expect(res.json.error.code).toBe('IDENTITY_OTP_INVALID');
    }
    const right = await c.call('POST', '/api/users/sessions', { body: { phone, code } });
    expect(right.status).toBe(429);
    expect(right.json.error.code).toBe('IDENTITY_OTP_TOO_MANY_ATTEMPTS');
  });

  it('only the newest code works', async () => {
    const phone = uniquePhone();
    const first = await sendCode(phone);
    clock.advance(otpPolicy.resendAfterMs);
    const second = await sendCode(phone);
    if (first !== second) {
      const old = await c.call('POST', '/api/users/sessions', { body: { phone, code: first } });
      expect(old.json.error.code).toBe('IDENTITY_OTP_INVALID');
    }
    expect((await c.call('POST', '/api/users/sessions', { body: { phone, code: second } })).status).toBe(200);
  });

  it('limits codes per phone: one a minute, five an hour', async () => {
    const phone = uniquePhone();
    await sendCode(phone);
    const soon = await c.call('POST', '/api/users/otp', { body: { phone } });
    expect(soon.status).toBe(429);
    expect(soon.json.error.code).toBe('IDENTITY_OTP_TOO_SOON');
    expect(soon.json.error.details.retry_after_seconds).toBe(otpPolicy.resendAfterMs / 1000);
    for (let i = 1; i < otpPolicy.maxPerWindow; i++) {
      clock.advance(otpPolicy.resendAfterMs);
      await sendCode(phone);
    }
    clock.advance(otpPolicy.resendAfterMs);
    const limit = await c.call('POST', '/api/users/otp', { body: { phone } });
    expect(limit.json.error.code).toBe('IDENTITY_OTP_LIMIT');
    clock.advance(otpPolicy.windowMs);
    expect((await c.call('POST', '/api/users/otp', { body: { phone } })).status).toBe(202);
  });

  it('limits code requests per IP address', async () => {
    const ip = '198.51.100.9';
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await c.call('POST', '/api/users/otp', { ip, body: { phone: uniquePhone() } })).status);
    }
    expect(statuses.slice(0, 10).every((s) => s === 202)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
  });

  it('refuses bad phone and code input with 400 and sends nothing', async () => {
    const phone = uniquePhone();
    const bodies: unknown[] = [
      { phone: '13800138000' },
      { phone: '+0123456789' },
      { phone: '+12' },
      { phone: `+${'1'.repeat(40)}` },
      { phone: 8613800138000 },
      { phone, extra: true },
    ];
    for (const body of bodies) {
      expect((await c.call('POST', '/api/users/otp', { body })).status, JSON.stringify(body)).toBe(400);
    }
    for (const code of ['12345', '1234567', 'abcdef', 123456]) {
      const res = await c.call('POST', '/api/users/sessions', { body: { phone, code } });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('HTTP_VALIDATION');
    }
    expect((await c.call('GET', `/api/dev/inbox?phone=${encodeURIComponent(phone)}`)).json.messages).toEqual(
      [],
    );
  });
});

describe.each(testEngines)('the dev inbox outside demo mode on %s', (engine) => {
  it('does not exist', async () => {
    const t = await startTestPlatform(engine);
    try {
      const c = identityClient(t);
      const phone = uniquePhone();
      expect((await c.call('POST', '/api/users/otp', { body: { phone } })).status).toBe(202);
      const res = await c.call('GET', `/api/dev/inbox?phone=${encodeURIComponent(phone)}`);
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe('HTTP_NOT_FOUND');
    } finally {
      await t.stop();
    }
  });
});
