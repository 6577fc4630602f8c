import type { Platform } from '../../platform.ts';
import { goodPassword, identityClient, uniqueEmail } from '../identity/testing.ts';

/**
 * Test fixtures for the apps, login and webhooks tests (and the modules built on them):
 * developers with orgs, an operator, end users, apps and client tokens, all over HTTP.
 * The platform must run in demo mode (`PLAZA_DEMO: 'true'`) for end users' sign-in codes.
 */
let phoneCounter = 0;

export function appsClient(platform: Platform & { operatorSetup?: { url: string } | undefined }) {
  const id = identityClient(platform);
  const { call } = id;

  async function expectStatus(res: Awaited<ReturnType<typeof call>>, status: number, what: string) {
    if (res.status !== status) throw new Error(`${what}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  }

  /** A developer who owns a fresh org. */
  async function orgOwner() {
    const dev = await id.developer();
    const org = await expectStatus(
      await call('POST', '/api/orgs', { token: dev.token, body: { name: 'Org' } }),
      201,
      'create org',
    );
    return { ...dev, orgId: org.org.id as string };
  }

  /** Creates an app in the owner's org; returns the creation response (with the one-time secret). */
  async function createApp(owner: { token: string; orgId: string }, body: Record<string, unknown> = {}) {
    const json = await expectStatus(
      await call('POST', `/api/orgs/${owner.orgId}/apps`, {
        token: owner.token,
        body: { name: 'Takeout', category: 'food_delivery', ...body },
      }),
      201,
      'create app',
    );
    return {
      appid: json.app.appid as string,
      secret: json.secret as string,
      webhookSecret: json.webhook_secret as string,
      app: json.app,
    };
  }

  async function clientToken(appid: string, secret: string): Promise<string> {
    const json = await expectStatus(
      await call('POST', '/api/oauth/client_token', {
        body: { appid, secret, grant_type: 'client_credential' },
      }),
      200,
      'client token',
    );
    return json.access_token as string;
  }

  /** A signed-in end user of the super app (bearer token). */
  async function endUser() {
    phoneCounter += 1;
    const phone = `+86139${String(process.pid % 1000).padStart(3, '0')}${String(phoneCounter).padStart(5, '0')}`;
    await expectStatus(await call('POST', '/api/users/otp', { body: { phone } }), 202, 'otp');
    const inbox = await call('GET', `/api/dev/inbox?phone=${encodeURIComponent(phone)}`);
    const code = inbox.json.messages[0].code as string;
    const json = await expectStatus(
      await call('POST', '/api/users/sessions', { body: { phone, code } }),
      200,
      'sign in',
    );
    return { token: json.token as string, userId: json.user.id as string };
  }

  /** The platform's first operator, signed in. */
  async function operator() {
    const url = platform.operatorSetup?.url;
    if (!url) throw new Error('the platform has no setup link (an operator exists already)');
    const token = new URL(url).searchParams.get('token');
    const email = uniqueEmail('op');
    await expectStatus(
      await call('POST', '/api/setup/operator', {
        body: { token, email, name: 'Op', password: goodPassword },
      }),
      201,
      'operator setup',
    );
    const json = await expectStatus(
      await call('POST', '/api/sessions', { body: { email, password: goodPassword } }),
      200,
      'operator sign-in',
    );
    return { token: json.token as string, accountId: json.account.id as string, email };
  }

  return { ...id, orgOwner, createApp, clientToken, endUser, operator };
}
