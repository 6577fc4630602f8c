import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { startTestPlatform } from '../../../test/support/test-platform.ts';
import { manualClock, systemClock } from '../../db/clock.ts';
import type { Engine } from '../../db/database.ts';
import { appsClient } from '../apps/testing.ts';

/*
 * The customer service module's test kit: a platform, merchant apps whose webhooks reach
 * a local receiver that checks each signature, end users with their openids, agents of
 * the app's org, and the calls of each party, all over HTTP.
 */

/** The smallest real images: the bytes a chat accepts by their magic numbers. */
export const pngBytes = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
export const jpegBytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1)]);

/** A merchant's server on loopback that keeps only the callbacks whose signature checks out. */
async function startSignedReceiver() {
  const secrets: string[] = [];
  const events: { type: string; data: Record<string, unknown> }[] = [];
  const forged: string[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers = {
        'webhook-id': String(req.headers['webhook-id']),
        'webhook-timestamp': String(req.headers['webhook-timestamp']),
        'webhook-signature': String(req.headers['webhook-signature']),
      };
      const verified = secrets.some((s) => {
        try {
          new Webhook(s).verify(body, headers);
          return true;
        } catch {
          return false;
        }
      });
      if (verified) events.push(JSON.parse(body) as (typeof events)[number]);
      else forged.push(body);
      res.writeHead(verified ? 200 : 400).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    events,
    forged,
    trust: (secret: string) => secrets.push(secret),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * `realTime`: the platform keeps the system's time, for tests of the live feed, whose
 * SQLite poll reads lines by when they were written (a stopped clock would date them all
 * to the kit's start, out of the poll's reach).
 */
export async function startSupportKit(engine: Engine, options: { realTime?: boolean } = {}) {
  const clock = manualClock(Date.now());
  const t = await startTestPlatform(engine, {
    clock: options.realTime ? systemClock : clock,
    env: { PLAZA_DEMO: 'true' },
  });
  const c = appsClient(t);
  const receiver = await startSignedReceiver();
  const { call } = c;

  /** A merchant app with its client token and its org's owner (the first agent). */
  async function merchant() {
    const owner = await c.orgOwner();
    const created = await c.createApp(owner, { webhook_url: receiver.url });
    receiver.trust(created.webhookSecret);
    const token = await c.clientToken(created.appid, created.secret);
    const app = await t.apps.findByAppid(created.appid);
    if (!app) throw new Error('app missing');
    return {
      owner,
      appid: created.appid,
      appId: app.id,
      token,
      secret: created.secret,
      /** A fresh client token, once the clock moved past the first one's life. */
      renewToken: () => c.clientToken(created.appid, created.secret),
    };
  }

  /** Another member of the merchant's org, with a role: a second agent. */
  async function agent(m: { owner: { token: string; orgId: string } }, role = 'viewer') {
    const dev = await c.developer();
    const added = await call('POST', `/api/orgs/${m.owner.orgId}/members`, {
      token: m.owner.token,
      body: { email: dev.account.email, role },
    });
    if (added.status !== 201) throw new Error(`add member: ${added.status} ${JSON.stringify(added.json)}`);
    return dev;
  }

  async function customer(appid: string) {
    const user = await c.endUser();
    return { ...user, openid: await t.login.openidFor(appid, user.userId) };
  }

  // The platform has one setup link: the first operator is made once and shared.
  let operator: ReturnType<typeof c.operator> | undefined;

  const chat = (appid: string, suffix = '') => `/api/me/support/conversations/${appid}${suffix}`;
  const inbox = (appid: string, suffix = '') => `/api/apps/${appid}/support${suffix}`;

  /** Posts raw bytes as an image, with a declared content type (which is not trusted). */
  async function postImage(url: string, token: string, bytes: Buffer, type = 'image/png') {
    const res = await t.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${token}`, 'content-type': type },
      payload: bytes,
    });
    return { status: res.statusCode, json: res.json() };
  }

  /** Runs the outbox until nothing is due: webhooks go out. */
  async function drain() {
    while ((await t.jobs.workers.runDue()) > 0) {}
  }

  return {
    t,
    c,
    call,
    clock,
    receiver,
    merchant,
    agent,
    customer,
    chat,
    inbox,
    postImage,
    drain,
    operator: () => {
      operator ??= c.operator();
      return operator;
    },
    say: (token: string, appid: string, text: string) =>
      call('POST', chat(appid, '/messages'), { token, body: { text } }),
    reply: (token: string, openid: string, text: string) =>
      call('POST', '/api/support/messages', { token, body: { openid, text } }),
    async stop() {
      await t.stop();
      await receiver.close();
    },
  };
}
