import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { ecpayRequestSign } from '../../../server/src/modules/douyin-compat/index.ts';
import type { BenchRow, BenchSuite } from '../suite.ts';
import { startScript } from '../support/processes.ts';

/**
 * The Douyin dialect must be thin: Douyin's `POST /api/apps/v2/jscode2session` and ecpay
 * `create_order` against Plaza's own `POST /api/apps/jscode2session` and
 * `POST /api/payments/orders`, on the same server in the same run, each request a first
 * use (a fresh login code, a fresh out_order_no). Only answers that succeed count: a
 * Douyin refusal is HTTP 200 with a non-zero `err_no`, so bodies are read.
 */
const warmup = 1_000;
const measured = 8_000;
const password = 'a long bench password';
const salt = 'bench-payment-salt-0123456789abcdef';

type Json = Record<string, unknown>;

async function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
): Promise<Json> {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await res.json()) as Json;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A developer's app with Douyin payment settings, its client token, a user and their openid. */
async function setUp(base: string) {
  const email = 'bench.douyin@example.com';
  await call(base, 'POST', '/api/accounts', { email, name: 'Bench', password });
  const dev = (await call(base, 'POST', '/api/sessions', { email, password })).token as string;
  const org = (await call(base, 'POST', '/api/orgs', { name: 'Bench' }, dev)).org as { id: string };
  const created = await call(
    base,
    'POST',
    `/api/orgs/${org.id}/apps`,
    { name: 'Bench', category: 'food_delivery' },
    dev,
  );
  const appid = (created.app as { appid: string }).appid;
  const secret = created.secret as string;
  await call(base, 'PUT', `/api/apps/${appid}/douyin/payment-settings`, { salt }, dev);
  const phone = '+8613900004321';
  await call(base, 'POST', '/api/users/otp', { phone });
  const inbox = (await call(base, 'GET', `/api/dev/inbox?phone=${encodeURIComponent(phone)}`)) as {
    messages: Array<{ code: string }>;
  };
  const user = (await call(base, 'POST', '/api/users/sessions', { phone, code: inbox.messages[0]?.code }))
    .token as string;
  const login = (await call(base, 'POST', `/api/runtime/apps/${appid}/login`, {}, user)).code;
  const openid = (await call(base, 'POST', '/api/apps/jscode2session', { appid, secret, code: login }))
    .openid as string;
  const token = (
    await call(base, 'POST', '/api/oauth/client_token', { appid, secret, grant_type: 'client_credential' })
  ).access_token as string;
  return { appid, secret, user, openid, token };
}

async function issueCodes(base: string, appid: string, user: string, count: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < count; i += 32) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(32, count - i) }, () =>
        call(base, 'POST', `/api/runtime/apps/${appid}/login`, {}, user),
      ),
    );
    for (const r of batch) codes.push(r.code as string);
  }
  return codes;
}

/** `amount` requests, each body made fresh; counts those the route answered as done. */
async function each(
  url: string,
  amount: number,
  options: {
    headers?: Record<string, string>;
    body: (n: number) => unknown;
    done: (status: number, body: string) => boolean;
  },
): Promise<{ perSecond: number; p99: number; failed: number }> {
  let n = 0;
  let failed = 0;
  const result = await autocannon({
    url,
    connections: 10,
    amount,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        setupRequest: (request) => ({ ...request, body: JSON.stringify(options.body(n++)) }),
        onResponse: (status, body) => {
          if (!options.done(status, body)) failed++;
        },
      },
    ],
  });
  return { perSecond: result.requests.average, p99: result.latency.p99, failed: failed + result.errors };
}

type Run = Awaited<ReturnType<typeof each>>;

/** Two equal rounds as one: mean rate, the worse p99, every failure. */
const merge = (a: Run, b: Run): Run => ({
  perSecond: (a.perSecond + b.perSecond) / 2,
  p99: Math.max(a.p99, b.p99),
  failed: a.failed + b.failed,
});

const douyinDone = (status: number, body: string) => status === 200 && body.includes('"err_no":0');
const plazaDone = (status: number, _body: string) => status >= 200 && status < 300;

