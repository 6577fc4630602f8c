import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { manualClock } from '../../db/clock.ts';
import { appsClient } from '../apps/testing.ts';
import { phoneCodeLifetimeMs } from './consent.service.ts';
import { splitPhoneNumber } from './phone-number.ts';

const allScopes = [
  { scope: 'profile', reason: 'To greet you by name' },
  { scope: 'phone_number', reason: 'To call you when the rider arrives' },
  { scope: 'location', reason: 'To find the nearest kitchen' },
];

describe('splitPhoneNumber', () => {
  it('splits the country calling code from the national number', () => {
    expect(splitPhoneNumber('+8613800138000')).toEqual({
      phoneNumber: '+8613800138000',
      purePhoneNumber: '13800138000',
      countryCode: '86',
    });
    expect(splitPhoneNumber('+442071838750')).toMatchObject({
      countryCode: '44',
      purePhoneNumber: '2071838750',
    });
  });
});

describe.each(testEngines)('consent on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let c: ReturnType<typeof appsClient>;
  const clock = manualClock(Date.now());

  beforeAll(async () => {
    t = await startTestPlatform(engine, { clock, env: { PLAZA_DEMO: 'true' } });
    c = appsClient(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** An app declaring the given scopes, with a client token for its server. */
  async function app(privacy: unknown[] = allScopes) {
    const owner = await c.orgOwner();
    const created = await c.createApp(owner, { name: 'Noodles', privacy });
    return { ...created, token: await c.clientToken(created.appid, created.secret) };
  }

  const decide = (token: string, appid: string, scope: string, granted: boolean) =>
    c.call('POST', `/api/runtime/apps/${appid}/consent`, { token, body: { scope, granted } });
  const phoneCode = async (token: string, appid: string) => {
    const res = await c.call('POST', `/api/runtime/apps/${appid}/phone-code`, { token });
    expect(res.status, JSON.stringify(res.json)).toBe(200);
    return res.json.code as string;
  };
  const exchange = (appToken: string, code: string) =>
    c.call('POST', '/api/apps/phone_number', { token: appToken, body: { code } });

  it('shows the sheet with the declared reason and records grants per app and scope', async () => {
    const a = await app();
    const b = await app();
    const user = await c.endUser();

    const sheet = await c.call('GET', `/api/runtime/apps/${a.appid}/consent/location`, { token: user.token });
    expect(sheet.status).toBe(200);
    expect(sheet.json).toMatchObject({
      app: { appid: a.appid, name: 'Noodles' },
      scope: 'location',
      reason: 'To find the nearest kitchen',
      granted: false,
      decision: null,
    });

    const granted = await decide(user.token, a.appid, 'location', true);
    expect(granted.status).toBe(200);
    expect(granted.json).toMatchObject({ granted: true, decision: 'granted' });

    // Granted in A says nothing about B, nor about A's other scopes.
    const inB = await c.call('GET', `/api/runtime/apps/${b.appid}/consent/location`, { token: user.token });
    expect(inB.json.granted).toBe(false);
    expect(
      (await c.call('POST', `/api/runtime/apps/${b.appid}/location`, { token: user.token })).json.error.code,
    ).toBe('CONSENT_REQUIRED');
    expect(
      (await c.call('POST', `/api/runtime/apps/${a.appid}/profile`, { token: user.token })).json.error.code,
    ).toBe('CONSENT_REQUIRED');

    const location = await c.call('POST', `/api/runtime/apps/${a.appid}/location`, { token: user.token });
    expect(location.status).toBe(200);
    expect(location.json).toEqual({ scope: 'location', granted_at: clock.now() });

    // Another user of the same app has granted nothing.
    const other = await c.endUser();
    expect(
      (await c.call('POST', `/api/runtime/apps/${a.appid}/location`, { token: other.token })).status,
    ).toBe(403);
  });

  it('refuses a scope the app did not declare, in the sheet, the decision and the data routes', async () => {
    const a = await app([{ scope: 'profile', reason: 'To greet you' }]);
    const user = await c.endUser();
    const sheet = await c.call('GET', `/api/runtime/apps/${a.appid}/consent/phone_number`, {
      token: user.token,
    });
    expect(sheet.status).toBe(403);
    expect(sheet.json.error).toMatchObject({
      code: 'CONSENT_SCOPE_NOT_DECLARED',
      details: { appid: a.appid, scope: 'phone_number' },
    });
    const granting = await decide(user.token, a.appid, 'phone_number', true);
    expect(granting.json.error.code).toBe('CONSENT_SCOPE_NOT_DECLARED');
    const code = await c.call('POST', `/api/runtime/apps/${a.appid}/phone-code`, { token: user.token });
    expect(code.json.error.code).toBe('CONSENT_SCOPE_NOT_DECLARED');
    expect(
      (await c.call('POST', `/api/runtime/apps/${a.appid}/location`, { token: user.token })).json.error.code,
    ).toBe('CONSENT_SCOPE_NOT_DECLARED');
    // Nothing was recorded.
    expect((await c.call('GET', '/api/me/authorizations', { token: user.token })).json.items).toEqual([]);
  });

  it('refuses bad input with 4xx and changes nothing', async () => {
    const a = await app();
    const user = await c.endUser();
    const cases: Array<[string, string, unknown]> = [
      ['POST', `/api/runtime/apps/${a.appid}/consent`, { scope: 'location', granted: true, extra: 1 }],
      ['POST', `/api/runtime/apps/${a.appid}/consent`, { scope: 'location', granted: 'yes' }],
      ['POST', `/api/runtime/apps/${a.appid}/consent`, { scope: 'contacts', granted: true }],
      ['POST', `/api/runtime/apps/${a.appid}/consent`, { granted: true }],
      ['POST', '/api/apps/phone_number', { code: 'x', appid: a.appid }],
    ];
    for (const [method, url, body] of cases) {
      const res = await c.call(method, url, {
        token: url.includes('phone_number') ? a.token : user.token,
        body,
      });
      expect(res.status, url).toBe(400);
      expect(res.json.error.code).toBe('HTTP_VALIDATION');
    }
    expect(
      (await c.call('GET', `/api/runtime/apps/${a.appid}/consent/contacts`, { token: user.token })).status,
    ).toBe(400);
    expect(
      (await c.call('GET', `/api/runtime/apps/ttnope/consent/location`, { token: user.token })).status,
    ).toBe(404);
    expect((await c.call('GET', `/api/runtime/apps/${a.appid}/consent/location`)).status).toBe(401);
    expect((await c.call('GET', '/api/me/authorizations', { token: user.token })).json.items).toEqual([]);
  });

  it('answers the profile only with consent, and a denial takes it back', async () => {
    const a = await app();
    const user = await c.endUser();
    const url = `/api/runtime/apps/${a.appid}/profile`;
    expect((await c.call('POST', url, { token: user.token })).status).toBe(403);
    await decide(user.token, a.appid, 'profile', true);
    const profile = await c.call('POST', url, { token: user.token });
    expect(profile.status).toBe(200);
    expect(profile.json).toEqual({ nickName: 'Plaza user', avatarUrl: '' });
    const denied = await decide(user.token, a.appid, 'profile', false);
    expect(denied.json).toMatchObject({ granted: false, decision: 'denied' });
    expect((await c.call('POST', url, { token: user.token })).json.error.code).toBe('CONSENT_REQUIRED');
  });

  it("exchanges a phone code once, for the app it was issued to, with that app's token", async () => {
    const a = await app();
    const b = await app();
    const user = await c.endUser();
    const me = await t.identity.getUser(user.userId);

    // Without consent there is no code at all.
    const refused = await c.call('POST', `/api/runtime/apps/${a.appid}/phone-code`, { token: user.token });
    expect(refused.json.error.code).toBe('CONSENT_REQUIRED');

    await decide(user.token, a.appid, 'phone_number', true);
    await decide(user.token, b.appid, 'phone_number', true);
    const code = await phoneCode(user.token, a.appid);

    // Another app's server, an end user, and no token at all are refused; the code survives.
    expect((await exchange(b.token, code)).json.error.code).toBe('CONSENT_PHONE_CODE_INVALID');
    expect((await exchange(user.token, code)).status).toBe(403);
    expect((await c.call('POST', '/api/apps/phone_number', { body: { code } })).status).toBe(401);

    const ok = await exchange(a.token, code);
    expect(ok.status).toBe(200);
    expect(ok.headers['cache-control']).toBe('no-store');
    expect(ok.json).toEqual({
      phone_number: me?.phone,
      pure_phone_number: me?.phone.slice(3),
      country_code: '86',
    });
    expect((await exchange(a.token, code)).json.error.code).toBe('CONSENT_PHONE_CODE_USED');
    expect((await exchange(a.token, 'not-a-code')).json.error.code).toBe('CONSENT_PHONE_CODE_INVALID');
  });

  it('lets a phone code be used exactly once under concurrency', async () => {
    const a = await app();
    const user = await c.endUser();
    await decide(user.token, a.appid, 'phone_number', true);
    const code = await phoneCode(user.token, a.appid);
    const results = await Promise.all(Array.from({ length: 5 }, () => exchange(a.token, code)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.json.error?.code === 'CONSENT_PHONE_CODE_USED')).toHaveLength(4);
  });

  it('expires phone codes after five minutes', async () => {
    const a = await app();
    const user = await c.endUser();
    await decide(user.token, a.appid, 'phone_number', true);
    const code = await phoneCode(user.token, a.appid);
    clock.advance(phoneCodeLifetimeMs + 1);
    // The client token outlives the code; ask a fresh one anyway, the clock moved.
    const token = await c.clientToken(a.appid, a.secret);
    expect((await exchange(token, code)).json.error.code).toBe('CONSENT_PHONE_CODE_EXPIRED');
  });

  it('lists authorizations and revokes them: scopes gone, unused phone codes dead, asked again', async () => {
    const a = await app();
    const b = await app();
    const user = await c.endUser();
    await decide(user.token, a.appid, 'phone_number', true);
    await decide(user.token, a.appid, 'profile', true);
    await decide(user.token, b.appid, 'location', true);
    await decide(user.token, b.appid, 'profile', false);
    const pending = await phoneCode(user.token, a.appid);
    const grantedAt = clock.now();

    const list = await c.call('GET', '/api/me/authorizations', { token: user.token });
    expect(list.status).toBe(200);
    const byApp = new Map(list.json.items.map((x: { appid: string }) => [x.appid, x]));
    expect(byApp.get(a.appid)).toEqual({
      appid: a.appid,
      app_name: 'Noodles',
      app_icon_url: null,
      scopes: expect.arrayContaining([
        { scope: 'phone_number', granted_at: grantedAt, last_used_at: grantedAt },
        { scope: 'profile', granted_at: grantedAt, last_used_at: null },
      ]),
    });
    // A denial is not an authorization.
    expect(byApp.get(b.appid)).toMatchObject({ scopes: [{ scope: 'location' }] });

    // One scope of B, then the whole of A.
    expect(
      (await c.call('DELETE', `/api/me/authorizations/${b.appid}/location`, { token: user.token })).status,
    ).toBe(204);
    expect((await c.call('DELETE', `/api/me/authorizations/${a.appid}`, { token: user.token })).status).toBe(
      204,
    );
    expect((await c.call('GET', '/api/me/authorizations', { token: user.token })).json.items).toEqual([]);

    // The code issued before the revocation no longer works; nothing new can be had.
    expect((await exchange(a.token, pending)).json.error.code).toBe('CONSENT_WITHDRAWN');
    expect(
      (await c.call('POST', `/api/runtime/apps/${a.appid}/phone-code`, { token: user.token })).status,
    ).toBe(403);
    expect((await c.call('POST', `/api/runtime/apps/${a.appid}/profile`, { token: user.token })).status).toBe(
      403,
    );
    const sheet = await c.call('GET', `/api/runtime/apps/${a.appid}/consent/phone_number`, {
      token: user.token,
    });
    expect(sheet.json).toMatchObject({ granted: false, decision: null });

    // Revoking again is harmless; an unknown app is a 404; another user's grants are untouched.
    expect((await c.call('DELETE', `/api/me/authorizations/${a.appid}`, { token: user.token })).status).toBe(
      204,
    );
    expect((await c.call('DELETE', '/api/me/authorizations/ttnope', { token: user.token })).status).toBe(404);
  });

  it("keeps one user's revocation from touching another's grants", async () => {
    const a = await app();
    const [u1, u2] = [await c.endUser(), await c.endUser()];
    await decide(u1.token, a.appid, 'phone_number', true);
    await decide(u2.token, a.appid, 'phone_number', true);
    const code2 = await phoneCode(u2.token, a.appid);
    await c.call('DELETE', `/api/me/authorizations/${a.appid}`, { token: u1.token });
    expect((await exchange(a.token, code2)).status).toBe(200);
    expect(await t.consent.isGranted(u2.userId, a.appid, 'phone_number')).toBe(true);
    expect(await t.consent.isGranted(u1.userId, a.appid, 'phone_number')).toBe(false);
  });
});
