import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { PlazaClient } from '@plaza/server-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../server/test/support/test-database.ts';
import { startTestPlatform } from '../server/test/support/test-platform.ts';

// The platform core's closed loop, as its users live it: over HTTP on a loopback port, the
// real `plaza` command for the developer, the server SDK for the merchant's server, and
// the background workers running the automated checks on their own.
const repo = join(import.meta.dirname, '..');
const plazaBin = join(repo, 'packages/cli/bin/plaza.js');
const password = 'correct horse battery';
const run = promisify(execFile);

describe.each(testEngines)('the platform core end to end on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let base: string;
  let configHome: string;
  beforeAll(async () => {
    t = await startTestPlatform(engine, {
      env: { PLAZA_DEMO: 'true', PLAZA_WORKERS: 'true', PLAZA_JOB_POLL_MS: '50' },
    });
    base = await t.listen();
    configHome = mkdtempSync(join(tmpdir(), 'plaza-e2e-config-'));
  });
  afterAll(async () => {
    await t?.stop();
    if (configHome) rmSync(configHome, { recursive: true, force: true });
  });

  async function call(method: string, path: string, options: { body?: unknown; token?: string } = {}) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: {
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: the test reads what each route answers
    return { status: res.status, text, json: (text ? JSON.parse(text) : undefined) as any };
  }

  async function expectStatus(res: Promise<Awaited<ReturnType<typeof call>>>, status: number) {
    const r = await res;
    expect(r.status, r.text).toBe(status);
    return r.json;
  }

  /** The `plaza` command as a developer runs it, in its own process. */
  async function plaza(...args: string[]) {
    const { stdout, stderr } = await run(process.execPath, [plazaBin, ...args], {
      cwd: repo,
      env: { ...process.env, XDG_CONFIG_HOME: configHome, NO_COLOR: '1' },
      timeout: 60_000,
    });
    return `${stdout}${stderr}`;
  }

  async function signInEndUser(phone: string) {
    await expectStatus(call('POST', '/api/users/otp', { body: { phone } }), 202);
    const inbox = await expectStatus(call('GET', `/api/dev/inbox?phone=${encodeURIComponent(phone)}`), 200);
    const code = inbox.messages[0].code as string;
    return expectStatus(call('POST', '/api/users/sessions', { body: { phone, code } }), 200);
  }

  it('takes a developer from sign-up to a released takeout app, and a user to a pairwise openid', async () => {
    // The developer signs up, creates an org and two apps in it.
    const email = `core.${engine}.${process.pid}@example.com`;
    await expectStatus(call('POST', '/api/accounts', { body: { email, name: 'Mei', password } }), 201);
    const session = await expectStatus(call('POST', '/api/sessions', { body: { email, password } }), 200);
    const dev = session.token as string;
    const org = (
      await expectStatus(call('POST', '/api/orgs', { token: dev, body: { name: 'Noodles' } }), 201)
    ).org.id as string;
    const createApp = async (orgId: string, token: string, name: string) =>
      expectStatus(
        call('POST', `/api/orgs/${orgId}/apps`, {
          token,
          body: { name, category: 'food_delivery', request_domains: ['https://takeout.example.com'] },
        }),
        201,
      );
    const takeout = await createApp(org, dev, 'Takeout');
    const sister = await createApp(org, dev, 'Takeout Express');
    const appid = takeout.app.appid as string;

    // plaza login, then plaza upload --submit of the takeout example.
    expect(await plaza('login', '--server', base, '--email', email, '--password', password)).toMatch(
      /Logged in to/,
    );
    const uploaded = await plaza(
      'upload',
      'examples/takeout',
      '--version',
      '1.0.0',
      '--desc',
      'First release',
      '--appid',
      appid,
      '--submit',
    );
    const versionId = /as version (ver_\w+)/.exec(uploaded)?.[1] as string;
    expect(versionId, uploaded).toBeTruthy();
    expect(uploaded).toContain('Submitted for review');

    // The workers run the automated checks on their own.
    let version: { status: string; checks: { status: string } | null } | undefined;
    for (let i = 0; i < 300; i++) {
      version = (
        await expectStatus(call('GET', `/api/apps/${appid}/versions/${versionId}`, { token: dev }), 200)
      ).version;
      if (version?.checks && version.checks.status !== 'pending') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(version?.checks?.status).toBe('passed');
    expect(version?.status).toBe('in_review');

    // An operator approves it; the developer releases it; the super app can load it.
    const setupToken = new URL(t.operatorSetup?.url as string).searchParams.get('token');
    const opEmail = `op.${engine}.${process.pid}@example.com`;
    await expectStatus(
      call('POST', '/api/setup/operator', {
        body: { token: setupToken, email: opEmail, name: 'Op', password },
      }),
      201,
    );
    const op = (
      await expectStatus(call('POST', '/api/sessions', { body: { email: opEmail, password } }), 200)
    ).token as string;
    const queue = await expectStatus(call('GET', '/api/review/versions', { token: op }), 200);
    expect(queue.versions.map((v: { id: string }) => v.id)).toContain(versionId);
    await expectStatus(call('POST', `/api/review/versions/${versionId}/approve`, { token: op }), 200);
    await expectStatus(
      call('POST', `/api/apps/${appid}/release`, {
        token: dev,
        body: { version_id: versionId, percentage: 100 },
      }),
      200,
    );
    const pkg = await expectStatus(call('GET', `/api/runtime/apps/${appid}/package`), 200);
    expect(pkg.version).toBe('1.0.0');

    // An end user signs in by phone and opens the app: a one-time login code for it.
    const user = await signInEndUser(
      `+86137${String(process.pid % 10_000).padStart(4, '0')}${engine === 'sqlite' ? 1 : 2}001`,
    );
    const loginCode = async (forAppid: string, token = user.token as string) =>
      (await expectStatus(call('POST', `/api/runtime/apps/${forAppid}/login`, { token }), 200))
        .code as string;

    // The merchant's server exchanges it with the server SDK.
    const merchant = new PlazaClient({ baseUrl: base, appid, secret: takeout.secret });
    const first = await merchant.code2session(await loginCode(appid));
    expect(first.openid).toBeTruthy();
    expect(first.unionid).toBeTruthy();
    expect(first.session_key).toBeTruthy();
    // The code was single-use.
    const code = await loginCode(appid);
    await merchant.code2session(code);
    await expect(merchant.code2session(code)).rejects.toMatchObject({ status: 400 });

    // Stable for the same user and app; another app of the org sees another openid, the same unionid.
    const again = await merchant.code2session(await loginCode(appid));
    expect(again.openid).toBe(first.openid);
    expect(again.unionid).toBe(first.unionid);
    const sisterServer = new PlazaClient({ baseUrl: base, appid: sister.app.appid, secret: sister.secret });
    const inSister = await sisterServer.code2session(await loginCode(sister.app.appid));
    expect(inSister.openid).not.toBe(first.openid);
    expect(inSister.unionid).toBe(first.unionid);

    // An app of another org sees another openid and another unionid.
    const rivalDev = `rival.${engine}.${process.pid}@example.com`;
    await expectStatus(
      call('POST', '/api/accounts', { body: { email: rivalDev, name: 'Rival', password } }),
      201,
    );
    const rival = (
      await expectStatus(call('POST', '/api/sessions', { body: { email: rivalDev, password } }), 200)
    ).token as string;
    const rivalOrg = (
      await expectStatus(call('POST', '/api/orgs', { token: rival, body: { name: 'Rival' } }), 201)
    ).org.id as string;
    const rivalApp = await createApp(rivalOrg, rival, 'Rival takeout');
    const rivalServer = new PlazaClient({
      baseUrl: base,
      appid: rivalApp.app.appid,
      secret: rivalApp.secret,
    });
    const inRival = await rivalServer.code2session(await loginCode(rivalApp.app.appid));
    expect(inRival.openid).not.toBe(first.openid);
    expect(inRival.unionid).not.toBe(first.unionid);

    // Another user of the same app has another openid; no answer carries the internal user id.
    const other = await signInEndUser(
      `+86137${String(process.pid % 10_000).padStart(4, '0')}${engine === 'sqlite' ? 1 : 2}002`,
    );
    const otherSession = await merchant.code2session(await loginCode(appid, other.token));
    expect(otherSession.openid).not.toBe(first.openid);
    for (const s of [first, again, inSister, inRival, otherSession]) {
      const text = JSON.stringify(s);
      expect(text).not.toContain(user.user.id);
      expect(text).not.toContain(other.user.id);
    }
  }, 90_000);
});
