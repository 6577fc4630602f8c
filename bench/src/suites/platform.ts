import type { BenchSuite } from '../suite.ts';
import { cpuPerRequest } from '../support/cpu-per-request.ts';
import { load } from '../support/load.ts';
import { startPlaza, startScript } from '../support/processes.ts';

/**
 * An authenticated JSON read that touches the database (`GET /api/me/account` with a
 * bearer session) against bare Fastify answering the same JSON, both over loopback.
 */
export const suite: BenchSuite = {
  name: 'platform',
  async run() {
    const plaza = await startPlaza();
    try {
      const email = 'bench@example.com';
      const password = 'a long bench password';
      const post = (path: string, body: unknown) =>
        fetch(`${plaza.url}${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      await post('/api/accounts', { email, name: 'Bench', password });
      const session = (await (await post('/api/sessions', { email, password })).json()) as { token: string };
      const headers = { authorization: `Bearer ${session.token}` };
      const sample = await (await fetch(`${plaza.url}/api/me/account`, { headers })).json();
      const bare = await startScript('bare-server.ts', { BARE_BODY: JSON.stringify(sample) });
      try {
        const baseline = await load(bare.url);
        const measured = await load(`${plaza.url}/api/me/account`, { headers });
        if (measured.non2xx > 0 || measured.errors > 0)
          throw new Error(`authenticated read failed ${measured.non2xx + measured.errors} times`);
        const bareCpu = await cpuPerRequest(bare.child.pid as number, bare.url);
        const plazaCpu = await cpuPerRequest(plaza.child.pid as number, `${plaza.url}/api/me/account`, {
          headers,
        });
        return [
          {
            name: 'GET /api/me/account (bearer, SQLite) req/s',
            value: measured.requestsPerSecond,
            unit: 'req/s',
            baseline: { name: 'bare Fastify, same JSON', value: baseline.requestsPerSecond },
            target: '>= 50% of bare',
            pass: measured.requestsPerSecond >= 0.5 * baseline.requestsPerSecond,
          },
          {
            name: 'GET /api/me/account, server CPU per request (median of 5 × 20,000)',
            value: plazaCpu,
            unit: 'µs',
            baseline: { name: 'bare Fastify, same JSON', value: bareCpu },
            target: '<= 2× bare',
            pass: plazaCpu <= 2 * bareCpu,
          },
          {
            name: 'GET /api/me/account p99',
            value: measured.p99Ms,
            unit: 'ms',
            baseline: { name: 'bare Fastify p99', value: baseline.p99Ms },
            target: '< 10 ms',
            pass: measured.p99Ms < 10,
          },
        ];
      } finally {
        await bare.stop();
      }
    } finally {
      await plaza.stop();
    }
  },
};
