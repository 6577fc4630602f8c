import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { testEngines } from '../support/test-database.ts';
import { diffSnapshots, snapshotDatabase } from './database-snapshot.ts';
import { refusalCounters } from './fuzz-run.ts';
import { fuzzWorldFor } from './fuzz-world.ts';
import { conventionProblem } from './refusal-envelope.ts';

/** Each bug the fuzzer found, pinned by the smallest request that showed it. */
describe.each(testEngines)('what the fuzzer found, on %s', (engine) => {
  const s = fuzzWorldFor(engine);

  async function call(method: string, url: string, token?: string, payload?: unknown) {
    const before = await snapshotDatabase(s.t.db, s.t.engine);
    const res = await s.t.app.inject({
      method: method as 'GET',
      url,
      headers: token ? { authorization: `Bearer ${token}` } : {},
      ...(payload === undefined ? {} : { payload: payload as object }),
    });
    const changed = diffSnapshots(before, await snapshotDatabase(s.t.db, s.t.engine));
    const problem = conventionProblem(res.statusCode, res.headers['content-type']?.toString(), res.body);
    return { status: res.statusCode, code: res.json().error?.code, changed, problem };
  }

  it('answers undecodable URLs and overlong path segments in the envelope, as 400', async () => {
    for (const [method, url] of [
      ['GET', '/api/orgs/%ff%fe'],
      ['GET', '/api/orgs/%'],
      ['POST', `/api/orgs/${'x'.repeat(5000)}/members`],
    ] as const) {
      const res = await call(method, url, s.fw.tokens.developer);
      expect(res).toMatchObject({ status: 400, code: 'HTTP_BAD_REQUEST', problem: undefined });
    }
  });

  it('answers a page path that still holds a % once decoded with 400, not a second decode and 500', async () => {
    for (const url of ['/%25', '/%25zz', '/assets/%25', '/%2525', '/orders/%25E0%25A4%25A', '/%']) {
      const res = await call('GET', url);
      expect(res, url).toMatchObject({ status: 400, code: 'HTTP_BAD_REQUEST', problem: undefined });
    }
  });

  it("answers an operator's list of an org that does not exist with 404, not an empty list", async () => {
    const res = await call('GET', '/api/orgs/org_nothing_here/apps', s.fw.tokens.operator);
    expect(res).toMatchObject({ status: 404, code: 'IDENTITY_ORG_NOT_FOUND', problem: undefined });
    expect((await call('GET', `/api/orgs/${s.fw.world.org}/apps`, s.fw.tokens.operator)).status).toBe(200);
  });

  it('refuses a NUL character in a path, a query or a body with 400 and stores nothing', async () => {
    const cases: Array<[string, string, unknown]> = [
      ['GET', '/api/orgs/a%00b', undefined],
      ['POST', '/api/orgs', { name: 'a\u0000b' }],
      ['POST', `/api/orgs/${s.fw.world.org}/members`, { email: 'a@example.com', role: 'viewer\u0000' }],
      ['GET', '/api/orgs?x=%00', undefined],
    ];
    for (const [method, url, body] of cases) {
      const res = await call(method, url, s.fw.tokens.developer, body);
      expect(res, `${method} ${url}`).toMatchObject({ status: 400, code: 'HTTP_VALIDATION', changed: [] });
    }
  });

  it('refuses an order list or statement bound that is no calendar day with 400', async () => {
    for (const url of [
      '/api/payments/orders?created_from=2026-13-45',
      '/api/payments/orders?created_to=0000-00-00',
      '/api/payments/statements?from=2026-02-30&to=2026-03-01',
    ]) {
      const res = await call('GET', url, s.fw.tokens.app);
      expect(res, url).toMatchObject({ status: 400, code: 'HTTP_VALIDATION', problem: undefined });
    }
  });

  it.runIf(engine === 'postgres')(
    'stays ready while another schema of the same database is created and dropped',
    async () => {
      const admin = new pg.Client({ connectionString: s.t.env.PLAZA_DATABASE_URL });
      await admin.connect();
      let churning = true;
      const churn = (async () => {
        for (let i = 0; churning; i++) {
          const schema = `fuzz_churn_${process.pid}_${i}`;
          await admin.query(`create schema ${schema}; create table ${schema}.a (id serial primary key)`);
          await admin.query(`drop schema ${schema} cascade`);
        }
      })();
      const statuses = new Set<number>();
      try {
        for (let i = 0; i < 100; i++)
          statuses.add((await s.t.app.inject({ method: 'GET', url: '/readyz' })).statusCode);
      } finally {
        churning = false;
        await churn;
        await admin.end();
      }
      expect([...statuses]).toEqual([200]);
    },
  );

  it('refuses a refund over what is left without creating ledger accounts', async () => {
    const order = s.fw.world.orders.paid.order_id as string;
    const res = await call('POST', `/api/payments/orders/${order}/refunds`, s.fw.tokens.app, {
      out_refund_no: 'fuzz-too-much',
      amount: 1_000_000,
    });
    expect(res).toMatchObject({ status: 409, code: 'PAYMENT_REFUND_EXCEEDS_PAID', changed: [] });
  });
  it('lets a wrong sign-in code move only its own count of tries', async () => {
    const phone = '+8613900001234';
    const sent = await s.t.app.inject({ method: 'POST', url: '/api/users/otp', payload: { phone } });
    expect(sent.statusCode).toBe(202);
    const before = await snapshotDatabase(s.t.db, s.t.engine, refusalCounters);
    const exact = await snapshotDatabase(s.t.db, s.t.engine);
    const wrong = await s.t.app.inject({
      method: 'POST',
      url: '/api/users/sessions',
      payload: { phone, code: '000000' },
    });
    expect(wrong.json().error.code).toBe('IDENTITY_OTP_INVALID');
    // The try is counted (the guessing limit) and that count is all the refusal changed.
    expect(diffSnapshots(exact, await snapshotDatabase(s.t.db, s.t.engine))).toEqual([
      expect.stringMatching(/^phone_otp /),
    ]);
    expect(diffSnapshots(before, await snapshotDatabase(s.t.db, s.t.engine, refusalCounters))).toEqual([]);
  });
});
