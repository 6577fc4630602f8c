import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestTarget, type TestTarget, testEngines } from '../../../test/support/test-database.ts';
import { type Db, openDatabase } from '../../db/database.ts';
import { auditPayments, startWebhookReceiver } from './testing.ts';

const repoRoot = fileURLToPath(new URL('../../../..', import.meta.url));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The real server in its own process on the test's database; killed with SIGKILL and started again. */
function serverProcess(target: TestTarget, port: number) {
  let child: ChildProcess | undefined;
  /** Sign-in codes the dev OTP sender logs (the demo mode's inbox would also seed a demo that competes for the CPU). */
  const codes = new Map<string, string>();
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    codes,
    async start() {
      child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
        cwd: repoRoot,
        env: {
          ...process.env,
          ...target.env,
          PLAZA_PORT: String(port),
          PLAZA_LOG_LEVEL: 'info',
          PLAZA_DEMO: 'false',
          // The test's webhook receiver listens on loopback.
          PLAZA_WEBHOOK_ALLOW_LOOPBACK: 'true',
          PLAZA_JOB_POLL_MS: '50',
          PLAZA_JOB_LEASE_MS: '1500',
        },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      let buffer = '';
      child.stdout?.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) {
          const found = /sign-in code for (\+\d+): (\d+)/.exec(line);
          if (found) codes.set(found[1] as string, found[2] as string);
        }
      });
      // A start takes a second on a quiet machine and much longer on a busy one: the deadline
      // only stops a server that never comes up from hanging the run.
      for (const deadline = Date.now() + 120_000; Date.now() < deadline; ) {
        if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
        try {
          if ((await fetch(`${url}/readyz`)).ok) return;
        } catch {
          // not listening yet
        }
        await sleep(50);
      }
      throw new Error('server did not start');
    },
    async kill(signal: NodeJS.Signals = 'SIGKILL') {
      if (!child || child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}

describe.each(testEngines)('payments across crashes on %s', (engine) => {
  let target: TestTarget;
  let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
  let server: ReturnType<typeof serverProcess>;
  beforeAll(async () => {
    target = await createTestTarget(engine);
    receiver = await startWebhookReceiver();
    server = serverProcess(target, await freePort());
  });
  afterAll(async () => {
    await server?.kill();
    await receiver?.close();
    await target?.drop();
  });

  it('converges after SIGKILLs at random moments: nothing lost, nothing done twice', {
    // A guard against a hang, not a speed limit: each restart may take long on a busy machine.
    timeout: 600_000,
  }, async () => {
    await server.start();
    let up = true;
    /** Every 5xx the server answered: a crash may cut a request off, but never answers one with a 500. */
    const serverErrors: string[] = [];
    /** JSON over HTTP, retried (same key, same body) while the server is down or restarting. */
    async function call(
      method: string,
      path: string,
      o: { token?: string; body?: unknown; key?: string } = {},
    ) {
      let key = o.key;
      for (let attempt = 0; ; attempt++) {
        try {
          const res = await fetch(`${server.url}${path}`, {
            method,
            headers: {
              ...(o.body !== undefined ? { 'content-type': 'application/json' } : {}),
              ...(o.token ? { authorization: `Bearer ${o.token}` } : {}),
              ...(key ? { 'idempotency-key': key } : {}),
            },
            ...(o.body !== undefined ? { body: JSON.stringify(o.body) } : {}),
          });
          // biome-ignore lint/suspicious/noExplicitAny: tests read whatever the route answers
          const json: any = await res.json().catch(() => undefined);
          if (res.status >= 500) {
            serverErrors.push(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
            throw new Error(`server error ${res.status}`);
          }
          if (res.status === 409 && json?.error?.code === 'HTTP_IDEMPOTENCY_IN_PROGRESS' && attempt > 3) {
            // The first try died with the process while holding its key: the operation's own
            // natural key (out_order_no, out_refund_no, the order) makes a keyless rerun converge.
            key = undefined;
            continue;
          }
          if (res.status === 409 && json?.error?.code === 'HTTP_IDEMPOTENCY_IN_PROGRESS') {
            await sleep(100);
            continue;
          }
          return { status: res.status, json };
        } catch {
          if (attempt > 400) throw new Error(`${method} ${path} never answered`);
          await sleep(up ? 20 : 100);
        }
      }
    }

    // A developer, an org, an app with its webhook on loopback, a client token, users with openids.
    const email = `crash.${engine}@example.com`;
    await call('POST', '/api/accounts', { body: { email, name: 'Dev', password: 'correct horse battery' } });
    const session = await call('POST', '/api/sessions', {
      body: { email, password: 'correct horse battery' },
    });
    const org = await call('POST', '/api/orgs', { token: session.json.token, body: { name: 'Org' } });
    const created = await call('POST', `/api/orgs/${org.json.org.id}/apps`, {
      token: session.json.token,
      body: { name: 'Shop', category: 'retail', webhook_url: receiver.url },
    });
    const { appid } = created.json.app;
    const secret = created.json.secret;
    const tokenRes = await call('POST', '/api/oauth/client_token', {
      body: { appid, secret, grant_type: 'client_credential' },
    });
    const merchantToken = tokenRes.json.access_token as string;
    const users: { token: string; openid: string }[] = [];
    for (let i = 0; i < 3; i++) {
      const phone = `+1555${engine === 'sqlite' ? 1 : 2}${String(process.pid % 1000).padStart(3, '0')}${i}`;
      await call('POST', '/api/users/otp', { body: { phone } });
      for (let i = 0; i < 100 && !server.codes.has(phone); i++) await sleep(20);
      const signed = await call('POST', '/api/users/sessions', {
        body: { phone, code: server.codes.get(phone) },
      });
      const code = await call('POST', `/api/runtime/apps/${appid}/login`, { token: signed.json.token });
      const s = await call('POST', '/api/apps/jscode2session', {
        body: { appid, secret, code: code.json.code },
      });
      users.push({ token: signed.json.token, openid: s.json.openid });
    }

    const orders: { id: string; token: string; user: (typeof users)[number]; total: number }[] = [];
    const acknowledged = {
      paid: new Set<string>(),
      refunds: new Map<string, number>(),
      settled: new Set<string>(),
    };
    let n = 0;
    const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)] as T;
    const ops = {
      async create() {
        const no = `C${++n}`;
        const user = pick(users);
        const total = 1 + Math.floor(Math.random() * 3000);
        const res = await call('POST', '/api/payments/orders', {
          token: merchantToken,
          key: `create-${no}`,
          body: { out_order_no: no, openid: user.openid, total_amount: total, currency: 'CNY', subject: 's' },
        });
        expect(res.status, JSON.stringify(res.json)).toBe(201);
        orders.push({ id: res.json.order_id, token: res.json.order_token, user, total });
      },
      async pay() {
        const o = pick(orders);
        if (!o) return;
        const res = await call('POST', '/api/runtime/payments/pay', {
          token: o.user.token,
          key: `pay-${o.id}`,
          body: { order_id: o.id, order_token: o.token, confirmed: true },
        });
        if (res.json?.code === 0) acknowledged.paid.add(o.id);
      },
      async refund() {
        const o = pick(orders);
        if (!o) return;
        const no = `F${++n}`;
        const amount = 1 + Math.floor(Math.random() * o.total * 0.6);
        const res = await call('POST', `/api/payments/orders/${o.id}/refunds`, {
          token: merchantToken,
          key: `refund-${no}`,
          body: { out_refund_no: no, amount },
        });
        if (res.status === 200) acknowledged.refunds.set(res.json.refund_id, amount);
      },
      async settle() {
        const o = pick(orders);
        if (!o) return;
        const res = await call('POST', `/api/payments/orders/${o.id}/settle`, {
          token: merchantToken,
          key: `settle-${o.id}`,
          body: {},
        });
        if (res.status === 200) acknowledged.settled.add(o.id);
      },
    };
    const plan = ['create', 'create', 'pay', 'pay', 'pay', 'refund', 'settle'] as const;

    let running = true;
    const load = Array.from({ length: 4 }, async () => {
      while (running) await ops[pick(plan)]();
    });
    for (let crash = 0; crash < 3; crash++) {
      await sleep(700 + Math.random() * 1500);
      up = false;
      await server.kill('SIGKILL');
      await sleep(Math.random() * 200);
      await server.start();
      up = true;
    }
    // The load runs on after the last restart until it has paid a few orders, however slow
    // the machine: what follows audits them.
    await sleep(1000);
    while (acknowledged.paid.size <= 5) await sleep(50);
    running = false;
    // Every load loop must have stopped before the server is stopped for good, or a late
    // call would retry against a server that is gone.
    await Promise.all(load);

    // Every callback of a paid order arrives while the server is live: the outbox survived
    // the crashes, and the restarted process's own workers deliver it (leases of jobs the
    // killed processes held run out after PLAZA_JOB_LEASE_MS).
    const paidIds = async (on: Db) =>
      (await on.selectFrom('payment_order').select('id').where('paid_at', 'is not', null).execute()).map(
        (p) => p.id,
      );
    const undelivered = (ids: string[]) => {
      const delivered = new Set(
        receiver.events.filter((e) => e.type === 'payment.paid').map((e) => e.data.order_id),
      );
      return ids.filter((id) => !delivered.has(id));
    };
    const { db } = openDatabase(target.target);
    try {
      // Everything due (callbacks, refunds' returns) is run by the live workers, with no
      // other instance draining the queue.
      const due = async () =>
        (
          await db
            .selectFrom('jobs')
            .select('id')
            .where('status', 'in', ['queued', 'running'])
            .where('run_at', '<=', Date.now())
            .execute()
        ).length;
      // Waits as long as that takes (the test's timeout bounds it), not a guessed time.
      while (undelivered(await paidIds(db)).length > 0 || (await due()) > 0) await sleep(100);
      expect(serverErrors).toEqual([]);
      await server.kill('SIGTERM');
      expect(await auditPayments(db, engine)).toEqual([]);
      const rows = new Map(
        (await db.selectFrom('payment_order').selectAll().execute()).map((r) => [r.id, r]),
      );
      expect(acknowledged.paid.size).toBeGreaterThan(5);
      for (const id of acknowledged.paid) expect(rows.get(id)?.paid_at).not.toBeNull();
      for (const id of acknowledged.settled) expect(rows.get(id)?.settled_at).not.toBeNull();
      const refunds = new Map(
        (await db.selectFrom('payment_refund').selectAll().execute()).map((r) => [r.id, r]),
      );
      for (const [id, amount] of acknowledged.refunds)
        expect([refunds.get(id)?.status, Number(refunds.get(id)?.amount)]).toEqual(['succeeded', amount]);
    } finally {
      await db.destroy();
    }
  });
});