function compare(
  name: string,
  dialect: Awaited<ReturnType<typeof each>>,
  own: Awaited<ReturnType<typeof each>>,
  ownName: string,
): BenchRow[] {
  if (dialect.failed > 0 || own.failed > 0)
    throw new Error(`${name}: ${dialect.failed} + ${own.failed} requests failed`);
  return [
    {
      name: `${name} req/s`,
      value: dialect.perSecond,
      unit: 'req/s',
      baseline: { name: ownName, value: own.perSecond },
      target: '>= 80% of Plaza’s own route',
      pass: dialect.perSecond >= 0.8 * own.perSecond,
    },
    {
      name: `${name} p99`,
      value: dialect.p99,
      unit: 'ms',
      baseline: { name: `${ownName} p99`, value: own.p99 },
    },
  ];
}

export const suite: BenchSuite = {
  name: 'douyin-compat',
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'plaza-bench-douyin-'));
    const plaza = await startScript('plaza-with-inbox.ts', { PLAZA_DATA_DIR: dataDir }, '/readyz');
    try {
      const base = plaza.url;
      const s = await setUp(base);
      const codes = await issueCodes(base, s.appid, s.user, 2 * (warmup + measured));
      const exchange = (url: string, from: number, amount: number, done: typeof plazaDone) =>
        each(url, amount, {
          body: (n) => ({ appid: s.appid, secret: s.secret, code: codes[from + n] }),
          done,
        });
      const own = `${base}/api/apps/jscode2session`;
      const dialect = `${base}/compat/douyin/api/apps/v2/jscode2session`;
      // Warm both, then measure both, alternating so neither gets the warmer machine.
      await exchange(own, 0, warmup, plazaDone);
      await exchange(dialect, warmup, warmup, douyinDone);
      // Two rounds each, alternating, so neither route gets the quieter moment of a shared machine.
      const half = measured / 2;
      const ownLogin1 = await exchange(own, 2 * warmup, half, plazaDone);
      const dialectLogin1 = await exchange(dialect, 2 * warmup + half, half, douyinDone);
      const ownLogin = merge(ownLogin1, await exchange(own, 2 * warmup + 2 * half, half, plazaDone));
      const dialectLogin = merge(
        dialectLogin1,
        await exchange(dialect, 2 * warmup + 3 * half, half, douyinDone),
      );

      let orderNo = 0;
      const plazaOrder = (amount: number) =>
        each(`${base}/api/payments/orders`, amount, {
          headers: { authorization: `Bearer ${s.token}` },
          body: () => ({
            out_order_no: `P${++orderNo}`,
            openid: s.openid,
            total_amount: 1999,
            currency: 'CNY',
            subject: 'Bench',
          }),
          done: plazaDone,
        });
      const ecpayOrder = (amount: number) =>
        each(`${base}/compat/douyin/api/apps/ecpay/v1/create_order`, amount, {
          body: () => {
            const body = {
              app_id: s.appid,
              out_order_no: `D${++orderNo}`,
              total_amount: 1999,
              subject: 'Bench',
              body: 'Bench',
              valid_time: 900,
            };
            return { ...body, sign: ecpayRequestSign(body, salt) };
          },
          done: douyinDone,
        });
      await plazaOrder(warmup);
      await ecpayOrder(warmup);
      const ownOrders1 = await plazaOrder(half);
      const dialectOrders1 = await ecpayOrder(half);
      const ownOrders = merge(ownOrders1, await plazaOrder(half));
      const dialectOrders = merge(dialectOrders1, await ecpayOrder(half));
      return [
        ...compare(
          'POST /compat/douyin/api/apps/v2/jscode2session (SQLite)',
          dialectLogin,
          ownLogin,
          'POST /api/apps/jscode2session',
        ),
        ...compare(
          'POST /compat/douyin/api/apps/ecpay/v1/create_order (SQLite)',
          dialectOrders,
          ownOrders,
          'POST /api/payments/orders',
        ),
      ];
    } finally {
      await plaza.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
