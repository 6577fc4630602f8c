import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testEngines } from '../support/test-database.ts';
import { startTestPlatform } from '../support/test-platform.ts';
import { isDenial, mismatch } from './expectations.ts';
import { buildMatrixWorld, type MatrixWorld } from './matrix-world.ts';
import { principals, type Who } from './principals.ts';
import { registeredRoutes } from './route-inventory.ts';
import { type MatrixRow, routeTable } from './route-table.ts';

vi.mock('fastify', async (original) =>
  (await import('./route-inventory.ts')).recordingFastify(await original()),
);

const strangers: readonly Who[] = ['otherUser', 'otherOrg', 'otherApp'];
const phases = [undefined, 'late', 'final'] as const;

/** Calls one route as one principal; the reply's status, error code and raw body. */
async function callAs(w: MatrixWorld, row: MatrixRow, who: Who) {
  const req = await row.request(w, who);
  const method = row.route.slice(0, row.route.indexOf(' '));
  const token = w.tokens[who];
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  if (req.payload) headers['content-type'] = req.payload.contentType;
  const res = await w.t.app.inject({
    method: method as 'GET',
    url: req.url,
    headers,
    // A fresh address per call: per-IP limits on sign-in routes are not what this tests.
    remoteAddress: `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
    ...(req.payload
      ? { payload: req.payload.data }
      : req.body === undefined
        ? {}
        : { payload: req.body as object }),
  });
  let code: string | undefined;
  if (res.statusCode >= 400 && res.headers['content-type']?.toString().includes('json'))
    code = (res.json() as { error?: { code?: string } }).error?.code;
  return {
    status: res.statusCode,
    code,
    body: res.body,
    sent: `${req.url} ${JSON.stringify(req.body ?? '')}`,
  };
}

describe.each(testEngines)('the authorisation matrix on %s', (engine) => {
  let t: Awaited<ReturnType<typeof startTestPlatform>>;
  let w: MatrixWorld;
  beforeAll(async () => {
    t = await startTestPlatform(engine, { env: { PLAZA_DEMO: 'true' } });
    w = await buildMatrixWorld(t);
  }, 60_000);
  afterAll(async () => {
    await t?.stop();
  });

  it('has one row for every route the platform serves, and no row for a route it does not', () => {
    const rows = routeTable.map((r) => r.route);
    expect(new Set(rows).size, 'a route has two rows').toBe(rows.length);
    const missing = [...registeredRoutes].filter((r) => !rows.includes(r)).sort();
    const stale = rows.filter((r) => !registeredRoutes.has(r)).sort();
    expect({ missing, stale }).toEqual({ missing: [], stale: [] });
  });

  it('gives every principal on every route what its cell says, and no stranger anything of A', async () => {
    const failures: string[] = [];
    for (const phase of phases) {
      for (const row of routeTable.filter((r) => r.phase === phase)) {
        // Denied callers first: they must change nothing the allowed ones then act on.
        const order = [...principals].sort(
          (a, b) => Number(isDenial(row.expect[b])) - Number(isDenial(row.expect[a])),
        );
        const isPublic = !isDenial(row.expect.anonymous);
        for (const who of order) {
          const got = await callAs(w, row, who);
          const wrong = mismatch(row.expect[who], got.status, got.code);
          if (wrong) failures.push(`${row.route} as ${who}: ${wrong}`);
          if (!isPublic && strangers.includes(who)) {
            // An id the caller sent may come back in the error's details; anything else is a leak.
            const leaked = w.privateMarkers.filter((m) => got.body.includes(m) && !got.sent.includes(m));
            if (leaked.length > 0) failures.push(`${row.route} as ${who}: leaks ${leaked.join(', ')}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 120_000);
});
