import { sql } from 'kysely';
import { loadConfig } from '../../../server/src/config.ts';
import { createTestTarget, testEngines } from '../../../server/src/db/test-database.ts';
import { createPlatform, type Platform } from '../../../server/src/platform.ts';
import type { BenchRow, BenchSuite } from '../suite.ts';

/**
 * Paid orders per second end to end over HTTP (create → pay: the escrow hold, the order
 * marked paid, the callback and the funnel step committed together) against raw
 * single-row inserts into the same database in the same run, on each engine.
 */
const seconds = 5;
const connections = 8;

async function json(base: string, method: string, path: string, body?: unknown, token?: string) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the bench reads what the route answers
  const out: any = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(out)}`);
  return out;
}

/** A merchant app, its client token and a few end users with their openids, over HTTP. */
async function setUp(platform: Platform, base: string) {
  const email = `bench.${Date.now()}@example.com`;
  const password = 'a long bench password';
  await json(base, 'POST', '/api/accounts', { email, name: 'Bench', password });
  const dev = await json(base, 'POST', '/api/sessions', { email, password });
  const org = await json(base, 'POST', '/api/orgs', { name: 'Bench' }, dev.token);
  const app = await json(
    base,
    'POST',
    `/api/orgs/${org.org.id}/apps`,
    { name: 'Shop', category: 'retail' },
    dev.token,
  );
  const token = await json(base, 'POST', '/api/oauth/client_token', {
    appid: app.app.appid,
    secret: app.secret,
    grant_type: 'client_credential',
  });
  const users: { token: string; openid: string }[] = [];
  for (let i = 0; i < connections; i++) {
    const phone = `+1555000${String(i).padStart(4, '0')}`;
    await json(base, 'POST', '/api/users/otp', { phone });
    const inbox = await json(base, 'GET', `/api/dev/inbox?phone=${encodeURIComponent(phone)}`);
    const session = await json(base, 'POST', '/api/users/sessions', { phone, code: inbox.messages[0].code });
    users.push({
      token: session.token,
      openid: await platform.login.openidFor(app.app.appid, session.user.id),
    });
  }
  return { merchantToken: token.access_token as string, users };
}

function p99(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
}

/** Closed loop: each connection creates and pays orders back to back for `seconds`. */
async function paidOrders(base: string, s: Awaited<ReturnType<typeof setUp>>) {
  const latencies: number[] = [];
  let n = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    s.users.map(async (user, worker) => {
      while (Date.now() < end) {
        const started = performance.now();
        const order = await json(
          base,
          'POST',
          '/api/payments/orders',
          {
            out_order_no: `B${worker}-${++n}`,
            openid: user.openid,
            total_amount: 1999,
            currency: 'CNY',
            subject: 'Bench',
          },
          s.merchantToken,
        );
        const paid = await json(
          base,
          'POST',
          '/api/runtime/payments/pay',
          { order_id: order.order_id, order_token: order.order_token, confirmed: true },
          user.token,
        );
        if (paid.code !== 0) throw new Error(`pay answered ${paid.code}`);
        latencies.push(performance.now() - started);
      }
    }),
  );
  return { perSecond: latencies.length / seconds, p99: p99(latencies) };
}

/** The baseline: single-row autocommit inserts with the same concurrency, through the same pool. */
async function rawInserts(platform: Platform) {
  await sql`create table bench_insert (id integer primary key, payload text not null)`.execute(platform.db);
  let id = 0;
  let count = 0;
  const end = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < end) {
        await sql`insert into bench_insert (id, payload) values (${++id}, ${'x'.repeat(200)})`.execute(
          platform.db,
        );
        count++;
      }
    }),
  );
  return count / seconds;
}

export const suite: BenchSuite = {
  name: 'payments',
  async run() {
    const rows: BenchRow[] = [];
    for (const engine of testEngines) {
      const target = await createTestTarget(engine);
      const platform = await createPlatform({
        config: loadConfig({
          ...target.env,
          PLAZA_PORT: '0',
          PLAZA_LOG_LEVEL: 'silent',
          PLAZA_DEMO: 'true',
          PLAZA_WORKERS: 'false',
        }),
      });
      try {
        const base = await platform.listen();
        const setup = await setUp(platform, base);
        const paid = await paidOrders(base, setup);
        const raw = await rawInserts(platform);
        const label = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
        rows.push(
          {
            name: `paid orders/s, create → pay → callback enqueued (${label})`,
            value: paid.perSecond,
            unit: '/s',
            baseline: { name: `raw single-row inserts, ${label}`, value: raw },
            target: '>= 30% of raw inserts',
            pass: paid.perSecond >= 0.3 * raw,
          },
          {
            name: `paid order p99, create + pay (${label})`,
            value: paid.p99,
            unit: 'ms',
            target: '< 50 ms',
            pass: paid.p99 < 50,
          },
        );
      } finally {
        await platform.close();
        await target.drop();
      }
    }
    return rows;
  },
};
