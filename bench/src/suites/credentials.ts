import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import type { BenchRow, BenchSuite } from '../suite.ts';
import { type LoadResult, load } from '../support/load.ts';
import { startScript } from '../support/processes.ts';

/**
 * The merchant server's credential calls: `POST /api/apps/jscode2session` (a one-time login
 * code for openid, unionid and session key) and `POST /api/oauth/client_token` (appid +
 * secret for a bearer token), against bare Fastify answering the same JSON, both over
 * loopback in their own processes.
 */
const warmupExchanges = 2_000;
const measuredExchanges = 16_000;
const password = 'a long bench password';

type Json = Record<string, unknown>;

async function post(base: string, path: string, body: unknown, token?: string): Promise<Json> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  const json = (await res.json()) as Json;
  if (!res.ok) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** A developer's app and a signed-in end user, made through the API as people would. */
async function merchantAndUser(base: string) {
  const email = 'bench.credentials@example.com';
  await post(base, '/api/accounts', { email, name: 'Bench', password });
  const dev = (await post(base, '/api/sessions', { email, password })).token as string;
  const org = (await post(base, '/api/orgs', { name: 'Bench' }, dev)).org as { id: string };
  const created = await post(
    base,
    `/api/orgs/${org.id}/apps`,
    { name: 'Bench', category: 'food_delivery' },
    dev,
  );
  const appid = (created.app as { appid: string }).appid;
  const phone = '+8613900001234';
  await post(base, '/api/users/otp', { phone });
  const inbox = (await (await fetch(`${base}/api/dev/inbox?phone=${encodeURIComponent(phone)}`)).json()) as {
    messages: Array<{ code: string }>;
  };
  const code = inbox.messages[0]?.code;
  const user = (await post(base, '/api/users/sessions', { phone, code })).token as string;
  return { appid, secret: created.secret as string, user };
}

/** Login codes issued through the runtime's login route, as the super app asks for them. */
async function issueCodes(base: string, appid: string, user: string, count: number): Promise<string[]> {
  const codes: string[] = [];
  const batch = 32;
  for (let i = 0; i < count; i += batch) {
    const issued = await Promise.all(
      Array.from({ length: Math.min(batch, count - i) }, () =>
        post(base, `/api/runtime/apps/${appid}/login`, {}, user),
      ),
    );
    for (const r of issued) codes.push(r.code as string);
  }
  return codes;
}

/** Exchanges each code once: every request is a valid, first-time exchange. */
async function exchangeAll(url: string, appid: string, secret: string, codes: string[]): Promise<LoadResult> {
  let next = 0;
  const result = await autocannon({
    url,
    connections: 10,
    amount: codes.length,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request) => ({
          ...request,
          body: JSON.stringify({ appid, secret, code: codes[next++] }),
        }),
      },
    ],
  });
  return {
    requestsPerSecond: result.requests.average,
    p99Ms: result.latency.p99,
    errors: result.errors,
    non2xx: result.non2xx,
    requests: result.requests.total,
  };
}

function rows(name: string, measured: LoadResult, baseline: LoadResult): BenchRow[] {
  if (measured.non2xx > 0 || measured.errors > 0)
    throw new Error(`${name} failed ${measured.non2xx + measured.errors} times`);
  return [
    {
      name: `${name} req/s`,
      value: measured.requestsPerSecond,
      unit: 'req/s',
      baseline: { name: 'bare Fastify, same JSON', value: baseline.requestsPerSecond },
      target: '>= 50% of bare',
      pass: measured.requestsPerSecond >= 0.5 * baseline.requestsPerSecond,
    },
    {
      name: `${name} p99`,
      value: measured.p99Ms,
      unit: 'ms',
      baseline: { name: 'bare Fastify p99', value: baseline.p99Ms },
      target: '< 10 ms',
      pass: measured.p99Ms < 10,
    },
  ];
}

export const suite: BenchSuite = {
  name: 'credentials',
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'plaza-bench-credentials-'));
    const plaza = await startScript('plaza-with-inbox.ts', { PLAZA_DATA_DIR: dataDir }, '/readyz');
    try {
      const base = plaza.url;
      const { appid, secret, user } = await merchantAndUser(base);
      const codes = await issueCodes(base, appid, user, warmupExchanges + measuredExchanges + 1);
      const sample = await post(base, '/api/apps/jscode2session', { appid, secret, code: codes.pop() });
      const bare = await startScript('bare-server.ts', { BARE_BODY: JSON.stringify(sample) });
      try {
        const baseline = await load(bare.url);
        const exchange = `${base}/api/apps/jscode2session`;
        await exchangeAll(exchange, appid, secret, codes.slice(0, warmupExchanges));
        const code2session = await exchangeAll(exchange, appid, secret, codes.slice(warmupExchanges));
        const clientToken = await load(`${base}/api/oauth/client_token`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ appid, secret, grant_type: 'client_credential' }),
        });
        return [
          ...rows('POST /api/apps/jscode2session (SQLite, single-use codes)', code2session, baseline),
          ...rows('POST /api/oauth/client_token (SQLite)', clientToken, baseline),
        ];
      } finally {
        await bare.stop();
      }
    } finally {
      await plaza.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
