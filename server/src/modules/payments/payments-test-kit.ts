import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Clock, manualClock } from '../../db/clock.ts';
import type { Engine } from '../../db/database.ts';
import { startTestPlatform } from '../../test-platform.ts';
import { appsClient } from '../apps/apps-test-client.ts';

/** A merchant's webhook endpoint on loopback that records every event it receives. */
export async function startWebhookReceiver() {
  const events: { id: string; type: string; data: Record<string, unknown> }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as {
        type: string;
        data: Record<string, unknown>;
      };
      events.push({ id: String(req.headers['webhook-id']), type: body.type, data: body.data });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks`,
    events,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A platform with a manual clock, a merchant app whose webhooks go to a local receiver,
 * its client token, and helpers to make end users of it, for the payments tests.
 */
export async function startPaymentsKit(
  engine: Engine,
  options: { clock?: Clock & { advance(ms: number): void } } = {},
) {
  const clock = options.clock ?? manualClock(Date.now());
  const t = await startTestPlatform(engine, { clock, env: { PLAZA_DEMO: 'true' } });
  const c = appsClient(t);
  const receiver = await startWebhookReceiver();

  async function merchant(category = 'food_delivery') {
    const owner = await c.orgOwner();
    const created = await c.createApp(owner, { webhook_url: receiver.url, category });
    const app = await t.apps.findByAppid(created.appid);
    if (!app) throw new Error('app missing');
    const token = await c.clientToken(created.appid, created.secret);
    return { owner, appid: created.appid, appId: app.id, orgId: app.orgId, token, secret: created.secret };
  }

  async function customer(appid: string) {
    const user = await c.endUser();
    const openid = await t.login.openidFor(appid, user.userId);
    return { ...user, openid };
  }

  return {
    t,
    clock: clock as Clock & { advance(ms: number): void },
    call: c.call,
    receiver,
    merchant,
    customer,
    /** A fresh client token, after the clock moved past the old one's life. */
    clientToken: c.clientToken,
    async stop() {
      await t.stop();
      await receiver.close();
    },
  };
}

export type PaymentsKit = Awaited<ReturnType<typeof startPaymentsKit>>;
