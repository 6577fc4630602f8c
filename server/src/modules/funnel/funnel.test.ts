import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { appsClient } from '../apps/testing.ts';
import { uniquePhone } from '../identity/testing.ts';
import { dateOfDay, dayOf } from './funnel.service.ts';

describe.each(testEngines)('who moves an app funnel, on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let c: ReturnType<typeof appsClient>;
  beforeAll(async () => {
    t = await startTestPlatform(engine, { env: { PLAZA_DEMO: 'true' } });
    c = appsClient(t);
  });
  afterAll(async () => t?.stop());

  /** An end user signed in as the super app signs in: session cookie plus its CSRF token. */
  async function browserUser() {
    const phone = uniquePhone();
    await c.call('POST', '/api/users/otp', { body: { phone } });
    const code = (await c.call('GET', `/api/dev/inbox?phone=${encodeURIComponent(phone)}`)).json.messages[0]
      .code as string;
    const signIn = await c.call('POST', '/api/users/sessions', { body: { phone, code } });
    const cookies = Object.fromEntries(Object.entries(signIn.cookies).map(([name, v]) => [name, v.value]));
    return { cookies, csrf: signIn.json.csrf_token as string };
  }

  it('counts app opens only from signed-in users, once each a day, by cookie or token', async () => {
    const owner = await c.orgOwner();
    const { appid } = await c.createApp(owner);
    const at = Date.now();
    const today = dateOfDay(dayOf(at));
    const opens = (n: number) => ({
      events: Array.from({ length: n }, () => ({ type: 'app_open', appid, at })),
    });
    const funnelToday = async () =>
      (await c.call('GET', `/api/apps/${appid}/funnel?from=${today}&to=${today}`, { token: owner.token }))
        .json.days[0];

    // Fifty anonymous opens are taken (the feed's own log keeps them) and counted nowhere.
    expect((await c.call('POST', '/api/feed/events', { body: opens(50) })).status).toBe(200);
    expect((await funnelToday()).app_open).toBe(0);

    // The super app's session cookie counts, with its CSRF token; without it, nothing is taken.
    const browser = await browserUser();
    const noCsrf = await c.call('POST', '/api/feed/events', { body: opens(3), cookies: browser.cookies });
    expect([noCsrf.status, noCsrf.json.error.code]).toEqual([403, 'HTTP_CSRF']);
    expect((await funnelToday()).app_open).toBe(0);
    for (let i = 0; i < 3; i++) {
      const sent = await c.call('POST', '/api/feed/events', {
        body: opens(5),
        cookies: browser.cookies,
        csrf: browser.csrf,
      });
      expect(sent.status).toBe(200);
    }
    expect((await funnelToday()).app_open).toBe(1);

    // Another user, signed in by bearer token, is one more.
    const other = await c.endUser();
    await c.call('POST', '/api/feed/events', { body: opens(10), token: other.token });
    expect((await funnelToday()).app_open).toBe(2);
  });
});
