import { sql } from 'kysely';
import { openDatabase } from '../../../server/src/db/database.ts';
import { call, setUpMerchant } from '../../../server/test/support/payment-load.ts';
import { createTestTarget, testEngines } from '../../../server/test/support/test-database.ts';
import type { BenchRow, BenchSuite } from '../suite.ts';
import { startScript } from '../support/processes.ts';

/**
 * Paid orders per second end to end over HTTP (create → pay: the escrow hold, the order
 * marked paid, the callback and the funnel step committed together) against the server
 * in its own process, as deployed, on each engine. Two baselines from the same run: raw
 * single-row inserts into the same database, and the same two-request loop against bare
 * Fastify (what the HTTP layer alone allows on this machine).
 */
const seconds = 5;
const warmupSeconds = 1;
const connections = 8;

const json = call;

/** A merchant app, its client token and one end user per connection, all over HTTP. */
const setUp = (base: string) => setUpMerchant(base, connections);

function p99(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))] ?? 0;
}

/** Closed loop: each connection runs `order` back to back; a warm-up first, then the measured run. */
async function closedLoop(order: (worker: number, n: number) => Promise<void>) {
  let n = 0;
  const run = async (forSeconds: number) => {
    const latencies: number[] = [];
    const end = Date.now() + forSeconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async (_, worker) => {
        while (Date.now() < end) {
          const started = performance.now();
          await order(worker, ++n);
          latencies.push(performance.now() - started);
        }
      }),
    );
    return latencies;
  };
  await run(warmupSeconds);
  const latencies = await run(seconds);
  return { perSecond: latencies.length / seconds, p99: p99(latencies) };
}

function paidOrders(base: string, s: Awaited<ReturnType<typeof setUp>>) {
  return closedLoop(async (worker, n) => {
    const user = s.users[worker] as (typeof s.users)[number];
    const order = await json(
      base,
      'POST',
      '/api/payments/orders',
      {
        out_order_no: `B${worker}-${n}`,
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
  });
}

/** The HTTP bound: the same loop of two requests against bare Fastify, with the same client. */
async function bareRequests() {
  const bare = await startScript('bare-server.ts', {
    BARE_BODY: JSON.stringify({ order_id: 'ord_x', code: 0 }),
  });
  try {
    return await closedLoop(async () => {
      await json(bare.url, 'GET', '/');
      await json(bare.url, 'GET', '/');
    });
  } finally {
    await bare.stop();
  }
}

/** The baseline: single-row autocommit inserts with the same concurrency, into the same database. */
async function rawInserts(target: Parameters<typeof openDatabase>[0]) {
  const { db } = openDatabase(target);
  try {
    await sql`create table bench_insert (id integer primary key, payload text not null)`.execute(db);
    let id = 0;
    let count = 0;
    const end = Date.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async () => {
        while (Date.now() < end) {
          await sql`insert into bench_insert (id, payload) values (${++id}, ${'x'.repeat(200)})`.execute(db);
          count++;
        }
      }),
    );
    return count / seconds;
  } finally {
    await db.destroy();
  }
}

export const suite: BenchSuite = {
  name: 'payments',
  async run() {
    const rows: BenchRow[] = [];
    const bare = await bareRequests();
    rows.push({
      name: 'bare Fastify, two requests per order (the HTTP bound)',
      value: bare.perSecond,
      unit: '/s',
    });
    for (const engine of testEngines) {
      const target = await createTestTarget(engine);
      try {
        // Workers off: the bench measures create + pay, not the callbacks' delivery.
        const plaza = await startScript(
          'plaza-with-inbox.ts',
          { ...target.env, PLAZA_WORKERS: 'false', PLAZA_LOG_LEVEL: 'warn' },
          '/readyz',
        );
        let paid: Awaited<ReturnType<typeof paidOrders>>;
        try {
          paid = await paidOrders(plaza.url, await setUp(plaza.url));
        } finally {
          await plaza.stop();
        }
        const raw = await rawInserts(target.target);
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
            name: `paid orders/s against the HTTP bound (${label})`,
            value: paid.perSecond,
            unit: '/s',
            baseline: { name: 'bare Fastify, two requests per order', value: bare.perSecond },
            target: '>= 50% of bare',
            pass: paid.perSecond >= 0.5 * bare.perSecond,
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
        await target.drop();
      }
    }
    return rows;
  },
};
